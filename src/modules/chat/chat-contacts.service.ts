import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Page } from '../../common/pagination/pagination';
import { RelationService } from '../contacts/relation.service';
import { CustomerProfile, CustomerService } from '../customer/customer.service';
import type { ContactRow } from './chat.mapper';
import { ChatStore } from './chat.store';

export interface ContactListResult {
  rows: ContactRow[];
  customers: Map<number, CustomerProfile>;
  memoNames: Map<number, string | null>;
  total: number;
  unreadTotal: number;
}

/**
 * One page of a rep's conversations, most recent first ($1 company, $2 rep, $3 limit, $4 offset).
 * Pages over conversation_rep_recent_idx alone (the skipped rows of a deep page cost an index
 * step each, no join); only the page's rows look up their last message and the rep's read
 * position (primary-key lookups). No sort, no message-table scan (docs/chat-query-plans.md).
 */
export const CONTACT_PAGE_SQL = `SELECT c.customer_id AS "customerId", c.last_message_at AS "lastMessageAt", msg.info_type AS "infoType",
       msg.content, COALESCE(rp.unread_count, 0) AS unread
FROM (SELECT id, customer_id, company_id, last_message_id, last_message_at
      FROM conversation
      WHERE company_id = $1 AND rep_id = $2 AND last_message_id IS NOT NULL
      ORDER BY last_message_at DESC, id DESC
      LIMIT $3 OFFSET $4) c
JOIN chat_message msg ON msg.id = c.last_message_id AND msg.company_id = c.company_id
LEFT JOIN chat_read_position rp ON rp.conversation_id = c.id AND rp.side = 'rep'
ORDER BY c.last_message_at DESC, c.id DESC`;

/** The rep's conversation list (API.md §5.4), most recent message first. */
@Injectable()
export class ChatContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerService,
    private readonly relations: RelationService,
  ) {}

  async list(p: Principal, page: Page): Promise<ContactListResult> {
    const m = this.dataSource.manager;
    const rows: ContactRow[] = await m.query(
      CONTACT_PAGE_SQL,
      [p.companyId, p.id, page.limit, page.offset],
    );
    const [[{ n: total }], unreadTotal] = await Promise.all([
      m.query(`SELECT count(*)::int AS n FROM conversation WHERE company_id = $1 AND rep_id = $2 AND last_message_id IS NOT NULL`, [p.companyId, p.id]),
      ChatStore.totalUnread(m, p.companyId, 'rep', p.id),
    ]);
    const ids = rows.map((r) => r.customerId);
    const [customers, relations] = await Promise.all([this.customers.findCustomers(p.companyId, ids), this.relations.findForRep(p.companyId, p.id, ids)]);
    const memoNames = new Map([...relations].map(([id, r]) => [id, r.memoName]));
    return { rows, customers, memoNames, total, unreadTotal };
  }
}
