import { Body, Get, Param, Post, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { list, ok } from '../../common/envelope/envelope';
import { ApiDoc, DocErrors } from '../../common/openapi/api-doc.decorator';
import { API_TAGS } from '../../common/openapi/api-tags';
import { pageOf } from '../../common/pagination/pagination';
import { ValidationStyle } from '../../common/validation/validation-style';
import { CustomerIdParamDto } from '../contacts/dto/follow-up.dto';
import { AddTagDto, TagListQueryDto } from './dto/tag.dto';
import { TagService } from './tag.service';
import { TagChoiceList, TagItem } from './dto/customer.response.dto';

@RepController('tag_list', API_TAGS.customer)
export class TagController {
  constructor(private readonly tags: TagService) {}

  @Get()
  @ApiDoc({
    operationId: 'repTagList',
    returns: TagChoiceList,
    name: '企业微信-标签列表',
    english: 'Company tags for a customer',
    description: "The company's tags (all by default, `length` pages them), each with `is_select` when the customer carries it. 307 without a relation.",
    success: {
      msg: '查询成功',
      data: {
        ret_data: [
          { id: 1, name: '重要客户', is_select: true },
          { id: 2, name: '一般客户', is_select: false },
        ],
        data_count: 2,
      },
    },
    errors: [DocErrors.validation402({ customer_id: [{ message: '这个字段是必填项。', code: 'required' }] }), DocErrors.noRelation()],
  })
  async list(@CurrentPrincipal() p: Principal, @Query() query: TagListQueryDto) {
    const { items, total } = await this.tags.choicesFor(p.companyId, p.id, query.customer_id, pageOf(query, 0));
    return ok('查询成功', list(items.map((t) => ({ id: t.id, name: t.name, is_select: t.selected })), total));
  }

  @Post('add_tag/:customer_id')
  @ValidationStyle(303, 'msg')
  @ApiDoc({
    operationId: 'repTagAdd',
    returns: TagItem,
    name: '企业微信-添加标签',
    english: 'Create a tag and attach it',
    description:
      'Creates the tag `name` in the caller\'s company (an existing tag of that name is reused) and attaches it to the customer. ' +
      '`data` is `{id, name}` of the tag. 307 without a relation; invalid name → 303 with the field errors in `msg`.',
    json: { name: '爱撸串' },
    success: { msg: '添加成功', data: { id: 3, name: '爱撸串' } },
    errors: [
      DocErrors.validation303({ name: [{ message: '这个字段是必填项。', code: 'required' }] }),
      DocErrors.validation303({ name: [{ message: '长度超出限制。', code: 'too_long' }] }),
      DocErrors.noRelation(),
    ],
  })
  async add(@CurrentPrincipal() p: Principal, @Param() params: CustomerIdParamDto, @Body() body: AddTagDto) {
    const tag = await this.tags.addAndAttach(p.companyId, p.id, params.customer_id, body.name);
    return ok('添加成功', { id: tag.id, name: tag.name });
  }
}
