import type { EntityManager } from 'typeorm';
import { statement } from '../../database/sql';
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

export interface ReadPositionRow {
  readUpTo: number;
  unreadCount: number;
}

/** send_type of the messages a side reads: the rep reads the customer's (2), and vice versa. */
export const incomingSendType = (side: ChatSide): 1 | 2 => (side === 'rep' ? 2 : 1);
export const otherSide = (side: ChatSide): ChatSide => (side === 'rep' ? 'customer' : 'rep');

/** A principal's maintained totals ($1 company, $2 side, $3 owner); no row means zeros. */
export const OWNER_TOTAL = statement(
  'chat_owner_total',
  `SELECT unread, conversations FROM chat_owner_total WHERE company_id = $1 AND side = $2 AND owner_id = $3`,
);

const MESSAGE_COLUMNS = `id, seq, send_type AS "sendType", info_type AS "infoType", content, created_at AS "createdAt"`;

/**
 * The chat tables' SQL, every statement filtered by company. Kept in one place so the query
 * plans documented in docs/chat-query-plans.md are the ones the code runs.
 */
export const ChatStore = {
  /** The conversation with one side's read position, in one lookup (the polling path). */
  async findWithPosition(m: EntityManager, key: ConversationKey, side: ChatSide): Promise<(ConversationRow & ReadPositionRow) | undefined> {
    const [row] = await m.query(
      `SELECT c.id, c.message_count AS "messageCount", c.last_message_id AS "lastMessageId",
              rp.read_up_to AS "readUpTo", rp.unread_count AS "unreadCount"
       FROM conversation c JOIN chat_read_position rp ON rp.conversation_id = c.id AND rp.side = $4
       WHERE c.company_id = $1 AND c.rep_id = $2 AND c.customer_id = $3`,
      [key.companyId, key.repId, key.customerId, side],
    );
    return row;
  },

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
    const [row] = await m.query(
      `SELECT id, message_count AS "messageCount", last_message_id AS "lastMessageId"
       FROM conversation WHERE company_id = $1 AND rep_id = $2 AND customer_id = $3 FOR UPDATE`,
      [key.companyId, key.repId, key.customerId],
    );
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
   * Appends a message as the conversation's newest (caller holds the lock). Returns undefined
   * when the client key already exists (a retry that raced past the lookup).
   */
  async appendMessage(
    m: EntityManager,
    companyId: number,
    conv: ConversationRow,
    msg: { sendType: number; infoType: number; content: Record<string, string>; clientMsgId: string | null; createdAt?: Date },
  ): Promise<MessageRow | undefined> {
    const seq = conv.messageCount + 1;
    // One statement: the message, and the conversation's count and last message (the UPDATE
    // sees the inserted row through the CTE; nothing is updated when the key already existed).
    const [row] = await m.query(
      `WITH msg AS (
         INSERT INTO chat_message (company_id, conversation_id, seq, send_type, info_type, content, client_msg_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8::timestamptz, clock_timestamp()))
         ON CONFLICT ON CONSTRAINT chat_message_client_key DO NOTHING
         RETURNING ${MESSAGE_COLUMNS}),
       conv AS (
         UPDATE conversation SET message_count = $3, last_message_id = msg.id,
           last_message_at = GREATEST(COALESCE(last_message_at, msg."createdAt"), msg."createdAt")
         FROM msg WHERE conversation.id = $2)
       SELECT * FROM msg`,
      [companyId, conv.id, seq, msg.sendType, msg.infoType, JSON.stringify(msg.content), msg.clientMsgId, msg.createdAt ?? null],
    );
    return row;
  },

  async readPosition(m: EntityManager, conversationId: number, side: ChatSide): Promise<ReadPositionRow | undefined> {
    const [row] = await m.query(
      `SELECT read_up_to AS "readUpTo", unread_count AS "unreadCount" FROM chat_read_position WHERE conversation_id = $1 AND side = $2`,
      [conversationId, side],
    );
    return row;
  },

  /** The reader of a new message has one more unread; returns the new count. */
  async addUnread(m: EntityManager, conversationId: number, side: ChatSide): Promise<number> {
    // TypeORM answers an UPDATE with [rows, affectedCount].
    const [rows] = await m.query(
      `UPDATE chat_read_position SET unread_count = unread_count + 1 WHERE conversation_id = $1 AND side = $2 RETURNING unread_count AS n`,
      [conversationId, side],
    );
    return rows[0]?.n ?? 0;
  },

  /** The side's unread messages, oldest first (caller holds the lock). */
  async messagesAfter(m: EntityManager, companyId: number, conversationId: number, sendType: number, afterId: number, limit: number): Promise<MessageRow[]> {
    return m.query(
      `SELECT ${MESSAGE_COLUMNS} FROM chat_message
       WHERE company_id = $1 AND conversation_id = $2 AND send_type = $3 AND id > $4
       ORDER BY id LIMIT $5`,
      [companyId, conversationId, sendType, afterId, limit],
    );
  },

  async newestIdOfSide(m: EntityManager, companyId: number, conversationId: number, sendType: number): Promise<number | undefined> {
    const [row] = await m.query(
      `SELECT id FROM chat_message WHERE company_id = $1 AND conversation_id = $2 AND send_type = $3 ORDER BY id DESC LIMIT 1`,
      [companyId, conversationId, sendType],
    );
    return row?.id;
  },

  /** Moves the read position forward by `count` messages up to `upTo`; returns the unread left. */
  async advanceRead(m: EntityManager, conversationId: number, side: ChatSide, upTo: number, count: number | 'all'): Promise<number> {
    const [rows] = await m.query(
      `UPDATE chat_read_position
       SET read_up_to = GREATEST(read_up_to, $3), unread_count = ${count === 'all' ? '0' : 'GREATEST(unread_count - $4, 0)'}
       WHERE conversation_id = $1 AND side = $2 RETURNING unread_count AS n`,
      count === 'all' ? [conversationId, side, upTo] : [conversationId, side, upTo, count],
    );
    return rows?.[0]?.n ?? 0;
  },

  /** History page by seq range [fromSeq, toSeq], oldest first. */
  async messagesBySeq(m: EntityManager, companyId: number, conversationId: number, fromSeq: number, toSeq: number): Promise<MessageRow[]> {
    return m.query(
      `SELECT ${MESSAGE_COLUMNS} FROM chat_message
       WHERE company_id = $1 AND conversation_id = $2 AND seq BETWEEN $3 AND $4 ORDER BY seq`,
      [companyId, conversationId, fromSeq, toSeq],
    );
  },

  /** All unread of one principal across their conversations: the maintained total (Totals migration). */
  async totalUnread(m: EntityManager, companyId: number, side: ChatSide, ownerId: number): Promise<number> {
    const [row] = await m.query(OWNER_TOTAL.text, [companyId, side, ownerId]);
    return row?.unread ?? 0;
  },
};
