import type { EntityManager } from 'typeorm';
import { statement, txRows } from '../../database/sql';
import { MESSAGE_COLUMNS, PARTY_COLUMNS, PARTY_JOINS } from './chat.reads';
import type { PartiesRow } from './chat.reads';
import type { ChatSide } from './entities/read-position.entity';

/** The two parties of a conversation inside one company. */
export interface ConversationKey {
  companyId: number;
  repId: number;
  customerId: number;
}

export interface ConversationRow {
  id: number;
  messageCount: number;
  lastMessageId: number | null;
}

export interface MessageRow {
  id: number;
  seq: number;
  sendType: number;
  infoType: number;
  content: Record<string, unknown>;
  createdAt: Date;
}

/** send_type of the messages a side reads: the rep reads the customer's (2), and vice versa. */
export const incomingSendType = (side: ChatSide): 1 | 2 => (side === 'rep' ? 2 : 1);
export const otherSide = (side: ChatSide): ChatSide => (side === 'rep' ? 'customer' : 'rep');
/** The side that reads a message of this send_type. */
export const readerOf = (sendType: number): ChatSide => (sendType === 1 ? 'customer' : 'rep');

/** What a send needs before writing: the locked conversation and everything to render. */
export type SendHead = PartiesRow & ConversationRow & { conversationId: number; existingId: number | null };

/**
 * The relation (none: no row), both profiles and the conversation, locked (FOR UPDATE OF c) and
 * held to commit; `extra` adds columns. $1 company, $2 rep, $3 customer.
 */
const lockWithParties = (extra: string) =>
  `SELECT r.id AS "relationId", r.memo_name AS "memoName", ${PARTY_COLUMNS},
       c.id, c.id AS "conversationId", c.message_count AS "messageCount", c.last_message_id AS "lastMessageId"${extra}
FROM relation r
${PARTY_JOINS}
JOIN conversation c ON c.company_id = r.company_id AND c.rep_id = r.rep_id AND c.customer_id = r.customer_id
WHERE r.company_id = $1 AND r.rep_id = $2 AND r.customer_id = $3
FOR UPDATE OF c`;

/**
 * For a send: plus the id of a message already sent with this client key ($4 send_type, $5 client
 * key, null: none). The lookup names exactly the unique key (conversation, send_type, client
 * key) and nothing else: `c` is already the company's conversation, and with company_id in it a
 * generic plan could walk the side index of a long conversation instead (docs/chat-query-plans.md).
 */
const LOCK_FOR_SEND = statement(
  'chat_lock_for_send',
  lockWithParties(`,
       (SELECT m.id FROM chat_message m WHERE m.conversation_id = c.id AND m.send_type = $4 AND m.client_msg_id = $5) AS "existingId"`),
);

/** For a read that moves the read position and renders what it read (getmsg). */
const LOCK_FOR_READ = statement('chat_lock_for_read', lockWithParties(''));

/** A principal's maintained totals and their version ($1 company, $2 side, $3 owner); no row means zeros. */
export const OWNER_TOTAL = statement(
  'chat_owner_total',
  `SELECT unread, conversations, version FROM chat_owner_total WHERE company_id = $1 AND side = $2 AND owner_id = $3`,
);

/** A principal's unread total, and the version that orders it among their changes (UnreadSeq migration). */
export interface UnreadTotal {
  unread: number;
  seq: number;
}


const LOCK_CONVERSATION = statement(
  'chat_lock_conversation',
  `SELECT id, message_count AS "messageCount", last_message_id AS "lastMessageId"
   FROM conversation WHERE company_id = $1 AND rep_id = $2 AND customer_id = $3 FOR UPDATE`,
);

/** $1 company, $2 conversation, $3 seq, $4 send_type, $5 info_type, $6 content, $7 client key, $8 time (null: now), $9 reader. */
const APPEND_MESSAGE = statement(
  'chat_append_message',
  `WITH msg AS (
         INSERT INTO chat_message (company_id, conversation_id, seq, send_type, info_type, content, client_msg_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8::timestamptz, clock_timestamp()))
         ON CONFLICT ON CONSTRAINT chat_message_client_key DO NOTHING
         RETURNING ${MESSAGE_COLUMNS}),
       conv AS (
         UPDATE conversation SET message_count = $3, last_message_id = msg.id,
           last_message_at = GREATEST(COALESCE(last_message_at, msg."createdAt"), msg."createdAt")
         FROM msg WHERE conversation.id = $2),
       unread AS (
         UPDATE chat_read_position SET unread_count = unread_count + 1
         FROM msg WHERE conversation_id = $2 AND side = $9
         RETURNING unread_count)
       SELECT msg.*, COALESCE((SELECT unread_count FROM unread), 0) AS unread FROM msg`,
);

