import { Body, Get, Param, Post, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { list, ok } from '../../common/envelope/envelope';
import { ApiDoc, DocErrors } from '../../common/openapi/api-doc.decorator';
import { API_TAGS } from '../../common/openapi/api-tags';
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
import { EmptyData } from '../../common/envelope/envelope-data.dto';
import { CustomerProfileList } from './dto/customer.response.dto';

const ADDED = { msg: '添加成功', data: {} };

@RepController('customer', API_TAGS.customer)
export class CustomerProfileController {
  constructor(
    private readonly profiles: CustomerProfileService,
    private readonly updates: CustomerUpdateService,
    private readonly tags: TagService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiDoc({
    operationId: 'repCustomerProfile',
    returns: CustomerProfileList,
    name: '企业微信-查询单个客户信息',
    english: 'Customer profile',
    description:
      'One item in `ret_data` (`data_count` 1): the customer as the signed-in rep sees them (memo fields are per rep). ' +
      '`source` is the Chinese label; `day_interval` counts calendar days since the customer first appeared. 307 without a relation.',
    success: {
      msg: '查询成功',
      data: {
        ret_data: [
          {
            id: 2,
            username: '张炬[客户2]',
            headimgurl: 'statics/imgs/setAvator.jpg',
            expected_time: '2018-06-14',
            expedted_pr: 80,
            ai_pr: 80,
            superior: '张聪[客户1]',
            source: '扫码',
            memo_name: null,
            sex: 1,
            phone: '',
            email: '',
            company: '',
            position: '',
            address: '',
            birthday: '',
            mem: '',
            tag: ['在意质量', '一般客户'],
            day_interval: 3,
          },
        ],
        data_count: 1,
      },
    },
    errors: [DocErrors.validation402({ customer_id: [{ message: '这个字段是必填项。', code: 'required' }] }), DocErrors.noRelation()],
  })
  async profile(@CurrentPrincipal() p: Principal, @Query() query: CustomerIdQueryDto) {
    const view = await this.profiles.view(p.companyId, p.id, query.customer_id);
    return ok('查询成功', list([mapCustomerProfile(view, this.clock)], 1));
  }

  @Post('update_information/:id')
  @ValidationStyle(303, 'msg')
  @ApiDoc({
    operationId: 'repCustomerUpdateInformation',
    returns: EmptyData,
    name: '企业微信-修改客户关联信息',
    english: 'Update the rep\'s customer information',
    description:
      'Per-rep memo fields (other reps do not see them). `sex` (1|2) is required; a field left out keeps its value, "" clears it. ' +
      '`superior` and `password` are accepted and ignored. Invalid input → 303 with the field errors in `msg`.',
    json: {
      sex: 1,
      username: '张炬',
      phone: '18932674288',
      email: 'zhangju@example.com',
      company: '合众康桥',
      position: '采购经理',
      address: '北京市朝阳区',
      birthday: '1990-6-1',
      mem: '关注售后服务',
    },
    success: ADDED,
    errors: [
      DocErrors.validation303({ sex: [{ message: '这个字段是必填项。', code: 'required' }] }),
      DocErrors.validation303({ phone: [{ message: '请输入有效的手机号码。', code: 'invalid' }], email: [{ message: '请输入有效的电子邮件地址。', code: 'invalid' }] }),
      DocErrors.noRelation(),
    ],
  })
  async updateInformation(@CurrentPrincipal() p: Principal, @Param() params: CustomerPathDto, @Body() body: UpdateInformationDto) {
    await this.updates.updateInformation(p.companyId, p.id, params.id, body);
    return ok('添加成功');
  }

  @Post('update_expected_time/:id')
  @ValidationStyle(303, 'msg-json')
  @ApiDoc({
    operationId: 'repCustomerUpdateExpectedTime',
    returns: EmptyData,
    name: '企业微信-修改客户预成交时间',
    english: 'Update the expected close date',
    description:
      'Sets (empty or absent: clears) the expected close date, adds the follow-up note `更新预计成交日期: YYYY-MM-DD` and sets the last follow-up time. ' +
      'Invalid input → 303 with the field errors serialised as a JSON string in `msg` (legacy quirk).',
    json: { expected_time: '2018-06-14' },
    success: ADDED,
    errors: [DocErrors.validation303String({ expected_time: [{ message: '日期格式应为 YYYY-MM-DD。', code: 'invalid' }] }), DocErrors.noRelation()],
  })
  async updateExpectedTime(@CurrentPrincipal() p: Principal, @Param() params: CustomerPathDto, @Body() body: UpdateExpectedTimeDto) {
    await this.updates.updateExpectedTime(p.companyId, p.id, params.id, body.expected_time);
    return ok('添加成功');
  }

  @Post('update_expected_pr/:id')
  @ValidationStyle(303, 'msg')
  @ApiDoc({
    operationId: 'repCustomerUpdateExpectedPr',
    returns: EmptyData,
    name: '企业微信-修改客户预成交率',
    english: 'Update the expected close probability',
    description:
      '`expedted_pr` (sic) 0..100 (`80` and `80%` both mean 80); sets the last follow-up time and adds the follow-up note `更新预计成交率为: 80`. ' +
      'Invalid → 303 with the field errors in `msg`; 307 without a relation.',
    json: { expedted_pr: 80 },
    success: ADDED,
    errors: [
      DocErrors.validation303({ expedted_pr: [{ message: '超出允许的范围。', code: 'out_of_range' }] }),
      DocErrors.validation303({ expedted_pr: [{ message: '这个字段是必填项。', code: 'required' }] }),
      DocErrors.noRelation(),
    ],
  })
  async updateExpectedPr(@CurrentPrincipal() p: Principal, @Param() params: CustomerPathDto, @Body() body: UpdateExpectedPrDto) {
    await this.updates.updateExpectedPr(p.companyId, p.id, params.id, body.expedted_pr);
    return ok('添加成功');
  }

  @Post('update_tag/:id')
  @ValidationStyle(303, 'msg')
  @ApiDoc({
    operationId: 'repCustomerUpdateTags',
    returns: EmptyData,
    name: '企业微信-修改客户标签',
    english: 'Replace the customer\'s tags',
    description:
      '`tag_list`: JSON array of tag ids (a JSON string in a form body). Replaces the customer\'s tags; `[]` clears them. ' +
      'An id that is not a tag of the caller\'s company → 301 `用户标签不存在` and nothing changes.',
    json: { tag_list: [1, 2] },
    success: ADDED,
    errors: [
      DocErrors.validation303({ tag_list: [{ message: '请输入有效的值。', code: 'invalid' }] }),
      DocErrors.tagNotFound(),
      DocErrors.noRelation(),
    ],
  })
  async updateTags(@CurrentPrincipal() p: Principal, @Param() params: CustomerPathDto, @Body() body: UpdateTagsDto) {
    await this.tags.replace(p.companyId, p.id, params.id, body.tag_list);
    return ok('添加成功');
  }
}
