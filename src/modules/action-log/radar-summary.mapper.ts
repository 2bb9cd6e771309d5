import type { Clock } from '../../common/time/clock';
import type { ActionCountItem, ActionCountReport, CustomerActivityItem } from './dto/radar.response.dto';
import type { ActionCount, ActionCountSummary, CustomerActivity } from './radar-summary.service';

/** Wire shapes of the radar summaries (docs/radar-actions.md). */
const mapActionCount = (c: ActionCount): ActionCountItem => ({ action: c.action, action_name: c.name, count: c.count });

/** action/count: `{ret_data: [{action, action_name, count}], data_count: <actions in range>, create_date__gte, create_date__lt}`. */
export function mapActionCountSummary(summary: ActionCountSummary): ActionCountReport {
  return {
    ret_data: summary.counts.map(mapActionCount),
    data_count: summary.total,
    create_date__gte: summary.from,
    create_date__lt: summary.to,
  };
}

/** One action/customer item. */
export function mapCustomerActivity(a: CustomerActivity, clock: Clock): CustomerActivityItem {
  return {
    customer_id: a.customerId,
    customer_username: a.displayName,
    headimgurl: a.headimgurl,
    count: a.count,
    create_date: clock.dateTime(a.lastAt),
    action_list: a.actions.map(mapActionCount),
  };
}
