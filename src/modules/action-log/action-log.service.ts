import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { ValidationFailed } from '../../common/errors/api-error';
import { fieldError } from '../../common/errors/field-errors';
import { Clock } from '../../common/time/clock';
import { APP_CONFIG } from '../../config/app-config';
import type { AppConfig } from '../../config/app-config';
import { Sql } from '../../database/sql';
import { TransactionRunner } from '../../database/transaction-runner';
import type { Tx } from '../../database/transaction-runner';
import { RelationService } from '../contacts/relation.service';
import { CustomerService } from '../customer/customer.service';
import type { CustomerProfile } from '../customer/customer.service';
import type { RadarNewLogQueryDto, RadarTimelineQueryDto } from './dto/radar-query.dto';
import type { RecordActionDto } from './dto/record-action.dto';
import { dayStartSql } from './local-days';
import { pageOf } from '../../common/pagination/pagination';
import { radarActionKind, standardRemark } from './radar-actions';
import { customerFace, mapRadarItem, RadarEntry } from './radar-item';
import { RadarActionInput, RadarActionRecorder } from './radar-ports';
import { truncateCodePoints } from '../../common/validation/code-points';

export interface RecordedAction {
  id: number;
  /** True when an identical action within the dedupe window was found and nothing was stored. */
  deduplicated: boolean;
}

interface TimelineRow {
  total: number;
  id: number | null;
  customerId: number;
  action: number;
  remark: string;
  createdAt: Date;
  username: string | null;
  headimgurl: string | null;
  memoName: string | null;
}

type RadarRow = Omit<TimelineRow, 'total' | 'id'> & { id: number };

/** A radar row with the customer's face as this rep sees it. */
function radarEntryOf(repId: number, r: RadarRow): RadarEntry {
  const customer = r.username === null ? null : { username: r.username, headimgurl: r.headimgurl ?? '' };
  return { id: r.id, repId, customerId: r.customerId, action: r.action, remark: r.remark, createdAt: r.createdAt, ...customerFace(r.customerId, customer, r.memoName) };
}

/** At most this many rows per get_new_log call; the rest come with the next call. */
export const NEW_LOG_MAX = 500;

/**
 * get_new_log ($1 company, $2 rep, $3 action or null, $4 limit): takes the rep's unseen rows
 * (radar_action_unseen_idx) and marks them seen in one statement. FOR UPDATE SKIP LOCKED: two
 * concurrent calls never return the same row, and neither waits for the other.
 */
const TAKE_NEW_LOG = `WITH taken AS (
  UPDATE radar_action SET seen = true
  WHERE id IN (
    SELECT id FROM radar_action
    WHERE company_id = $1 AND rep_id = $2 AND NOT seen AND ($3::int IS NULL OR action = $3)
    ORDER BY created_at DESC, id DESC LIMIT $4
    FOR UPDATE SKIP LOCKED
  ) AND company_id = $1 AND rep_id = $2
  RETURNING id, customer_id, action, remark, created_at
)
SELECT taken.id, taken.customer_id AS "customerId", taken.action, taken.remark, taken.created_at AS "createdAt",
       cu.username, cu.headimgurl, r.memo_name AS "memoName"
FROM taken
LEFT JOIN customer cu ON cu.id = taken.customer_id AND cu.company_id = $1
LEFT JOIN relation r ON r.company_id = $1 AND r.rep_id = $2 AND r.customer_id = taken.customer_id`;

/**
 * The timeline page ($1 company, $2 rep, $3 limit, $4 offset, then the filters' values). The
 * unfiltered total is the maintained radar_total (Totals migration), so a rep's first page
 * costs the same at any radar size; a filtered total counts the filter's rows. The LATERAL
 * page leaves one row with the total and NULLs when the page is empty.
 */
