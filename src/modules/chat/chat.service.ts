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
import { ConversationState, PARTIES_STATE, PartiesRow, partiesOf, POLL_STATE } from './chat.reads';
import { ChatStore, ConversationKey, HISTORY_PAGE, incomingSendType, MessageRow, otherSide, OWNER_TOTAL, SendHead } from './chat.store';
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

  /** As state(), with both profiles for rendering. A relation always joins a rep and a customer of its company. */
  private async partiesState(key: ConversationKey, side: ChatSide): Promise<{ state: PartiesRow; parties: ChatParties }> {
    const row = await this.sql.one<PartiesRow>(PARTIES_STATE, [key.companyId, key.repId, key.customerId, side]);
    if (!row) throw Errors.noRelation();
    return { state: row, parties: partiesOf(row, key) };
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
   * getmsg: the caller's unread messages, oldest first, marking exactly those read. `parties`
   * is loaded only when there is something to render (polling mostly finds nothing).
   */
  async fetchUnread(p: Principal, otherId: number): Promise<MessagesResult> {
    const key = ChatService.keyOf(p, otherId);
    const side: ChatSide = p.role;
    // Polling fast path, one statement: nothing unread as of now means nothing to lock; a
    // message committed after this read is still after the read position and comes next call.
    const conv = await this.state(key, side);
    if (conv.conversationId === null || conv.unreadCount === 0) return { parties: null, messages: [] };
    const conversationId = conv.conversationId;

    const messages = await this.tx.run(async (tx) => {
      await ChatStore.lockConversation(tx.manager, key);
      const { rows, left } = await ChatStore.takeUnread(tx.manager, key.companyId, conversationId, side, GETMSG_LIMIT);
      if (rows.length) await this.publishRead(tx, key, side, rows[rows.length - 1].id, left);
      return rows;
    });
    return { parties: messages.length ? (await this.partiesState(key, side)).parties : null, messages };
  }

  /** History page (page 1 = newest); opening it marks the whole conversation read for the caller. */
  async history(p: Principal, otherId: number, page: Page): Promise<HistoryResult> {
    const key = ChatService.keyOf(p, otherId);
    const side: ChatSide = p.role;
    const { state: conv, parties } = await this.partiesState(key, side);
    if (conv.conversationId === null) return { parties, messages: [], total: 0 };
    const conversationId = conv.conversationId;

    // Page by seq range: seq is gapless (allocated under the lock), so no OFFSET scan.
    const toSeq = conv.messageCount - page.offset;
    const fromSeq = Math.max(1, toSeq - page.limit + 1);
    const messages = toSeq >= 1 ? await this.sql.rows<MessageRow>(HISTORY_PAGE, [key.companyId, conversationId, fromSeq, toSeq]) : [];

    if (conv.unreadCount > 0) {
      await this.tx.run(async (tx) => {
        await ChatStore.lockConversation(tx.manager, key);
        const newest = await ChatStore.newestIdOfSide(tx.manager, key.companyId, conversationId, incomingSendType(side));
        if (newest === undefined) return;
        await ChatStore.advanceRead(tx.manager, conversationId, side, newest, 'all');
        await this.publishRead(tx, key, side, newest, 0);
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

  /** A message as the given side's getmsg renders it (also the chat.message payload). */
  render(side: ChatSide, message: MessageRow, parties: ChatParties, history = false): Record<string, unknown> {
    const dateTime = (at: Date) => this.clock.dateTime(at);
    return side === 'rep' ? mapRepMessage(message, parties, dateTime, history) : mapCustomerMessage(message, parties, dateTime, history);
  }

  private async publishRead(tx: Tx, key: ConversationKey, reader: ChatSide, upTo: number, left: number): Promise<void> {
    const total = await ChatStore.totalUnread(tx.manager, key.companyId, reader, reader === 'rep' ? key.repId : key.customerId);
    tx.publish(ChatEvents.read(otherSide(reader), key, upTo), ChatEvents.unread(reader, key, left, total));
  }
}
