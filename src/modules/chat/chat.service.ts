import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Errors } from '../../common/errors/api-error';
import { Page } from '../../common/pagination/pagination';
import { Clock } from '../../common/time/clock';
import { Sql, txRows } from '../../database/sql';
import { TransactionRunner, Tx } from '../../database/transaction-runner';
import { RadarActionRecorder } from '../action-log/radar-ports';
import { RelationService } from '../contacts/relation.service';
import { ChatEvents } from './chat-events';
import { parseContent } from './chat-content';
import { ChatParties, mapCustomerMessage, mapRepMessage } from './chat.mapper';
import type { CustomerChatMessage, CustomerHistoryMessage, RepChatMessage, RepHistoryMessage } from './dto/chat-message.response.dto';
import { ConversationState, HISTORY_VIEW, HistoryRow, partiesOf, POLL_STATE } from './chat.reads';
import { ChatStore, ConversationKey, MessageRow, otherSide, OWNER_TOTAL, SendHead } from './chat.store';
import type { ChatSide } from './entities/read-position.entity';

/** At most this many messages per getmsg call (API.md §4.2). */
export const GETMSG_LIMIT = 100;
/** Radar action code 7 咨询产品 (API.md §6.10). */
const ACTION_PRODUCT_INQUIRY = 7;

export interface SendInput {
  /** The other party: the rep id (customer caller) or the customer id (rep caller). */
  otherId: number;
  content: unknown;
  clientMsgId?: string | null;
}

export interface MessagesResult {
  /** Null when there are no messages to render. */
  parties: ChatParties | null;
  messages: MessageRow[];
}

export interface HistoryResult {
  parties: ChatParties;
  messages: MessageRow[];
  total: number;
}

/**
 * Two-sided chat. Every write and every read that moves a read position locks the
 * conversation row, so ids grow in commit order within a conversation and read positions
 * are exact (see the Chat migration for why that matters).
 */
@Injectable()
export class ChatService {
  constructor(
    private readonly sql: Sql,
    private readonly tx: TransactionRunner,
    private readonly relations: RelationService,
    private readonly clock: Clock,
    private readonly radar: RadarActionRecorder,
  ) {}

  /** The conversation the caller names: the caller and `otherId`, in the caller's company. */
  static keyOf(p: Principal, otherId: number): ConversationKey {
    return p.role === 'customer'
      ? { companyId: p.companyId, repId: otherId, customerId: p.id }
      : { companyId: p.companyId, repId: p.id, customerId: otherId };
  }

  /** The conversation as `side` sees it, or 307 without a relation (one statement). */
  private async state(key: ConversationKey, side: ChatSide): Promise<ConversationState> {
    const row = await this.sql.one<ConversationState>(POLL_STATE, [key.companyId, key.repId, key.customerId, side]);
    if (!row) throw Errors.noRelation();
    return row;
  }

  async send(p: Principal, input: SendInput): Promise<{ id: number }> {
    const side: ChatSide = p.role;
    const content = parseContent(input.content, side);
    const key = ChatService.keyOf(p, input.otherId);
    const sendType = side === 'rep' ? 1 : 2;
    const clientMsgId = input.clientMsgId || null;

    return this.tx.run(async (tx) => {
      const m = tx.manager;
      const head = (await ChatStore.lockForSend(m, key, sendType, clientMsgId)) ?? (await this.firstMessageHead(m, key, side, sendType, clientMsgId));
      if (head.existingId !== null) return { id: head.existingId };
      const parties = partiesOf(head, key);
      const message = await ChatStore.appendMessage(m, key.companyId, head, { sendType, infoType: content.infoType, content: content.fields, clientMsgId });
      if (!message) {
        // Only reachable if the lock were bypassed; the unique key still keeps one message.
        return { id: (await ChatStore.findByClientId(m, key.companyId, head.id, sendType, clientMsgId!))! };
      }
      const receiver = otherSide(side);
      if (side === 'customer') {
        await this.relations.touchActivity(m, head.relationId, message.createdAt);
        if (content.infoType === 2) {
          await this.radar.record(tx, {
            companyId: key.companyId,
            repId: key.repId,
            customerId: key.customerId,
            action: ACTION_PRODUCT_INQUIRY,
            productName: content.fields.product_name ?? null,
          });
        }
      } else {
        await this.relations.touchFollow(m, head.relationId, message.createdAt);
      }
      // Read after the write: the total includes this message (the counter trigger has run).
      const total = await ChatStore.totalUnread(m, key.companyId, receiver, receiver === 'rep' ? key.repId : key.customerId);
      tx.publish(ChatEvents.message(receiver, key, this.render(receiver, message, parties)), ChatEvents.unread(receiver, key, message.unread, total));
      return { id: message.id };
    });
  }

  /** The first message of a pair: 307 without a relation, else create the conversation and lock it. */
  private async firstMessageHead(m: EntityManager, key: ConversationKey, side: ChatSide, sendType: number, clientMsgId: string | null): Promise<SendHead> {
    const [relation] = await txRows(m, POLL_STATE, [key.companyId, key.repId, key.customerId, side]);
    if (!relation) throw Errors.noRelation();
    await ChatStore.ensureConversation(m, key);
    const head = await ChatStore.lockForSend(m, key, sendType, clientMsgId);
    // The relation joins a rep and a customer of its company, so the head exists now.
    if (!head) throw Errors.noRelation();
    return head;
  }