function timelineSql(filters: string[]): string {
  const where = ['company_id = $1', 'rep_id = $2', ...filters].join(' AND ');
  const total = filters.length
    ? `SELECT count(*)::int AS total FROM radar_action WHERE ${where}`
    : `SELECT COALESCE((SELECT actions FROM radar_total WHERE company_id = $1 AND rep_id = $2), 0)::int AS total`;
  return `WITH page AS (
  SELECT id, customer_id, action, remark, created_at, seen FROM radar_action
  WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4
), marked AS (
  -- SKIP LOCKED: two timelines of one rep marking the same rows would otherwise lock them in
  -- different orders and deadlock (seen 2026-11-29 under load, a 500); a row another statement
  -- holds is being marked by it.
  UPDATE radar_action SET seen = true WHERE id IN (
    SELECT id FROM radar_action WHERE id IN (SELECT id FROM page WHERE NOT seen) AND company_id = $1 AND rep_id = $2 AND NOT seen
    FOR UPDATE SKIP LOCKED
  ) AND company_id = $1 AND rep_id = $2
)
SELECT t.total, p.* FROM (${total}) t
LEFT JOIN LATERAL (
  SELECT page.id, page.customer_id AS "customerId", page.action, page.remark, page.created_at AS "createdAt",
         cu.username, cu.headimgurl, r.memo_name AS "memoName"
  FROM page
  LEFT JOIN customer cu ON cu.id = page.customer_id AND cu.company_id = $1
  LEFT JOIN relation r ON r.company_id = $1 AND r.rep_id = $2 AND r.customer_id = page.customer_id
) p ON true
ORDER BY p."createdAt" DESC, p.id DESC`;
}

/** Longest target text kept (the HTTP route validates; port callers such as Chat pass free text). */
const MAX_TARGET_LENGTH = 200;

/** Empty or whitespace-only text means "no target"; NULs (which PostgreSQL text refuses) are dropped. */
function clean(value: string | null | undefined): string | null {
  const text = truncateCodePoints(value?.replace(/\u0000/g, '').trim() ?? '', MAX_TARGET_LENGTH);
  return text ? text : null;
}

/**
 * The radar log: records customer actions (from the customer's pages and, through the
 * RadarActionRecorder port, from other modules such as Chat) and reads the rep's timeline.
 */
