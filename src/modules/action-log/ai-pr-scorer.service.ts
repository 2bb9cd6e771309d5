import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Sql, statement } from '../../database/sql';
import { Clock } from '../../common/time/clock';
import { ActionTally, AI_PR_CHAT_CAP, AI_PR_WINDOW_DAYS, aiPrScore } from './ai-pr';
import { AiPrColumn, AiPrScorer, ChatEngagement, ChatEngagementSource } from './radar-ports';

/** The window's start: the local day `days` days before `now`'s, in `zone` (SQL expressions). */
const sinceSql = (now: string, zone: string, days: string) =>
  `((date_trunc('day', ${now}::timestamptz AT TIME ZONE ${zone}::text) - make_interval(days => ${days}::int)) AT TIME ZONE ${zone}::text)`;

/**
 * The radar tallies inside the window as a JSON array of [...keys, action, age in days, count]
 * ($1 company, $2 rep; the customer filter and the SQL expressions now, zone, since given).
 */
const talliesSql = (keys: string, customerFilter: string, now: string, zone: string, since: string) => `(
  SELECT COALESCE(json_agg(json_build_array(${keys}action, age_days, n)), '[]') FROM (
    SELECT ${keys}action, ((${now}::timestamptz AT TIME ZONE ${zone}::text)::date - (created_at AT TIME ZONE ${zone}::text)::date) AS age_days, count(*)::int AS n
    FROM radar_action
    WHERE company_id = $1 AND rep_id = $2 AND ${customerFilter} AND created_at >= ${since} AND created_at <= ${now}::timestamptz
    GROUP BY ${keys}action, age_days) t)`;

/** $1 company, $2 rep, $3 the customer filter's value, $4 now, $5 zone, $6 window days - 1: the window's start and [customer, action, age, count]. */
const batchSql = (customerFilter: string) => `WITH w AS (SELECT ${sinceSql('$4', '$5', '$6')} AS since)
SELECT w.since, ${talliesSql('customer_id, ', customerFilter, '$4', '$5', 'w.since')} AS tallies FROM w`;
/** One customer: a named statement, its plan is the per-customer index range. */
const TALLIES_ONE = statement('ai_pr_tallies_one', batchSql('customer_id = $3::int'));
/**
 * Several customers: planned per call. A generic plan for `customer_id = ANY($3)` walked the
 * rep's whole timeline index (measured: 46 ms for a rep with 200 000 rows).
 */
const TALLIES_MANY = batchSql('customer_id = ANY($3::int[])');

const toTallies = (rows: [number, number, number][]): ActionTally[] => rows.map(([action, ageDays, count]) => ({ action, ageDays, count }));

/**
 * AiPrScorer port: gathers the inputs of the ai_pr formula (ai-pr.ts, docs/ai-pr.md) for a
 * batch of customers with two bounded queries (for one customer, as one column of the caller's
 * statement): the radar actions of the last 30 local days
 * (served by radar_action_rep_customer_time_idx, never the whole log) and the chat engagement
 * over the same window from the Chat module, when it is part of the build.
 */
@Injectable()
export class AiPrScorerService implements AiPrScorer {
  private readonly logger = new Logger('AiPrScorer');
  private chatSource: ChatEngagementSource | null | undefined;

  constructor(
    private readonly sql: Sql,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {}

  async scores(companyId: number, repId: number, customerIds: number[]): Promise<Map<number, number>> {
    const ids = [...new Set(customerIds)];
    if (!ids.length) return new Map();
    const now = this.clock.now();
    const tz = this.clock.timeZone;

    // One statement, one row: the window's start (the local day AI_PR_WINDOW_DAYS - 1 days ago,
    // whole calendar days) and the tallies inside it as [customer, action, age in days, count].
    const [{ since, tallies: rows }] = await this.sql.rows<{ since: Date; tallies: [number, number, number, number][] }>(
      ids.length === 1 ? TALLIES_ONE : TALLIES_MANY,
      [companyId, repId, ids.length === 1 ? ids[0] : ids, now, tz, AI_PR_WINDOW_DAYS - 1],
    );
    const tallies = new Map<number, ActionTally[]>();
    for (const [customerId, action, ageDays, count] of rows) {
      const list = tallies.get(customerId) ?? [];
      list.push({ action, ageDays, count });
      tallies.set(customerId, list);
    }

    const chat = await this.chatEngagement(companyId, repId, ids, since);
    return new Map(ids.map((id) => [id, aiPrScore(tallies.get(id) ?? [], chat.get(id))]));
  }

  oneCustomerColumn(first: number): AiPrColumn {
    const [now, zone, days, cap] = [0, 1, 2, 3].map((i) => `$${first + i}`);
    const since = sinceSql(now, zone, days);
    const chat = this.resolveChatSource()?.oneCustomerColumn(since, `${cap}::int`) ?? 'NULL::json';
    return {
      sql: `json_build_array(${talliesSql('', 'customer_id = $3', now, zone, since)}, ${chat}) AS "aiPrInputs"`,
      values: () => [this.clock.now(), this.clock.timeZone, AI_PR_WINDOW_DAYS - 1, AI_PR_CHAT_CAP],
      score: (inputs) => {
        const [tallies, chat] = inputs as [[number, number, number][], [number, number] | null];
        return aiPrScore(toTallies(tallies), chat && { customerMessages: chat[0], repMessages: chat[1] });
      },
    };
  }

  private async chatEngagement(companyId: number, repId: number, ids: number[], since: Date): Promise<Map<number, ChatEngagement>> {
    const source = this.resolveChatSource();
    return source ? source.engagement(companyId, repId, ids, since, AI_PR_CHAT_CAP) : new Map();
  }

  /** Resolved lazily: ChatModule binds it; a build without Chat scores actions only. */
  private resolveChatSource(): ChatEngagementSource | null {
    if (this.chatSource === undefined) {
      try {
        this.chatSource = this.moduleRef.get(ChatEngagementSource, { strict: false });
      } catch {
        this.logger.warn('no ChatEngagementSource bound: ai_pr uses radar actions only');
        this.chatSource = null;
      }
    }
    return this.chatSource ?? null;
  }
}