/**
 * The incoming messages after a read position, counted: what `unread_count` is by definition
 * ($1 company, $2 conversation, $3 send_type read; `after` an SQL expression).
 */
const unreadAfter = (after: string) =>
  `(SELECT count(*) FROM chat_message u WHERE u.company_id = $1 AND u.conversation_id = $2 AND u.send_type = $3 AND u.id > ${after})`;

/**
 * $1 company, $2 conversation, $3 send_type read, $4 reading side, $5 limit, $6 after this id
 * (null: after the read position). The page oldest first; the position moves to its newest
 * (never back) and the unread count is recounted after it.
 */
const TAKE_AFTER = statement(
  'chat_take_after',
  `WITH page AS (
         SELECT ${MESSAGE_COLUMNS} FROM chat_message
         WHERE company_id = $1 AND conversation_id = $2 AND send_type = $3
           AND id > COALESCE($6::bigint, (SELECT read_up_to FROM chat_read_position WHERE conversation_id = $2 AND side = $4))
         ORDER BY id LIMIT $5),
       mark AS (
         UPDATE chat_read_position
         SET read_up_to = GREATEST(read_up_to, (SELECT max(id) FROM page)),
             unread_count = ${unreadAfter('GREATEST(read_up_to, (SELECT max(id) FROM page))')}
         WHERE conversation_id = $2 AND side = $4 AND EXISTS (SELECT 1 FROM page)
         RETURNING unread_count)
       SELECT page.*, (SELECT unread_count FROM mark) AS left FROM page ORDER BY id`,
);

/**
 * History's mark ($1 company, $2 conversation, $3 send_type read, $4 reading side, $5 seq): read
 * up to the newest incoming message with seq ≤ $5, the conversation as the caller's page saw
 * it; a message committed after that read stays unread. No row: nothing to move.
 */
const MARK_READ_THROUGH_SEQ = statement(
  'chat_mark_read_through_seq',
  `WITH upto AS (
         SELECT max(id) AS id FROM chat_message WHERE company_id = $1 AND conversation_id = $2 AND send_type = $3 AND seq <= $5)
       UPDATE chat_read_position
       SET read_up_to = GREATEST(read_up_to, upto.id), unread_count = ${unreadAfter('GREATEST(read_up_to, upto.id)')}
       FROM upto WHERE conversation_id = $2 AND side = $4 AND upto.id IS NOT NULL
       RETURNING read_up_to AS "upTo", unread_count AS "left"`,
);

/** The named statements of the chat paths, for scripts/chat-query-plans.ts (their generic plans). */
export const CHAT_STATEMENTS = { LOCK_FOR_SEND, LOCK_FOR_READ, APPEND_MESSAGE, TAKE_AFTER, MARK_READ_THROUGH_SEQ, OWNER_TOTAL };

/**
 * The chat tables' SQL, every statement filtered by company. Kept in one place so the query
 * plans documented in docs/chat-query-plans.md are the ones the code runs.
 */
