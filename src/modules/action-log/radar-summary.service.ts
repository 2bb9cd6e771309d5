import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { pageOf } from '../../common/pagination/pagination';
import { Clock } from '../../common/time/clock';
import { RelationService } from '../contacts/relation.service';
import { CustomerService } from '../customer/customer.service';
import type { RadarCountQueryDto, RadarCustomerQueryDto } from './dto/radar-query.dto';
import { addDays, dayStartSql } from './local-days';
import { RADAR_ACTIONS } from './radar-actions';
import { customerFace, CustomerFace } from './radar-item';

/** The summaries' default range: the last 7 calendar days, today included. */
export const COUNT_DEFAULT_DAYS = 7;

export interface ActionCount {
  action: number;
  name: string;
  count: number;
}

export interface ActionCountSummary {
  /** Every catalogue action, in catalogue order, with its count (0 included). */
  counts: ActionCount[];
  total: number;
  /** The range applied: [from, to) as calendar dates. */
  from: string;
  to: string;
}

export interface CustomerActivity extends CustomerFace {
  customerId: number;
  count: number;
  lastAt: Date;
  /** This customer's counts per action, most frequent first. */
  actions: ActionCount[];
}

const NAME_BY_CODE = new Map(RADAR_ACTIONS.map((a) => [a.code, a.name]));

/** Radar summaries kept from the legacy product (docs/radar-actions.md). */
@Injectable()
export class RadarSummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerService,
    private readonly relations: RelationService,
    private readonly clock: Clock,
  ) {}

  /** GET action/count: how many of each action the rep's customers did in [from, to). */
  async countByAction(rep: Principal, query: RadarCountQueryDto): Promise<ActionCountSummary> {
    const to = query.create_date__lt ?? addDays(this.clock.localDate(this.clock.now()), 1);
    const from = query.create_date__gte ?? addDays(to, -COUNT_DEFAULT_DAYS);
    const params: unknown[] = [rep.companyId, rep.id, from, to, this.clock.timeZone];
    let customerFilter = '';
    if (query.customer_id !== undefined) {
      params.push(query.customer_id);
      customerFilter = `AND customer_id = $${params.length}`;
    }
    const rows: { action: number; n: number }[] = await this.dataSource.query(
      `SELECT action, count(*)::int AS n FROM radar_action
        WHERE company_id = $1 AND rep_id = $2 AND created_at >= ${dayStartSql('$3', '$5')} AND created_at < ${dayStartSql('$4', '$5')} ${customerFilter}
        GROUP BY action`,
      params,
    );
    const byAction = new Map(rows.map((r) => [r.action, r.n]));
    const counts = RADAR_ACTIONS.map((a) => ({ action: a.code, name: a.name, count: byAction.get(a.code) ?? 0 }));
    return { counts, total: counts.reduce((sum, c) => sum + c.count, 0), from, to };
  }

  /** GET action/customer: the rep's customers by number of actions, most active first. */
  async perCustomer(rep: Principal, query: RadarCustomerQueryDto): Promise<{ items: CustomerActivity[]; total: number }> {
    const params: unknown[] = [rep.companyId, rep.id];
    const filters: string[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.action !== undefined) filters.push(`action = ${param(query.action)}`);
    if (query.create_date__gte || query.create_date__lt) {
      const tz = param(this.clock.timeZone);
      if (query.create_date__gte) filters.push(`created_at >= ${dayStartSql(param(query.create_date__gte), tz)}`);
      if (query.create_date__lt) filters.push(`created_at < ${dayStartSql(param(query.create_date__lt), tz)}`);
    }
    const where = ['company_id = $1', 'rep_id = $2', ...filters].join(' AND ');
    const page = pageOf(query, 10);

    const [{ total }] = await this.dataSource.query(`SELECT count(DISTINCT customer_id)::int AS total FROM radar_action WHERE ${where}`, params);
    const ranked: { customer_id: number; n: number; last_at: Date }[] = await this.dataSource.query(
      `SELECT customer_id, count(*)::int AS n, max(created_at) AS last_at FROM radar_action WHERE ${where}
        GROUP BY customer_id ORDER BY n DESC, last_at DESC, customer_id DESC
        LIMIT ${page.limit} OFFSET ${page.offset}`,
      params,
    );
    if (!ranked.length) return { items: [], total };

    const ids = ranked.map((r) => r.customer_id);
    const breakdown: { customer_id: number; action: number; n: number }[] = await this.dataSource.query(
      `SELECT customer_id, action, count(*)::int AS n FROM radar_action WHERE ${where} AND customer_id = ANY($${params.length + 1}::int[])
        GROUP BY customer_id, action ORDER BY n DESC, action`,
      [...params, ids],
    );
    const [profiles, relations] = await Promise.all([
      this.customers.findCustomers(rep.companyId, ids),
      this.relations.findForRep(rep.companyId, rep.id, ids),
    ]);
    const items = ranked.map((r) => ({
      customerId: r.customer_id,
      count: r.n,
      lastAt: new Date(r.last_at),
      actions: breakdown
        .filter((b) => b.customer_id === r.customer_id)
        .map((b) => ({ action: b.action, name: NAME_BY_CODE.get(b.action) ?? '', count: b.n })),
      ...customerFace(r.customer_id, profiles.get(r.customer_id), relations.get(r.customer_id)?.memoName),
    }));
    return { items, total };
  }
}
