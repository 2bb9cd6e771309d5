import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChatEngagement, ChatEngagementSource } from '../action-log/radar-ports';

/** Chat activity per customer with one rep since an instant, for ai_pr (API.md §6.8). */
@Injectable()
export class ChatEngagementService extends ChatEngagementSource {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async engagement(companyId: number, repId: number, customerIds: number[], since: Date): Promise<Map<number, ChatEngagement>> {
    const out = new Map<number, ChatEngagement>();
    if (!customerIds.length) return out;
    const rows: { customerId: number; customerMessages: number; repMessages: number }[] = await this.dataSource.query(
      `SELECT c.customer_id AS "customerId",
              count(*) FILTER (WHERE msg.send_type = 2)::int AS "customerMessages",
              count(*) FILTER (WHERE msg.send_type = 1)::int AS "repMessages"
       FROM conversation c
       JOIN chat_message msg ON msg.company_id = c.company_id AND msg.conversation_id = c.id
       WHERE c.company_id = $1 AND c.rep_id = $2 AND c.customer_id = ANY($3::int[]) AND msg.created_at >= $4
       GROUP BY c.customer_id`,
      [companyId, repId, [...new Set(customerIds)], since],
    );
    for (const id of customerIds) out.set(id, { customerMessages: 0, repMessages: 0 });
    for (const r of rows) out.set(r.customerId, { customerMessages: r.customerMessages, repMessages: r.repMessages });
    return out;
  }
}
