import { Body, Get, Param, Post, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { list, LEGACY_EMPTY_MSG, ok } from '../../common/envelope/envelope';
import { ApiDoc, DocErrors } from '../../common/openapi/api-doc.decorator';
import { API_TAGS } from '../../common/openapi/api-tags';
import { pageOf } from '../../common/pagination/pagination';
import { Clock } from '../../common/time/clock';
import { mapContact } from './contact-list.mapper';
import { ContactListService } from './contact-list.service';
import { ContactListQueryDto } from './dto/contact-list-query.dto';
import { AddFollowInfoDto, CustomerIdParamDto, FollowInfoQueryDto } from './dto/follow-up.dto';
import { mapFollowUp } from './follow-up.mapper';
import { FollowUpService } from './follow-up.service';
import { EmptyData } from '../../common/envelope/envelope-data.dto';
import { ContactList, FollowUpList } from './dto/contact.response.dto';

const CUSTOMER_ID_REQUIRED = { customer_id: [{ message: '这个字段是必填项。', code: 'required' }] };

@RepController('tongxunlu', API_TAGS.contacts)
export class ContactListController {
  constructor(
    private readonly contacts: ContactListService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiDoc({
    operationId: 'repContactList',
    returns: ContactList,
    name: '企业微信-通讯录信息',
    english: 'Contact list',
    description:
      'The signed-in rep\'s customers, 10 per page by default. Empty → `{"code":302,"msg":"没有数据","data":{}}`; an unknown `order` → 402. ' +
      '`source` is the int code, `source_text` its label; relative times count calendar days in the business time zone. ' +
      '`order`: `-expedted_pr` (default), `-last_follow_time`, `-last_activity_time`, `-create_date` or their ascending forms.',
    success: {
      msg: '查询成功',
      data: {
        ret_data: [
          {
            customer_id: 886,
            customer_username: '又胖了',
            headimgurl: 'http://thirdwx.qlogo.cn/mmopen/vi_32/Q0j4TwGTfT/132',
            expected_time: null,
            expedted_pr: 0,
            source: 4,
            source_text: '公众号文章',
            last_follow_time: '今天',
            last_activity_time: '',
            follow_status: '今天跟进',
            article_id: 2,
            title: 'jajjaj',
          },
        ],
        data_count: 21,
      },
    },
    errors: [DocErrors.noData(), DocErrors.validation402({ order: [{ message: '不支持的排序方式。', code: 'invalid' }] })],
  })
  async list(@CurrentPrincipal() p: Principal, @Query() query: ContactListQueryDto) {
    const { rows, total } = await this.contacts.list(p.companyId, p.id, { order: query.order, source: query.customer__source }, pageOf(query, 10));
    return ok('查询成功', list(rows.map((r) => mapContact(r, this.clock)), total));
  }
}

@RepController('follow_info', API_TAGS.contacts)
export class FollowUpController {
  constructor(
    private readonly followUps: FollowUpService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiDoc({
    operationId: 'repFollowUpList',
    returns: FollowUpList,
    name: '企业微信-跟进记录',
    english: 'Follow-up notes',
    description:
      "The signed-in rep's follow-up notes on a customer, newest first (10 per page by default; `length=0`: all), in the legacy item " +
      'shape (API.md §10): the customer\'s and the rep\'s avatars, both ids, the note and its time; `msg` is empty as the legacy ' +
      'answered. 307 without a relation.',
    success: {
      msg: LEGACY_EMPTY_MSG,
      data: {
        ret_data: [
          {
            user_customer_flowup__customer__headimgurl: 'statics/imgs/setAvator.jpg',
            user_customer_flowup__user__avatar: 'statics/imgs/setAvator.jpg',
            user_customer_flowup__user_id: 1,
            user_customer_flowup__customer_id: 2,
            follow_info: '更新预计成交率为: 80',
            create_date: '2026-11-28T10:03:29',
          },
        ],
        data_count: 1,
      },
    },
    errors: [DocErrors.validation402(CUSTOMER_ID_REQUIRED), DocErrors.noRelation()],
  })
  async list(@CurrentPrincipal() p: Principal, @Query() query: FollowInfoQueryDto) {
    const page = await this.followUps.list(p.companyId, p.id, query.customer_id, pageOf(query, 10));
    return ok(LEGACY_EMPTY_MSG, list(page.items.map((n) => mapFollowUp(n, page.faces, this.clock)), page.total));
  }

  @Post('add/:customer_id')
  @ApiDoc({
    operationId: 'repFollowUpAdd',
    returns: EmptyData,
    name: '企业微信-添加跟进记录',
    english: 'Add a follow-up note',
    description: 'Adds a note (1..256 characters) and sets the relation\'s last follow-up time. 200 `添加成功`; 307 without a relation.',
    json: { follow_info: '电话沟通了报价,下周再联系' },
    success: { msg: '添加成功', data: {} },
    errors: [
      DocErrors.validation402({ follow_info: [{ message: '这个字段是必填项。', code: 'required' }] }),
      DocErrors.validation402({ follow_info: [{ message: '长度超出限制。', code: 'too_long' }] }),
      DocErrors.noRelation(),
    ],
  })
  async add(@CurrentPrincipal() p: Principal, @Param() params: CustomerIdParamDto, @Body() body: AddFollowInfoDto) {
    await this.followUps.add(p.companyId, p.id, params.customer_id, body.follow_info);
    return ok('添加成功');
  }
}
