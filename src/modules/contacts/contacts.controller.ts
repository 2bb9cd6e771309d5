import { Body, Get, Param, Post, Query } from '@nestjs/common';
import { ApiConsumes, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { list, ok } from '../../common/envelope/envelope';
import { pageOf } from '../../common/pagination/pagination';
import { Clock } from '../../common/time/clock';
import { mapContact } from './contact-list.mapper';
import { ContactListService } from './contact-list.service';
import { ContactListQueryDto } from './dto/contact-list-query.dto';
import { AddFollowInfoDto, CustomerIdParamDto, FollowInfoQueryDto } from './dto/follow-up.dto';
import { mapFollowUp } from './follow-up.mapper';
import { FollowUpService } from './follow-up.service';
import { ADDED_EXAMPLE, ApiEnvelope, CONTACT_LIST_EXAMPLE, FOLLOW_LIST_EXAMPLE } from './contacts.openapi';

@RepController('tongxunlu', 'Contacts')
export class ContactListController {
  constructor(
    private readonly contacts: ContactListService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiEnvelope(CONTACT_LIST_EXAMPLE, '302 没有数据 (empty list), 402 invalid parameters')
  @ApiOperation({
    summary: '通讯录信息 / Contact list',
    description:
      'The signed-in rep\'s customers, 10 per page by default. Empty → `{"code":302,"msg":"没有数据","data":{}}`; an unknown `order` → 402. ' +
      '`source` is the int code, `source_text` its label; relative times count calendar days in the business time zone.',
  })
  async list(@CurrentPrincipal() p: Principal, @Query() query: ContactListQueryDto) {
    const { rows, total } = await this.contacts.list(p.companyId, p.id, { order: query.order, source: query.customer__source }, pageOf(query, 10));
    return ok('查询成功', list(rows.map((r) => mapContact(r, this.clock)), total));
  }
}

@RepController('follow_info', 'Contacts')
export class FollowUpController {
  constructor(
    private readonly followUps: FollowUpService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiEnvelope(FOLLOW_LIST_EXAMPLE, '307 no relation, 402 invalid parameters')
  @ApiOperation({
    summary: '跟进记录 / Follow-up notes',
    description: "The signed-in rep's follow-up notes on a customer, newest first (10 per page by default). 307 without a relation.",
  })
  async list(@CurrentPrincipal() p: Principal, @Query() query: FollowInfoQueryDto) {
    const page = await this.followUps.list(p.companyId, p.id, query.customer_id, pageOf(query, 10));
    return ok('查询成功', list(page.items.map((n) => mapFollowUp(n, this.clock)), page.total));
  }

  @Post('add/:customer_id')
  @ApiEnvelope(ADDED_EXAMPLE, '307 no relation, 402 invalid parameters')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: '添加跟进记录 / Add a follow-up note',
    description: 'Adds a note (1..256 characters) and sets the relation\'s last follow-up time. 200 `添加成功`; 307 without a relation.',
  })
  async add(@CurrentPrincipal() p: Principal, @Param() params: CustomerIdParamDto, @Body() body: AddFollowInfoDto) {
    await this.followUps.add(p.companyId, p.id, params.customer_id, body.follow_info);
    return ok('添加成功');
  }
}
