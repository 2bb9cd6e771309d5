import { Injectable } from '@nestjs/common';
import { Sql, statement } from '../../database/sql';
import { ChatEngagement, ChatEngagementSource } from '../action-log/radar-ports';

/** Without a cap from the caller, counts stop here. */
const DEFAULT_CAP = 1000;

// Messages of a conversation are appended in time order, so the in-window messages of a side
// are among its newest `cap`: each count reads at most `cap` index entries. `conv` is the
// conversation's alias, `since` and `cap` SQL expressions.
const newest = (conv: string, sendType: number, since: string, cap: string) =>
  `(SELECT count(*) FILTER (WHERE x.created_at >= ${since})::int FROM (
      SELECT m.created_at FROM chat_message m
      WHERE m.company_id = ${conv}.company_id AND m.conversation_id = ${conv}.id AND m.send_type = ${sendType}
      ORDER BY m.id DESC LIMIT ${cap}) x)`;

/** $1 company, $2 rep, $3 the customer filter's value, $4 since, $5 cap. */
const engagementSql = (customerFilter: string) =>
  `SELECT c.customer_id AS "customerId", ${newest('c', 2, '$4', '$5')} AS "customerMessages", ${newest('c', 1, '$4', '$5')} AS "repMessages"
   FROM conversation c
   WHERE c.company_id = $1 AND c.rep_id = $2 AND ${customerFilter}`;
/** One customer: named, a key lookup. Several: planned per call (see ai-pr-scorer's TALLIES_MANY). */
const ENGAGEMENT_ONE = statement('chat_engagement_one', engagementSql('c.customer_id = $3::int'));
const ENGAGEMENT_MANY = engagementSql('c.customer_id = ANY($3::int[])');

/** Chat activity per customer with one rep since an instant, for ai_pr (API.md §6.8). */
@Injectable()
export class ChatEngagementService extends ChatEngagementSource {
  constructor(private readonly sql: Sql) {
    super();
  }

  async engagement(companyId: number, repId: number, customerIds: number[], since: Date, cap = DEFAULT_CAP): Promise<Map<number, ChatEngagement>> {
    const out = new Map<number, ChatEngagement>();
    if (!customerIds.length) return out;
    const ids = [...new Set(customerIds)];
    const rows = await this.sql.rows<{ customerId: number; customerMessages: number; repMessages: number }>(ids.length === 1 ? ENGAGEMENT_ONE : ENGAGEMENT_MANY, [
      companyId,
      repId,
      ids.length === 1 ? ids[0] : ids,
      since,
      cap,
    ]);
    for (const id of customerIds) out.set(id, { customerMessages: 0, repMessages: 0 });
    for (const r of rows) out.set(r.customerId, { customerMessages: r.customerMessages, repMessages: r.repMessages });
    return out;
  }

  oneCustomerColumn(since: string, cap: string): string {
    return `(SELECT json_build_array(${newest('c', 2, since, cap)}, ${newest('c', 1, since, cap)})
      FROM conversation c WHERE c.company_id = $1 AND c.rep_id = $2 AND c.customer_id = $3)`;
  }
}
