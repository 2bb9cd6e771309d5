import { statement } from '../../database/sql';
import type { ChatParties } from './chat.mapper';

/**
 * The chat's hot reads as single prepared statements: the relation check (307) and the
 * conversation's state for one side in one round trip. They read the relation, rep and
 * customer tables (owned by Contacts, Company and Customer) read-only, by key: the one place
 * where Chat joins another module's tables, because a poll must cost one statement (issue 9).
 */

/** The conversation as one side sees it; conversationId is null before its first message. */
export interface ConversationState {
  relationId: number;
  memoName: string | null;
  conversationId: number | null;
  messageCount: number;
  unreadCount: number;
  /** The side's read position: every incoming message up to this id is read. */
  readUpTo: number;
}

const STATE_COLUMNS = `r.id AS "relationId", r.memo_name AS "memoName", c.id AS "conversationId",
       COALESCE(c.message_count, 0) AS "messageCount", COALESCE(rp.unread_count, 0) AS "unreadCount",
       COALESCE(rp.read_up_to, 0) AS "readUpTo"`;
const STATE_JOINS = `LEFT JOIN conversation c ON c.company_id = r.company_id AND c.rep_id = r.rep_id AND c.customer_id = r.customer_id
LEFT JOIN chat_read_position rp ON rp.conversation_id = c.id AND rp.side = $4`;

/** $1 company, $2 rep, $3 customer, $4 reading side. No row: no relation. */
export const POLL_STATE = statement(
  'chat_poll_state',
  `SELECT ${STATE_COLUMNS}
FROM relation r
${STATE_JOINS}
WHERE r.company_id = $1 AND r.rep_id = $2 AND r.customer_id = $3`,
);

/** The conversation state plus both profiles, for rendering messages. */
export interface PartiesRow extends ConversationState {
  repName: string;
  repAvatar: string;
  mingpianPhone: string | null;
  wechat: string | null;
  username: string;
  headimgurl: string;
  sex: number | null;
  customerCreatedAt: Date;
}

/** Both profiles of relation `r` as PartiesRow names them (also read by the send's lock). */
export const PARTY_COLUMNS = `rep.name AS "repName", rep.avatar AS "repAvatar", rep.mingpian_phone AS "mingpianPhone", rep.wechat,
       cu.username, cu.headimgurl, cu.sex, cu.created_at AS "customerCreatedAt"`;
export const PARTY_JOINS = `JOIN rep ON rep.id = r.rep_id AND rep.company_id = r.company_id
JOIN customer cu ON cu.id = r.customer_id AND cu.company_id = r.company_id`;

export function partiesOf(row: PartiesRow, key: { companyId: number; repId: number; customerId: number }): ChatParties {
  return {
    rep: { id: key.repId, companyId: key.companyId, name: row.repName, avatar: row.repAvatar, mingpianPhone: row.mingpianPhone, wechat: row.wechat },
    customer: { id: key.customerId, companyId: key.companyId, username: row.username, headimgurl: row.headimgurl, sex: row.sex, createdAt: row.customerCreatedAt },
    memoName: row.memoName,
  };
}

/** A message as MessageRow names it (unqualified: one table in the FROM). */
export const MESSAGE_COLUMNS = `id, seq, send_type AS "sendType", info_type AS "infoType", content, created_at AS "createdAt"`;

/** A history row: the conversation state and both profiles, and one message of the page (id null: none). */
export type HistoryRow = PartiesRow & { id: number | null; seq: number; sendType: number; infoType: number; content: Record<string, unknown>; createdAt: Date };

/**
 * A history page in one statement: the conversation state (as POLL_STATE) with both profiles, and the page's messages cut by seq range from
 * the conversation's message count ($5 offset, $6 limit; page 1 is the newest), oldest first.
 * One row per message, or one row without a message. seq is gapless, so no OFFSET scan. The
 * page's `ORDER BY x.seq` and `company_id = $1` keep the generic plan on the (company,
 * conversation, seq) index range; without them it filtered a long conversation's side index
 * (docs/chat-query-plans.md).
 */
export const HISTORY_VIEW = statement(
  'chat_history_view',
  `SELECT ${STATE_COLUMNS}, ${PARTY_COLUMNS},
       m.*
FROM relation r
${PARTY_JOINS}
${STATE_JOINS}
LEFT JOIN LATERAL (
  SELECT ${MESSAGE_COLUMNS} FROM chat_message x
  WHERE x.company_id = $1 AND x.conversation_id = c.id
    AND x.seq BETWEEN GREATEST(1, c.message_count - $5::int - $6::int + 1) AND c.message_count - $5::int
  ORDER BY x.seq) m ON true
WHERE r.company_id = $1 AND r.rep_id = $2 AND r.customer_id = $3
ORDER BY m.seq`,
);
