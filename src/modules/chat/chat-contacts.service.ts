import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { Page } from '../../common/pagination/pagination';
import { Sql } from '../../database/sql';
import type { ContactRow } from './chat.mapper';

export interface ContactListResult {
  rows: ContactRow[];
  total: number;
  unreadTotal: number;
}

/**
 * One page of a rep's conversations, most recent first ($1 company, $2 rep, $3 limit, $4 offset),
 * with the rep's maintained totals (chat_owner_total: conversations with a message, unread) in
 * the same statement. Pages over conversation_rep_recent_idx alone (the skipped rows of a deep
 * page cost an index step each, no join); only the page's rows look up their last message, the
 * rep's read position, the customer and the rep's memo name (key lookups). No sort of the
 * rep's conversations, no message-table scan (docs/chat-query-plans.md). The LATERAL page
 * leaves one row with the totals and NULLs when the page is empty.
 */
export const CONTACT_PAGE_SQL = `SELECT t.unread AS "unreadTotal", t.conversations AS total, p.*
FROM (SELECT COALESCE(max(unread), 0) AS unread, COALESCE(max(conversations), 0) AS conversations
      FROM chat_owner_total WHERE company_id = $1 AND side = 'rep' AND owner_id = $2) t
LEFT JOIN LATERAL (
  SELECT c.id, c.customer_id AS "customerId", c.last_message_at AS "lastMessageAt", msg.info_type AS "infoType", msg.content,
         COALESCE(rp.unread_count, 0) AS unread, COALESCE(cu.username, '') AS username, COALESCE(cu.headimgurl, '') AS headimgurl,
         r.memo_name AS "memoName"
  FROM (SELECT id, customer_id, company_id, last_message_id, last_message_at
        FROM conversation
        WHERE company_id = $1 AND rep_id = $2 AND last_message_id IS NOT NULL
        ORDER BY last_message_at DESC, id DESC
        LIMIT $3 OFFSET $4) c
  JOIN chat_message msg ON msg.id = c.last_message_id AND msg.company_id = c.company_id
  LEFT JOIN chat_read_position rp ON rp.conversation_id = c.id AND rp.side = 'rep'
  LEFT JOIN customer cu ON cu.id = c.customer_id AND cu.company_id = c.company_id
  LEFT JOIN relation r ON r.company_id = c.company_id AND r.rep_id = $2 AND r.customer_id = c.customer_id
) p ON true
ORDER BY p."lastMessageAt" DESC, p.id DESC`;

/** The rep's conversation list (API.md §5.4), most recent message first: one statement. */
@Injectable()
export class ChatContactsService {
  constructor(private readonly sql: Sql) {}

  async list(p: Principal, page: Page): Promise<ContactListResult> {
    const result = await this.sql.rows<ContactRow & { id: number | null; total: number; unreadTotal: number }>(CONTACT_PAGE_SQL, [
      p.companyId,
      p.id,
      page.limit,
      page.offset,
    ]);
    const { total, unreadTotal } = result[0];
    const rows = result[0].id === null ? [] : result.map(({ id: _id, total: _t, unreadTotal: _u, ...row }) => row);
    return { rows, total, unreadTotal };
  }
}
