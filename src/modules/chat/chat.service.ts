import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { Errors } from '../../common/errors/api-error';
import { Page } from '../../common/pagination/pagination';
import { Clock } from '../../common/time/clock';
import { TransactionRunner, Tx } from '../../database/transaction-runner';
import { RadarActionRecorder } from '../action-log/radar-ports';
import { CompanyService } from '../company/company.service';
import { RelationService } from '../contacts/relation.service';
import { CustomerService } from '../customer/customer.service';
import { ChatEvents } from './chat-events';
import { parseContent } from './chat-content';
import { ChatParties, mapCustomerMessage, mapRepMessage } from './chat.mapper';
import { ChatStore, ConversationKey, incomingSendType, MessageRow, otherSide } from './chat.store';
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
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly relations: RelationService,
    private readonly companies: CompanyService,
    private readonly customers: CustomerService,
    private readonly clock: Clock,
    private readonly radar: RadarActionRecorder,
  ) {}

  /** The conversation the caller names: the caller and `otherId`, in the caller's company. */
  static keyOf(p: Principal, otherId: number): ConversationKey {
    return p.role === 'customer'
      ? { companyId: p.companyId, repId: otherId, customerId: p.id }
      : { companyId: p.companyId, repId: p.id, customerId: otherId };
  }

  /** The relation must exist (307), then both profiles for rendering. */
  async parties(key: ConversationKey): Promise<ChatParties> {
    const relation = await this.relations.require(key);
    return this.profiles(key, relation.memoName);
  }

  private async profiles(key: ConversationKey, memoName: string | null): Promise<ChatParties> {
    const [rep, customer] = await Promise.all([this.companies.findRep(key.companyId, key.repId), this.customers.findCustomer(key.companyId, key.customerId)]);
    // A relation always joins a rep and a customer of its company; anything else is no relation.
    if (!rep || !customer) throw Errors.noRelation();
    return { rep, customer, memoName };
  }

  async send(p: Principal, input: SendInput): Promise<{ id: number }> {
    const side: ChatSide = p.role;
    const content = parseContent(input.content, side);
    const key = ChatService.keyOf(p, input.otherId);
    const parties = await this.parties(key);
    const sendType = side === 'rep' ? 1 : 2;
    const clientMsgId = input.clientMsgId || null;

    return this.tx.run(async (tx) => {
      const m = tx.manager;
      const relation = await this.relations.require(key, m);
      const conv = await ChatStore.lockOrCreateConversation(m, key);
      if (clientMsgId) {
        const existing = await ChatStore.findByClientId(m, key.companyId, conv.id, sendType, clientMsgId);
        if (existing !== undefined) return { id: existing };
      }
      const message = await ChatStore.appendMessage(m, key.companyId, conv, { sendType, infoType: content.infoType, content: content.fields, clientMsgId });
      if (!message) {
        // Only reachable if the lock were bypassed; the unique key still keeps one message.
        return { id: (await ChatStore.findByClientId(m, key.companyId, conv.id, sendType, clientMsgId!))! };
      }
      const receiver = otherSide(side);
      const unread = await ChatStore.addUnread(m, conv.id, receiver);
      const total = await ChatStore.totalUnread(m, key.companyId, receiver, receiver === 'rep' ? key.repId : key.customerId);

      if (side === 'customer') {
        await this.relations.touchActivity(m, relation.id, message.createdAt);
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
        await this.relations.touchFollow(m, relation.id, message.createdAt);
      }
      tx.publish(ChatEvents.message(receiver, key, this.render(receiver, message, parties)), ChatEvents.unread(receiver, key, unread, total));
      return { id: message.id };
    });
  }

  /**
   * getmsg: the caller's unread messages, oldest first, marking exactly those read. `parties`
   * is loaded only when there is something to render (polling mostly finds nothing).
   */
  async fetchUnread(p: Principal, otherId: number): Promise<MessagesResult> {
    const key = ChatService.keyOf(p, otherId);
    const side: ChatSide = p.role;
    const relation = await this.relations.require(key);
    // Polling fast path: nothing unread as of now means nothing to lock; a message committed
    // after this read is still after the read position and comes with the next call.
    const conv = await ChatStore.findWithPosition(this.dataSource.manager, key, side);
    if (!conv || conv.unreadCount === 0) return { parties: null, messages: [] };

    const messages = await this.tx.run(async (tx) => {
      await ChatStore.lockConversation(tx.manager, key);
      const pos = (await ChatStore.readPosition(tx.manager, conv.id, side))!;
      const rows = await ChatStore.messagesAfter(tx.manager, key.companyId, conv.id, incomingSendType(side), pos.readUpTo, GETMSG_LIMIT);
      if (rows.length) {
        const upTo = rows[rows.length - 1].id;
        const left = await ChatStore.advanceRead(tx.manager, conv.id, side, upTo, rows.length);
        await this.publishRead(tx, key, side, upTo, left);
      }
      return rows;
    });
    return { parties: messages.length ? await this.profiles(key, relation.memoName) : null, messages };
  }

  /** History page (page 1 = newest); opening it marks the whole conversation read for the caller. */
  async history(p: Principal, otherId: number, page: Page): Promise<HistoryResult> {
    const key = ChatService.keyOf(p, otherId);
    const parties = await this.parties(key);
    const side: ChatSide = p.role;
    const m = this.dataSource.manager;
    const conv = await ChatStore.findWithPosition(m, key, side);
    if (!conv) return { parties, messages: [], total: 0 };

    // Page by seq range: seq is gapless (allocated under the lock), so no OFFSET scan.
    const toSeq = conv.messageCount - page.offset;
    const fromSeq = Math.max(1, toSeq - page.limit + 1);
    const messages = toSeq >= 1 ? await ChatStore.messagesBySeq(m, key.companyId, conv.id, fromSeq, toSeq) : [];

    if (conv.unreadCount > 0) {
      await this.tx.run(async (tx) => {
        await ChatStore.lockConversation(tx.manager, key);
        const newest = await ChatStore.newestIdOfSide(tx.manager, key.companyId, conv.id, incomingSendType(side));
        if (newest === undefined) return;
        await ChatStore.advanceRead(tx.manager, conv.id, side, newest, 'all');
        await this.publishRead(tx, key, side, newest, 0);
      });
    }
    return { parties, messages, total: conv.messageCount };
  }

  /** Unread messages from one party (customer query_num). */
  async unreadCount(p: Principal, otherId: number): Promise<number> {
    const key = ChatService.keyOf(p, otherId);
    await this.relations.require(key);
    return (await ChatStore.findWithPosition(this.dataSource.manager, key, p.role))?.unreadCount ?? 0;
  }

  /** All unread messages of the caller across their conversations. */
  totalUnread(p: Principal): Promise<number> {
    return ChatStore.totalUnread(this.dataSource.manager, p.companyId, p.role, p.id);
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
