import { ApiProperty } from '@nestjs/swagger';

/** One radar row: the item of action/time and of the `radar.action` realtime event. */
export class RadarItem {
  id!: number;

  /** The rep. */
  user_id!: number;

  customer_id!: number;

  headimgurl!: string;

  /** The name this rep sees for the customer. */
  customer_username!: string;

  /** The action code (docs/radar-actions.md). */
  action!: number;

  /** The display name followed by the action's remark, e.g. 张聪觉得您非常靠谱. */
  log!: string;

  /** Business time zone, `YYYY-MM-DDTHH:mm:ss.SSS`. */
  create_date!: string;
}

/** One page of the rep's radar timeline, newest first. */
export class RadarItemList {
  @ApiProperty({ type: [RadarItem] })
  ret_data!: RadarItem[];

  /** All rows matching the filters. */
  data_count!: number;
}

/** How often one action happened. */
export class ActionCountItem {
  action!: number;

  /** The action's Chinese name. */
  action_name!: string;

  count!: number;
}

/** action/count: every catalogue action with its count in the range. */
export class ActionCountReport {
  @ApiProperty({ type: [ActionCountItem] })
  ret_data!: ActionCountItem[];

  /** Actions in the range. */
  data_count!: number;

  /** The range applied: first day included, `YYYY-MM-DD`. */
  create_date__gte!: string;

  /** The range applied: first day excluded, `YYYY-MM-DD`. */
  create_date__lt!: string;
}

/** One customer's activity in the range. */
export class CustomerActivityItem {
  customer_id!: number;

  customer_username!: string;

  headimgurl!: string;

  /** Actions in the range. */
  count!: number;

  /** The latest action, `YYYY-MM-DDTHH:mm:ss.SSS`. */
  create_date!: string;

  @ApiProperty({ type: [ActionCountItem] })
  action_list!: ActionCountItem[];
}

/** action/customer: customers ranked by activity. */
export class CustomerActivityList {
  @ApiProperty({ type: [CustomerActivityItem] })
  ret_data!: CustomerActivityItem[];

  /** Customers with activity in the range. */
  data_count!: number;
}

/** One new radar row as the legacy get_new_log renders it. */
export class NewLogItem {
  /** The rep. */
  user_id!: number;

  customer_id!: number;

  /** The action's Chinese name (e.g. 查看名片), as the legacy `get_action_display()`. */
  action!: string;

  /** The customer's display name followed by the remark. */
  log!: string;

  /** Business time zone, `YYYY-MM-DDTHH:mm:ss.SSS`. */
  create_date!: string;
}

/** action/get_new_log: the rep's unseen rows (now seen). */
export class NewLogList {
  @ApiProperty({ type: [NewLogItem] })
  ret_data!: NewLogItem[];

  /** How many rows ret_data holds. */
  data_count!: number;
}
