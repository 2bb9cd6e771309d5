import type { RepProfile } from '../company/company.service';
import { customerDisplayName } from '../contacts/customer-display-name';
import type { CustomerProfile } from '../customer/customer.service';
import { flattenContent, previewText } from './chat-content';
import type { MessageRow } from './chat.store';
import type { ConversationListItem, CustomerChatMessage, CustomerHistoryMessage, RepChatMessage, RepHistoryMessage } from './dto/chat-message.response.dto';

/** Everything needed to render one conversation's messages for either side. */
export interface ChatParties {
  rep: RepProfile;
  customer: CustomerProfile;
  /** The rep's memo name for the customer (what the rep sees), if any. */
  memoName: string | null;
}

export type DateTimeFormat = (at: Date) => string;

/** The customer's own name as the customer sees it (the rep's memo is private to the rep). */
const customerOwnName = (p: ChatParties) => customerDisplayName(p.customer.id, p.customer.username);
/** The customer's name as the rep sees it. */
const customerNameForRep = (p: ChatParties) => customerDisplayName(p.customer.id, p.customer.username, p.memoName);

/** A message on the customer surface (API.md §4.2); `history` adds from_user_name (§4.3). */
export function mapCustomerMessage(m: MessageRow, p: ChatParties, dateTime: DateTimeFormat, history?: false): CustomerChatMessage;
export function mapCustomerMessage(m: MessageRow, p: ChatParties, dateTime: DateTimeFormat, history: true): CustomerHistoryMessage;
export function mapCustomerMessage(m: MessageRow, p: ChatParties, dateTime: DateTimeFormat, history: boolean): CustomerChatMessage;
export function mapCustomerMessage(m: MessageRow, p: ChatParties, dateTime: DateTimeFormat, history = false): CustomerChatMessage {
  return {
    id: m.id,
    customer_id: p.customer.id,
    ...(history ? { from_user_name: m.sendType === 1 ? p.rep.name : customerOwnName(p) } : {}),
    user_id: p.rep.id,
    user_avator: p.rep.avatar, // sic: the brief's spelling, kept for legacy pages
    user_avatar: p.rep.avatar,
    customer_headimgurl: p.customer.headimgurl,
    customer: customerOwnName(p),
    dateTime: dateTime(m.createdAt),
    send_type: m.sendType,
    is_first_info: m.seq === 1,
    ...flattenContent(m.infoType, m.content),
  };
}

/** A message on the rep surface (API.md §5.2): the customer's avatar and name instead of the rep's. */
export function mapRepMessage(m: MessageRow, p: ChatParties, dateTime: DateTimeFormat, history?: false): RepChatMessage;
export function mapRepMessage(m: MessageRow, p: ChatParties, dateTime: DateTimeFormat, history: true): RepHistoryMessage;
export function mapRepMessage(m: MessageRow, p: ChatParties, dateTime: DateTimeFormat, history: boolean): RepChatMessage;
export function mapRepMessage(m: MessageRow, p: ChatParties, dateTime: DateTimeFormat, history = false): RepChatMessage {
  return {
    id: m.id,
    customer_id: p.customer.id,
    ...(history ? { from_user_name: m.sendType === 1 ? p.rep.name : customerNameForRep(p) } : {}),
    user_id: p.rep.id,
    customer_avatar: p.customer.headimgurl,
    src: p.customer.headimgurl,
    name: customerNameForRep(p),
    dateTime: dateTime(m.createdAt),
    send_type: m.sendType,
    is_first_info: m.seq === 1,
    ...flattenContent(m.infoType, m.content),
  };
}

export interface ContactRow {
  customerId: number;
  lastMessageAt: Date;
  infoType: number;
  content: Record<string, unknown>;
  unread: number;
  /** The customer's nickname and avatar ('' when unknown), and the rep's memo name. */
  username: string;
  headimgurl: string;
  memoName: string | null;
}

/** One row of the rep's contact list (API.md §5.4). */
export function mapContact(row: ContactRow, shortTime: DateTimeFormat): ConversationListItem {
  return {
    customer_id: row.customerId,
    src: row.headimgurl,
    name: customerDisplayName(row.customerId, row.username, row.memoName),
    dateTime: shortTime(row.lastMessageAt),
    msg: previewText(row.infoType, row.content),
    count: row.unread,
  };
}
