import type { Clock } from '../../common/time/clock';
import { customerDisplayName } from '../contacts/customer-display-name';
import type { NewLogItem, RadarItem } from './dto/radar.response.dto';
import { radarActionKind, radarLog } from './radar-actions';

/** One radar row as services return it (the wire shape is built by mapRadarItem). */
export interface RadarEntry {
  id: number;
  repId: number;
  customerId: number;
  action: number;
  remark: string;
  createdAt: Date;
  /** The name this rep sees for the customer (memo name, nickname or 客户ID<id>). */
  displayName: string;
  headimgurl: string;
}

/** The wire item of action/time and of the `radar.action` realtime event. */
export function mapRadarItem(entry: RadarEntry, clock: Clock): RadarItem {
  return {
    id: entry.id,
    user_id: entry.repId,
    customer_id: entry.customerId,
    headimgurl: entry.headimgurl,
    customer_username: entry.displayName,
    action: entry.action,
    log: radarLog(entry.displayName, entry.remark),
    create_date: clock.dateTime(entry.createdAt),
  };
}

/** A get_new_log item (legacy keys): the action by its Chinese name, as the legacy `get_action_display()`. */
export function mapNewLogItem(entry: RadarEntry, clock: Clock): NewLogItem {
  return {
    user_id: entry.repId,
    customer_id: entry.customerId,
    action: radarActionKind(entry.action)?.name ?? String(entry.action),
    log: radarLog(entry.displayName, entry.remark),
    create_date: clock.dateTime(entry.createdAt),
  };
}

/** What a rep sees of a customer: display name and avatar. */
export interface CustomerFace {
  displayName: string;
  headimgurl: string;
}

export function customerFace(
  customerId: number,
  customer: { username: string; headimgurl: string } | null | undefined,
  memoName: string | null | undefined,
): CustomerFace {
  return { displayName: customerDisplayName(customerId, customer?.username, memoName), headimgurl: customer?.headimgurl ?? '' };
}