export const ChatStore = {
  /** Creates the conversation and both read positions once; concurrent creators wait on the unique key. */
  async ensureConversation(m: EntityManager, key: ConversationKey): Promise<void> {
    const created = await m.query(
      `INSERT INTO conversation (company_id, rep_id, customer_id) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT conversation_pair_key DO NOTHING RETURNING id`,
      [key.companyId, key.repId, key.customerId],
    );
    if (created.length) {
      await m.query(
        `INSERT INTO chat_read_position (conversation_id, side, company_id, owner_id)
         VALUES ($1, 'rep', $2, $3), ($1, 'customer', $2, $4)`,
        [created[0].id, key.companyId, key.repId, key.customerId],
      );
    }
  },

  /**
   * Locks the conversation, creating it first if needed (for sends). Creation is tried only
   * when the row is missing: INSERT … ON CONFLICT would burn an identity value on every send.
   */
  async lockOrCreateConversation(m: EntityManager, key: ConversationKey): Promise<ConversationRow> {
    const existing = await ChatStore.lockConversation(m, key);
    if (existing) return existing;
    await ChatStore.ensureConversation(m, key);
    return (await ChatStore.lockConversation(m, key))!;
  },

  /** Takes the conversation's lock (held to commit): serialises its sends and reads. */
  async lockConversation(m: EntityManager, key: ConversationKey): Promise<ConversationRow | undefined> {
    const [row] = await txRows<ConversationRow>(m, LOCK_CONVERSATION, [key.companyId, key.repId, key.customerId]);
    return row;
  },

  async findByClientId(m: EntityManager, companyId: number, conversationId: number, sendType: number, clientMsgId: string): Promise<number | undefined> {
    const [row] = await m.query(
      `SELECT id FROM chat_message WHERE company_id = $1 AND conversation_id = $2 AND send_type = $3 AND client_msg_id = $4`,
      [companyId, conversationId, sendType, clientMsgId],
    );
    return row?.id;
  },

  /**
   * Appends a message as the conversation's newest (caller holds the lock) and counts it unread
   * for its reader, in one statement. Returns undefined when the client key already exists (a
   * retry that raced past the lookup): then nothing is written.
   */
  async appendMessage(
    m: EntityManager,
    companyId: number,
    conv: ConversationRow,
    msg: { sendType: number; infoType: number; content: Record<string, string>; clientMsgId: string | null; createdAt?: Date },
  ): Promise<(MessageRow & { unread: number }) | undefined> {
    const seq = conv.messageCount + 1;
    // The UPDATEs see the inserted row through the CTE; with no row (the key existed) they
    // update nothing.
    const [row] = await txRows<MessageRow & { unread: number }>(
      m,
      APPEND_MESSAGE,
      [companyId, conv.id, seq, msg.sendType, msg.infoType, JSON.stringify(msg.content), msg.clientMsgId, msg.createdAt ?? null, readerOf(msg.sendType)],
    );
    return row;
  },

  /**
   * For a send, in one statement: locks the existing conversation (held to commit) and reads
   * the relation (its absence: 307), both profiles and the id of a message already sent with
   * this client key. No row: no relation, or no conversation yet (see lockOrCreateConversation).
   */
  async lockForSend(m: EntityManager, key: ConversationKey, sendType: number, clientMsgId: string | null): Promise<SendHead | undefined> {
    const [row] = await txRows<SendHead>(m, LOCK_FOR_SEND, [key.companyId, key.repId, key.customerId, sendType, clientMsgId]);
    return row;
  },

  /** Locks the conversation and reads both profiles (caller renders what it reads before commit). */
  async lockForRead(m: EntityManager, key: ConversationKey): Promise<SendHead | undefined> {
    const [row] = await txRows<SendHead>(m, LOCK_FOR_READ, [key.companyId, key.repId, key.customerId]);
    return row;
  },

  /**
   * getmsg's read, in one statement (caller holds the conversation lock, so the read position
   * is read after any concurrent reader's commit): the side's incoming messages after `afterId`
   * (null: after its read position), oldest first, at most `limit`, and the position moved to
   * the newest of them. Returns the messages and the unread count left.
   */
  async takeAfter(m: EntityManager, companyId: number, conversationId: number, side: ChatSide, limit: number, afterId: number | null): Promise<{ rows: MessageRow[]; left: number }> {
    const rows = await txRows<MessageRow & { left: number | null }>(m, TAKE_AFTER, [companyId, conversationId, incomingSendType(side), side, limit, afterId]);
    return { rows: rows.map(({ left: _left, ...row }) => row), left: rows[0]?.left ?? 0 };
  },

  /** History's mark (caller holds the lock): see MARK_READ_THROUGH_SEQ. */
  async markReadThroughSeq(m: EntityManager, companyId: number, conversationId: number, side: ChatSide, seq: number): Promise<{ upTo: number; left: number } | undefined> {
    const [row] = await txRows<{ upTo: number; left: number }>(m, MARK_READ_THROUGH_SEQ, [companyId, conversationId, incomingSendType(side), side, seq]);
    return row;
  },

  /**
   * All unread of one principal across their conversations (the maintained total), read after
   * this transaction's changes: the row is locked by them until commit, so `seq` is ordered.
   */
  async totalUnread(m: EntityManager, companyId: number, side: ChatSide, ownerId: number): Promise<UnreadTotal> {
    const [row] = await txRows<{ unread: number; version: number }>(m, OWNER_TOTAL, [companyId, side, ownerId]);
    return { unread: row?.unread ?? 0, seq: row?.version ?? 0 };
  },
};