  /**
   * getmsg: the caller's unread messages, oldest first, marking exactly those read. With
   * `lastId` (resumable polling, API.md §10) the messages after that id instead, read or not,
   * so a client whose answer was lost gets them again. Everything the answer renders is read
   * before the commit: once messages are marked read, the response cannot fail for want of a
   * read.
   */
  async fetchUnread(p: Principal, otherId: number, lastId: number | null = null): Promise<MessagesResult> {
    const key = ChatService.keyOf(p, otherId);
    const side: ChatSide = p.role;
    // Polling fast path, one statement: nothing unread and nothing after lastId that was read
    // means nothing to lock; a message committed after this read comes with the next call.
    const conv = await this.state(key, side);
    if (conv.conversationId === null) return { parties: null, messages: [] };
    if (conv.unreadCount === 0 && (lastId === null || lastId >= conv.readUpTo)) return { parties: null, messages: [] };
    const conversationId = conv.conversationId;

    return this.tx.run(async (tx) => {
      const head = await ChatStore.lockForRead(tx.manager, key);
      // The relation existed a statement ago; a concurrent removal makes this a 307.
      if (!head) throw Errors.noRelation();
      const { rows, left } = await ChatStore.takeAfter(tx.manager, key.companyId, conversationId, side, GETMSG_LIMIT, lastId);
      if (rows.length) await this.publishRead(tx, key, side, rows[rows.length - 1].id, left);
      return { parties: rows.length ? partiesOf(head, key) : null, messages: rows };
    });
  }

  /**
   * History page (page 1 = newest). Opening it marks the conversation read for the caller as
   * the page saw it: up to the newest incoming message of the snapshot the page was cut from,
   * so a message committed after that read stays unread (and comes with getmsg).
   */
  async history(p: Principal, otherId: number, page: Page): Promise<HistoryResult> {
    const key = ChatService.keyOf(p, otherId);
    const side: ChatSide = p.role;
    // One statement: the relation (307), both profiles, the conversation state and the page.
    const rows = await this.sql.rows<HistoryRow>(HISTORY_VIEW, [key.companyId, key.repId, key.customerId, side, page.offset, page.limit]);
    if (!rows.length) throw Errors.noRelation();
    const [conv] = rows;
    const parties = partiesOf(conv, key);
    if (conv.conversationId === null) return { parties, messages: [], total: 0 };
    const conversationId = conv.conversationId;
    const messages: MessageRow[] = rows
      .filter((r) => r.id !== null)
      .map((r) => ({ id: r.id!, seq: r.seq, sendType: r.sendType, infoType: r.infoType, content: r.content, createdAt: r.createdAt }));

    if (conv.unreadCount > 0) {
      await this.tx.run(async (tx) => {
        await ChatStore.lockConversation(tx.manager, key);
        const marked = await ChatStore.markReadThroughSeq(tx.manager, key.companyId, conversationId, side, conv.messageCount);
        if (marked) await this.publishRead(tx, key, side, marked.upTo, marked.left);
      });
    }
    return { parties, messages, total: conv.messageCount };
  }

  /** Unread messages from one party (customer query_num). */
  async unreadCount(p: Principal, otherId: number): Promise<number> {
    return (await this.state(ChatService.keyOf(p, otherId), p.role)).unreadCount;
  }

  /** All unread messages of the caller across their conversations (a maintained total). */
  async totalUnread(p: Principal): Promise<number> {
    return (await this.sql.one<{ unread: number }>(OWNER_TOTAL, [p.companyId, p.role, p.id]))?.unread ?? 0;
  }

  /** A message as the given side's getmsg renders it (also the chat.message payload); `history` adds from_user_name. */
  render(side: 'customer', message: MessageRow, parties: ChatParties, history?: false): CustomerChatMessage;
  render(side: 'customer', message: MessageRow, parties: ChatParties, history: true): CustomerHistoryMessage;
  render(side: 'rep', message: MessageRow, parties: ChatParties, history?: false): RepChatMessage;
  render(side: 'rep', message: MessageRow, parties: ChatParties, history: true): RepHistoryMessage;
  render(side: ChatSide, message: MessageRow, parties: ChatParties): CustomerChatMessage | RepChatMessage;
  render(side: ChatSide, message: MessageRow, parties: ChatParties, history = false): CustomerChatMessage | RepChatMessage {
    const dateTime = (at: Date) => this.clock.dateTime(at);
    return side === 'rep' ? mapRepMessage(message, parties, dateTime, history) : mapCustomerMessage(message, parties, dateTime, history);
  }

  private async publishRead(tx: Tx, key: ConversationKey, reader: ChatSide, upTo: number, left: number): Promise<void> {
    const total = await ChatStore.totalUnread(tx.manager, key.companyId, reader, reader === 'rep' ? key.repId : key.customerId);
    tx.publish(ChatEvents.read(otherSide(reader), key, upTo), ChatEvents.unread(reader, key, left, total));
  }
}
