import type { RealtimeEvent } from '../../realtime/realtime-event';
import type { ChatSide } from './entities/read-position.entity';
import type { ConversationKey, UnreadTotal } from './chat.store';
import type { CustomerChatMessage, RepChatMessage } from './dto/chat-message.response.dto';

/**
 * The chat events of API.md §7 (payloads documented in docs/realtime.md). Each names the other
 * party the way that principal's REST calls do: `u_id` (the rep) for a customer, `customer_id`
 * for a rep.
 */
export const ChatEvents = {
  message(to: ChatSide, key: ConversationKey, item: CustomerChatMessage | RepChatMessage): RealtimeEvent {
    return { to: principal(to, key), event: 'chat.message', data: item };
  },

  /**
   * Unread counts of the receiving principal after a change. `seq` orders them: events of
   * different transactions can arrive in any order; a higher seq is the newer state.
   */
  unread(to: ChatSide, key: ConversationKey, conversationUnread: number, total: UnreadTotal): RealtimeEvent {
    const data =
      to === 'rep'
        ? { customer_id: key.customerId, count: conversationUnread, unread_msg_num: total.unread, seq: total.seq }
        : { u_id: key.repId, chatinfo_count: conversationUnread, total_count: total.unread, seq: total.seq };
    return { to: principal(to, key), event: 'chat.unread', data };
  },

  /** Tells `to` that the other side has read `to`'s messages up to `readUpTo` (a message id). */
  read(to: ChatSide, key: ConversationKey, readUpTo: number): RealtimeEvent {
    const data = to === 'rep' ? { customer_id: key.customerId, read_up_to: readUpTo } : { u_id: key.repId, read_up_to: readUpTo };
    return { to: principal(to, key), event: 'chat.read', data };
  },
};

function principal(side: ChatSide, key: ConversationKey): RealtimeEvent['to'] {
  return side === 'rep' ? { role: 'rep', id: key.repId } : { role: 'customer', id: key.customerId };
}
