import { Get, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { list, ok } from '../../common/envelope/envelope';
import { ApiDoc, DocErrors } from '../../common/openapi/api-doc.decorator';
import { API_TAGS } from '../../common/openapi/api-tags';
import { Clock } from '../../common/time/clock';
import { ValidationStyle } from '../../common/validation/validation-style';
import { ActionLogService } from './action-log.service';
import { RadarCountQueryDto, RadarCustomerQueryDto, RadarNewLogQueryDto, RadarTimelineQueryDto } from './dto/radar-query.dto';
import { mapNewLogItem, mapRadarItem } from './radar-item';
import { mapActionCountSummary, mapCustomerActivity } from './radar-summary.mapper';
import { RadarSummaryService } from './radar-summary.service';
import { ActionCountReport, CustomerActivityList, NewLogList, RadarItemList } from './dto/radar.response.dto';

const BAD_DATE = { create_date__gte: [{ message: '请输入有效的日期（YYYY-MM-DD）。', code: 'invalid' }] };
const BAD_ACTION = { action: [{ message: '请输入有效的值。', code: 'invalid' }] };
const HEADIMG = 'https://wx.qlogo.cn/mmopen/vi_32/head/132';

/** The rep's radar (雷达): what the rep's customers did (API.md §6.9). */
@RepController('action', API_TAGS.radar)
@ValidationStyle(402)
export class ActionLogController {
  constructor(
    private readonly log: ActionLogService,
    private readonly summaries: RadarSummaryService,
    private readonly clock: Clock,
  ) {}

  @Get('time')
  @ApiDoc({
    operationId: 'repRadarTimeline',
    returns: RadarItemList,
    name: '企业微信-雷达-按时间展示访问日志',
    english: 'Radar timeline',
    description:
      "The signed-in rep's log of customer actions, newest first (id tie-breaker), length default 10. Filters: customer_id, action, " +
      'create_date__gte / create_date__lt (calendar days in the business time zone). Returned rows are marked seen. ' +
      'Items: id, user_id (the rep), customer_id, headimgurl, customer_username, action, log (display name + remark), create_date.',
    success: {
      msg: '查询日志记录成功',
      data: {
        ret_data: [{ id: 57, user_id: 1, customer_id: 2, headimgurl: HEADIMG, customer_username: '张聪', action: 9, log: '张聪觉得您非常靠谱', create_date: '2018-09-21T15:18:01.548' }],
        data_count: 1,
      },
    },
    errors: [DocErrors.validation402(BAD_ACTION), DocErrors.validation402(BAD_DATE)],
  })
  async time(@CurrentPrincipal() p: Principal, @Query() query: RadarTimelineQueryDto) {
    const { items, total } = await this.log.timeline(p, query);
    return ok('查询日志记录成功', list(items.map((e) => mapRadarItem(e, this.clock)), total));
  }

  @Get('count')
  @ApiDoc({
    operationId: 'repRadarActionCounts',
    returns: ActionCountReport,
    name: '企业微信-雷达-按行为统计',
    english: 'Action counts',
    description:
      'How many of each action code the rep’s customers did in [create_date__gte, create_date__lt) (default: the last 7 days, today included). ' +
      'ret_data lists every catalogue action with action, action_name and count; data_count is the number of actions in the range; ' +
      'create_date__gte / create_date__lt echo the range applied.',
    success: {
      msg: '查询成功',
      data: {
        ret_data: [
          { action: 1, action_name: '查看名片', count: 3 },
          { action: 7, action_name: '咨询产品', count: 1 },
          { action: 9, action_name: '觉得靠谱', count: 2 },
        ],
        data_count: 6,
        create_date__gte: '2018-09-15',
        create_date__lt: '2018-09-22',
      },
      when: 'success (ret_data lists every catalogue action; shortened here)',
    },
    errors: [DocErrors.validation402(BAD_DATE)],
  })
  async count(@CurrentPrincipal() p: Principal, @Query() query: RadarCountQueryDto) {
    return ok('查询成功', mapActionCountSummary(await this.summaries.countByAction(p, query)));
  }

  @Get('customer')
  @ApiDoc({
    operationId: 'repRadarCustomers',
    returns: CustomerActivityList,
    name: '企业微信-雷达-按客户统计',
    english: 'Most active customers',
    description:
      'The rep’s customers ranked by number of actions (then latest action, then customer id), length default 10. Optional filters action, ' +
      'create_date__gte, create_date__lt. Items: customer_id, customer_username, headimgurl, count, create_date (latest action), ' +
      'action_list [{action, action_name, count}]; data_count is the number of customers.',
    success: {
      msg: '查询成功',
      data: {
        ret_data: [
          {
            customer_id: 2,
            customer_username: '张聪',
            headimgurl: HEADIMG,
            count: 3,
            create_date: '2018-09-21T15:18:01.548',
            action_list: [
              { action: 1, action_name: '查看名片', count: 2 },
              { action: 9, action_name: '觉得靠谱', count: 1 },
            ],
          },
        ],
        data_count: 1,
      },
    },
    errors: [DocErrors.validation402(BAD_ACTION), DocErrors.validation402(BAD_DATE)],
  })
  async customer(@CurrentPrincipal() p: Principal, @Query() query: RadarCustomerQueryDto) {
    const { items, total } = await this.summaries.perCustomer(p, query);
    return ok('查询成功', list(items.map((a) => mapCustomerActivity(a, this.clock)), total));
  }

  @Get('get_new_log')
  @ApiDoc({
    operationId: 'repRadarNewLog',
    returns: NewLogList,
    name: '企业微信-雷达-获取新的访问日志',
    english: 'New radar rows (the unseen badge)',
    description:
      "The signed-in rep's radar rows not seen yet, newest first (`order=create_date`: oldest first), optionally one `action`; " +
      'they are marked seen in the same statement, so the next call returns only newer rows and two concurrent calls never return ' +
      'the same row. At most 500 per call. Items as the legacy view: user_id, customer_id, action (the Chinese name), log, create_date.',
    success: {
      msg: '查询日志记录成功',
      data: { ret_data: [{ user_id: 1, customer_id: 2, action: '查看名片', log: '张聪访问了您的名片', create_date: '2018-09-21T15:18:01.548' }], data_count: 1 },
    },
    errors: [DocErrors.validation402(BAD_ACTION)],
  })
  async newLog(@CurrentPrincipal() p: Principal, @Query() query: RadarNewLogQueryDto) {
    const items = await this.log.takeNewLog(p, query);
    return ok('查询日志记录成功', list(items.map((e) => mapNewLogItem(e, this.clock)), items.length));
  }
}
