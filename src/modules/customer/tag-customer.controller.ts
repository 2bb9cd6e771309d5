import { Body, Get, Post, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { EmptyData } from '../../common/envelope/envelope-data.dto';
import { LEGACY_EMPTY_MSG, ok } from '../../common/envelope/envelope';
import { ApiDoc, DocErrors } from '../../common/openapi/api-doc.decorator';
import { API_TAGS } from '../../common/openapi/api-tags';
import { ValidationStyle } from '../../common/validation/validation-style';
import { TagCustomerList } from './dto/customer.response.dto';
import { TagCustomerQueryDto, TagCustomersDto } from './dto/tag.dto';
import { mapTagsWithCustomers } from './tag.mapper';
import { TagService } from './tag.service';


/** Tags → customers (legacy tag_customer; issue 12): the by-tag page and bulk tagging. */
@RepController('tag_customer', API_TAGS.customer)
export class TagCustomerController {
  constructor(private readonly tags: TagService) {}

  @Get()
  @ApiDoc({
    operationId: 'repTagCustomers',
    returns: TagCustomerList,
    name: '企业微信-标签-客户列表',
    english: 'Customers by tag',
    description:
      "The company's tags that the signed-in rep's customers carry, each with those customers (id, avatar, the name this rep sees); " +
      'the tags with the most customers first; optional legacy filters `id` (a tag) and `name` (a substring). Legacy shape (API.md §10): ' +
      '`ret_count` counts the tags; `msg` is empty.',
    success: {
      msg: LEGACY_EMPTY_MSG,
      data: {
        ret_data: [{ id: 1, name: '重要客户', tag_id: 1, customer_num: 1, customer_list: [{ id: 1, headimgurl: 'statics/imgs/setAvator.jpg', name: '_zzz จุ๊บ' }] }],
        ret_count: 1,
      },
    },
    errors: [DocErrors.validation402({ id: [{ message: '请输入有效的值。', code: 'invalid' }] })],
  })
  async list(@CurrentPrincipal() p: Principal, @Query() query: TagCustomerQueryDto) {
    return ok(LEGACY_EMPTY_MSG, mapTagsWithCustomers(await this.tags.tagsWithCustomers(p.companyId, p.id, query)));
  }

  @Post('add/0')
  @ValidationStyle(301, 'msg')
  @ApiDoc({
    operationId: 'repTagCustomersAdd',
    returns: EmptyData,
    name: '企业微信-标签-批量添加客户',
    english: 'Tag several customers',
    description:
      'Creates the tag `name` in the company (an existing tag of that name is reused) and attaches it to every customer of ' +
      '`customer_list` (a JSON array; each must be related to the caller). A customer of another company or without a relation → 301 with ' +
      'the field errors in `msg`, and nothing changes (no tag either); an empty list → 302.',
    json: { name: '重点跟进', customer_list: [1, 2] },
    success: { msg: '添加成功', data: {} },
    errors: [
      DocErrors.validation301({ customer_list: [{ message: '客户不存在或不是您的客户。', code: 'not_found' }] }),
      DocErrors.validation301({ name: [{ message: '这个字段是必填项。', code: 'required' }] }),
      DocErrors.noTaggedCustomers(),
    ],
  })
  async add(@CurrentPrincipal() p: Principal, @Body() body: TagCustomersDto) {
    await this.tags.tagCustomers(p.companyId, p.id, body.name, body.customer_list);
    return ok('添加成功');
  }
}
