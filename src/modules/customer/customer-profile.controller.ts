import { Body, Get, Param, Post, Query } from '@nestjs/common';
import { ApiConsumes, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { list, ok } from '../../common/envelope/envelope';
import { Clock } from '../../common/time/clock';
import { ValidationStyle } from '../../common/validation/validation-style';
import { mapCustomerProfile } from './customer-profile.mapper';
import { CustomerProfileService } from './customer-profile.service';
import { CustomerUpdateService } from './customer-update.service';
import { CustomerIdQueryDto, CustomerPathDto } from './dto/customer-id.dto';
import { UpdateExpectedPrDto, UpdateExpectedTimeDto } from './dto/expected.dto';
import { UpdateTagsDto } from './dto/tag.dto';
import { UpdateInformationDto } from './dto/update-information.dto';
import { TagService } from './tag.service';
import { ADDED_EXAMPLE, ApiEnvelope } from '../contacts/contacts.openapi';
import { PROFILE_EXAMPLE } from './customer.openapi';

@RepController('customer', 'Customers')
export class CustomerProfileController {
  constructor(
    private readonly profiles: CustomerProfileService,
    private readonly updates: CustomerUpdateService,
    private readonly tags: TagService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiEnvelope(PROFILE_EXAMPLE, '307 no relation, 402 invalid parameters')
  @ApiOperation({
    summary: '查询单个客户信息 / Customer profile',
    description:
      'One item in `ret_data` (`data_count` 1): the customer as the signed-in rep sees them (memo fields are per rep). ' +
      '`source` is the Chinese label; `day_interval` counts calendar days since the customer first appeared. 307 without a relation.',
  })
  async profile(@CurrentPrincipal() p: Principal, @Query() query: CustomerIdQueryDto) {
    const view = await this.profiles.view(p.companyId, p.id, query.customer_id);
    return ok('查询成功', list([mapCustomerProfile(view, this.clock)], 1));
  }

  @Post('update_information/:id')
  @ApiEnvelope(ADDED_EXAMPLE, '307 no relation, 303 invalid parameters (field errors in `msg`)')
  @ValidationStyle(303, 'msg')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: '修改客户关联信息 / Update the rep\'s customer information',
    description:
      'Per-rep memo fields (other reps do not see them). `sex` (1|2) is required; a field left out keeps its value, "" clears it. ' +
      '`superior` and `password` are accepted and ignored. Invalid input → 303 with the field errors in `msg`.',
  })
  async updateInformation(@CurrentPrincipal() p: Principal, @Param() params: CustomerPathDto, @Body() body: UpdateInformationDto) {
    await this.updates.updateInformation(p.companyId, p.id, params.id, body);
    return ok('添加成功');
  }

  @Post('update_expected_time/:id')
  @ApiEnvelope(ADDED_EXAMPLE, '307 no relation, 303 invalid parameters (field errors as a JSON string in `msg`)')
  @ValidationStyle(303, 'msg-json')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: '修改客户预成交时间 / Update the expected close date',
    description:
      'Sets (empty or absent: clears) the expected close date, adds the follow-up note `更新预计成交日期: YYYY-MM-DD` and sets the last follow-up time. ' +
      'Invalid input → 303 with the field errors serialised as a JSON string in `msg` (legacy quirk).',
  })
  async updateExpectedTime(@CurrentPrincipal() p: Principal, @Param() params: CustomerPathDto, @Body() body: UpdateExpectedTimeDto) {
    await this.updates.updateExpectedTime(p.companyId, p.id, params.id, body.expected_time);
    return ok('添加成功');
  }

  @Post('update_expected_pr/:id')
  @ApiEnvelope(ADDED_EXAMPLE, '307 no relation, 303 invalid parameters (field errors in `msg`)')
  @ValidationStyle(303, 'msg')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: '修改客户预成交率 / Update the expected close probability',
    description: '`expedted_pr` 0..100 (`80` and `80%` both mean 80); adds the follow-up note `更新预计成交率为: 80`. Invalid → 303.',
  })
  async updateExpectedPr(@CurrentPrincipal() p: Principal, @Param() params: CustomerPathDto, @Body() body: UpdateExpectedPrDto) {
    await this.updates.updateExpectedPr(p.companyId, p.id, params.id, body.expedted_pr);
    return ok('添加成功');
  }

  @Post('update_tag/:id')
  @ApiEnvelope(ADDED_EXAMPLE, '301 用户标签不存在, 307 no relation, 303 invalid parameters (field errors in `msg`)')
  @ValidationStyle(303, 'msg')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary: '修改客户标签 / Replace the customer\'s tags',
    description:
      '`tag_list`: JSON array of tag ids (a JSON string in a form body). Replaces the customer\'s tags; `[]` clears them. ' +
      'An id that is not a tag of the caller\'s company → 301 `用户标签不存在` and nothing changes.',
  })
  async updateTags(@CurrentPrincipal() p: Principal, @Param() params: CustomerPathDto, @Body() body: UpdateTagsDto) {
    await this.tags.replace(p.companyId, p.id, params.id, body.tag_list);
    return ok('添加成功');
  }
}
