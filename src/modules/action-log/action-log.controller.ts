import { applyDecorators, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { list, ok } from '../../common/envelope/envelope';
import { Clock } from '../../common/time/clock';
import { ValidationStyle } from '../../common/validation/validation-style';
import { ActionLogService } from './action-log.service';
import { RadarCountQueryDto, RadarCustomerQueryDto, RadarTimelineQueryDto } from './dto/radar-query.dto';
import { mapRadarItem } from './radar-item';
import { mapActionCountSummary, mapCustomerActivity } from './radar-summary.mapper';
import { RadarSummaryService } from './radar-summary.service';

/**
 * current_page / length come from PageQueryDto, which the Swagger plugin does not introspect
 * (not a *.dto.ts file): document them here.
 */
const ApiPaging = (defaultLength: number) =>
  applyDecorators(
    ApiQuery({ name: 'current_page', required: false, type: Number, description: 'Page number, from 1 (default 1).' }),
    ApiQuery({ name: 'length', required: false, type: Number, description: `Items per page, 1..100 (default ${defaultLength}); 0 means all (at most 1000).` }),
  );

/** The rep's radar (雷达): what the rep's customers did (API.md §6.9). */
@RepController('action', 'radar')
@ValidationStyle(402)
export class ActionLogController {
  constructor(
    private readonly log: ActionLogService,
    private readonly summaries: RadarSummaryService,
    private readonly clock: Clock,
  ) {}

  @Get('time')
  @ApiPaging(10)
  @ApiOperation({
    summary: '按时间展示访问日志 / Radar timeline',
    description:
      "The signed-in rep's log of customer actions, newest first (id tie-breaker), length default 10. Filters: customer_id, action, " +
      'create_date__gte / create_date__lt (calendar days in the business time zone). Returned rows are marked seen. ' +
      'Items: id, user_id (the rep), customer_id, headimgurl, customer_username, action, log (display name + remark), create_date.',
  })
  async time(@CurrentPrincipal() p: Principal, @Query() query: RadarTimelineQueryDto) {
    const { items, total } = await this.log.timeline(p, query);
    return ok('查询日志记录成功', list(items.map((e) => mapRadarItem(e, this.clock)), total));
  }

  @Get('count')
  @ApiOperation({
    summary: '雷达统计-按行为 / Action counts',
    description:
      'How many of each action code the rep’s customers did in [create_date__gte, create_date__lt) (default: the last 7 days, today included). ' +
      'ret_data lists every catalogue action with action, action_name and count; data_count is the number of actions in the range; ' +
      'create_date__gte / create_date__lt echo the range applied.',
  })
  async count(@CurrentPrincipal() p: Principal, @Query() query: RadarCountQueryDto) {
    return ok('查询成功', mapActionCountSummary(await this.summaries.countByAction(p, query)));
  }

  @Get('customer')
  @ApiPaging(10)
  @ApiOperation({
    summary: '雷达统计-按客户 / Most active customers',
    description:
      'The rep’s customers ranked by number of actions (then latest action, then customer id), length default 10. Optional filters action, ' +
      'create_date__gte, create_date__lt. Items: customer_id, customer_username, headimgurl, count, create_date (latest action), ' +
      'action_list [{action, action_name, count}]; data_count is the number of customers.',
  })
  async customer(@CurrentPrincipal() p: Principal, @Query() query: RadarCustomerQueryDto) {
    const { items, total } = await this.summaries.perCustomer(p, query);
    return ok('查询成功', list(items.map((a) => mapCustomerActivity(a, this.clock)), total));
  }
}