@Injectable()
export class ActionLogService implements RadarActionRecorder {
  constructor(
    private readonly sql: Sql,
    private readonly relations: RelationService,
    private readonly customers: CustomerService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** POST action/record/0: the signed-in customer did something on rep `u_id`'s pages. */
  async recordFromCustomer(customer: Principal, body: RecordActionDto): Promise<RecordedAction> {
    // Read before the transaction so it never waits for a second pool connection while holding one.
    const profile = await this.customers.findCustomer(customer.companyId, customer.id);
    return this.transactions.run((tx) =>
      this.recordAction(
        tx,
        { companyId: customer.companyId, repId: body.u_id, customerId: customer.id, action: body.action, productName: body.product_name, articleId: body.article_id, title: body.title },
        profile,
      ),
    );
  }

  /** RadarActionRecorder port (e.g. Chat's product inquiry, action 7) inside the caller's transaction. */
  async record(tx: Tx, input: RadarActionInput): Promise<void> {
    // Inside the caller's transaction: read through its connection, never a second one.
    const profile = await this.customers.findCustomer(input.companyId, input.customerId, tx.manager);
    await this.recordAction(tx, input, profile);
  }

  /**
   * Stores the action with its standard remark unless the same customer did the same action
   * on the same target for the same rep within RADAR_DEDUPE_SECONDS; moves last_activity_at
   * and queues `radar.action` for the rep (sent after commit). 307 without a relation.
   */
  async recordAction(tx: Tx, input: RadarActionInput, profile: CustomerProfile | null): Promise<RecordedAction> {
    if (!radarActionKind(input.action)) throw new ValidationFailed(fieldError('action', 'invalid'));
    const relation = await this.relations.require({ companyId: input.companyId, repId: input.repId, customerId: input.customerId }, tx.manager);
    // An article the caller's company does not have (another company's, or none) is not stored.
    if (input.articleId != null && !(await this.relations.articleExists(tx.manager, input.companyId, input.articleId))) {
      throw new ValidationFailed(fieldError('article_id', 'not_found'));
    }
    const target = { productName: clean(input.productName), articleId: input.articleId ?? null, title: clean(input.title) };
    const now = this.clock.now();

    // Lock order: the relation row first (touchActivity's UPDATE), then the dedupe key. A
    // caller that already touched the relation in its transaction (Chat) holds that row lock
    // already, so every path takes the two locks in the same order (no deadlock).
    await this.relations.touchActivity(tx.manager, relation.id, now);
    const duplicate = await this.findRecentDuplicate(tx, input, target, now);
    if (duplicate !== undefined) return { id: duplicate, deduplicated: true };

    const remark = standardRemark(input.action, target);
    const [row] = await tx.manager.query(
      `INSERT INTO radar_action (company_id, rep_id, customer_id, action, product_name, article_id, title, remark, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [input.companyId, input.repId, input.customerId, input.action, target.productName, target.articleId, target.title, remark, now],
    );

    const face = customerFace(input.customerId, profile, relation.memoName);
    const entry: RadarEntry = { id: row.id, repId: input.repId, customerId: input.customerId, action: input.action, remark, createdAt: now, ...face };
    tx.publish({ to: { role: 'rep', id: input.repId }, event: 'radar.action', data: mapRadarItem(entry, this.clock) });
    return { id: row.id, deduplicated: false };
  }

  /**
   * Serialises identical actions with a transaction-scoped advisory lock on the dedupe key,
   * then looks for one inside the window: two concurrent identical requests store one row
   * (the second waits for the first to commit and then sees its row).
   */
  private async findRecentDuplicate(
    tx: Tx,
    input: RadarActionInput,
    target: { productName: string | null; articleId: number | null; title: string | null },
    now: Date,
  ): Promise<number | undefined> {
    const windowSeconds = this.config.radarDedupeSeconds;
    if (windowSeconds <= 0) return undefined;
    const key = JSON.stringify(['radar', input.companyId, input.repId, input.customerId, input.action, target.productName, target.articleId, target.title]);
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
    const [row] = await tx.manager.query(
      `SELECT id FROM radar_action
        WHERE company_id = $1 AND rep_id = $2 AND customer_id = $3 AND action = $4
          AND product_name IS NOT DISTINCT FROM $5 AND article_id IS NOT DISTINCT FROM $6 AND title IS NOT DISTINCT FROM $7
          AND created_at > $8::timestamptz - make_interval(secs => $9)
        ORDER BY created_at DESC, id DESC LIMIT 1`,
      [input.companyId, input.repId, input.customerId, input.action, target.productName, target.articleId, target.title, now, windowSeconds],
    );
    return row?.id;
  }

  /**
   * GET action/time: the rep's timeline, newest first; the returned rows become seen. One
   * statement (timelineSql): the page over radar_action_rep_time_idx (or the per-customer
   * index), its customers' names, the seen update, and the total.
   */
  async timeline(rep: Principal, query: RadarTimelineQueryDto): Promise<{ items: RadarEntry[]; total: number }> {
    const page = pageOf(query, 10);
    const params: unknown[] = [rep.companyId, rep.id, page.limit, page.offset];
    const filters: string[] = [];
    const add = (sql: (param: string) => string, value: unknown) => filters.push(sql(`$${params.push(value)}`));
    if (query.customer_id !== undefined) add((p) => `customer_id = ${p}`, query.customer_id);
    if (query.action !== undefined) add((p) => `action = ${p}`, query.action);
    if (query.create_date__gte || query.create_date__lt) {
      const tz = `$${params.push(this.clock.timeZone)}`;
      if (query.create_date__gte) add((p) => `created_at >= ${dayStartSql(p, tz)}`, query.create_date__gte);
      if (query.create_date__lt) add((p) => `created_at < ${dayStartSql(p, tz)}`, query.create_date__lt);
    }
    const rows = await this.sql.rows<TimelineRow>(timelineSql(filters), params);
    const total = rows[0]?.total ?? 0;
    if (rows[0]?.id == null) return { items: [], total };
    return { items: rows.map((r) => radarEntryOf(rep.id, { ...r, id: r.id! })), total };
  }

  /**
   * GET action/get_new_log: the rep's radar rows not seen yet (by action/time or an earlier
   * call), now marked seen; at most NEW_LOG_MAX, ordered by `order` (legacy `-create_date`).
   */
  async takeNewLog(rep: Principal, query: RadarNewLogQueryDto): Promise<RadarEntry[]> {
    const rows = await this.sql.rows<RadarRow>(TAKE_NEW_LOG, [rep.companyId, rep.id, query.action ?? null, NEW_LOG_MAX]);
    const sign = query.order === 'create_date' ? 1 : -1;
    rows.sort((a, b) => sign * (a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id));
    return rows.map((r) => radarEntryOf(rep.id, r));
  }
}
