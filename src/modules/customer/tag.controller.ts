import { Body, Get, Param, Post, Query } from '@nestjs/common';
import { ApiConsumes, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { list, ok } from '../../common/envelope/envelope';
import { pageOf } from '../../common/pagination/pagination';
import { ValidationStyle } from '../../common/validation/validation-style';
import { CustomerIdParamDto } from '../contacts/dto/follow-up.dto';
import { AddTagDto, TagListQueryDto } from './dto/tag.dto';
import { TagService } from './tag.service';
import { ApiEnvelope } from '../contacts/contacts.openapi';
import { TAG_ADDED_EXAMPLE, TAG_LIST_EXAMPLE } from './customer.openapi';

@RepController('tag_list', 'Customers')
export class TagController {
  constructor(private readonly tags: TagService) {}

  @Get()
  @ApiEnvelope(TAG_LIST_EXAMPLE, '307 no relation, 402 invalid parameters')
  @ApiOperation({
    summary: '标签列表 / Company tags for a customer',
    description: "The company's tags (all by default, `length` pages them), each with `is_select` when the customer carries it. 307 without a relation.",
  })
  async list(@CurrentPrincipal() p: Principal, @Query() query: TagListQueryDto) {
    const { items, total } = await this.tags.choicesFor(p.companyId, p.id, query.customer_id, pageOf(query, 0));
    return ok('查询成功', list(items.map((t) => ({ id: t.id, name: t.name, is_select: t.selected })), total));
  }

  @Post('add_tag/:customer_id')
  @ApiEnvelope(TAG_ADDED_EXAMPLE, '307 no relation, 303 invalid parameters (field errors in `msg`)')
  @ValidationStyle(303, 'msg')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: '添加标签 / Create a tag and attach it',
    description:
      'Creates the tag `name` in the caller\'s company (an existing tag of that name is reused) and attaches it to the customer. ' +
      '`data` is `{id, name}` of the tag. 307 without a relation; invalid name → 303.',
  })
  async add(@CurrentPrincipal() p: Principal, @Param() params: CustomerIdParamDto, @Body() body: AddTagDto) {
    const tag = await this.tags.addAndAttach(p.companyId, p.id, params.customer_id, body.name);
    return ok('添加成功', { id: tag.id, name: tag.name });
  }
}
