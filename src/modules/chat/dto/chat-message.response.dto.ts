import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { InfoType } from '../chat-content';

/**
 * The content keys flattened into a message item (API.md §4): `info_type`, then the keys of
 * that type only (1 and 3: msg; 2: product_cover_url, product_name, product_price; 4 and 5: url).
 */
export class ChatContentFields {
  /** 1 text/emoji, 2 product inquiry card, 3 phone request, 4 image, 5 video. */
  @ApiProperty({ enum: [1, 2, 3, 4, 5], type: 'integer' })
  info_type!: InfoType;

  /** The text (info_type 1 and 3). */
  msg?: string;

  /** The product's picture (info_type 2, when given). */
  product_cover_url?: string;

  /** The product's name (info_type 2). */
  product_name?: string;

  /** The product's price as text (info_type 2, when given). */
  product_price?: string;

  /** The image or video (info_type 4 and 5). */
  url?: string;
}

/** What both surfaces render of a message besides the faces. */
export class ChatMessageBase extends ChatContentFields {
  /** The message id (use it as `last_id` for resumable polling). */
  id!: number;

  customer_id!: number;

  /** The sales rep of the conversation. */
  user_id!: number;

  /** When the message was stored, business time zone, `YYYY-MM-DDTHH:mm:ss.SSS`. */
  dateTime!: string;

  /** 1 sent by the rep, 2 sent by the customer. */
  @ApiProperty({ enum: [1, 2], type: 'integer' })
  send_type!: number;

  /** True for the first message of the conversation. */
  is_first_info!: boolean;
}

/** A message as the customer sees it (customer getmsg, API.md §4.2). */
export class CustomerChatMessage extends ChatMessageBase {
  /** The rep's avatar (sic: the brief's spelling, kept for legacy pages). */
  user_avator!: string;

  /** The rep's avatar. */
  user_avatar!: string;

  /** The customer's own avatar. */
  customer_headimgurl!: string;

  /** The customer's own name (nickname, or 客户ID<id>). */
  customer!: string;
}

/** A history item on the customer surface: getmsg's item plus the sender's name (API.md §4.3). */
export class CustomerHistoryMessage extends CustomerChatMessage {
  /** The sender: the rep's name, or the customer's own name. */
  from_user_name!: string;
}

/** A message as the rep sees it (rep getmsg, API.md §5.2). */
export class RepChatMessage extends ChatMessageBase {
  /** The customer's avatar. */
  customer_avatar!: string;

  /** The customer's avatar (legacy duplicate of customer_avatar). */
  src!: string;

  /** The customer's name as this rep sees it (memo name, nickname or 客户ID<id>). */
  name!: string;
}

/** A history item on the rep surface: getmsg's item plus the sender's name (API.md §5.3). */
export class RepHistoryMessage extends RepChatMessage {
  /** The sender: the rep's name, or the customer's name as this rep sees it. */
  from_user_name!: string;
}

/** Customer getmsg: the rep's new messages, oldest first. */
export class CustomerMessageList {
  @ApiProperty({ type: [CustomerChatMessage] })
  ret_data!: CustomerChatMessage[];

  /** How many items ret_data holds. */
  data_count!: number;
}

/** Customer history: one page, oldest first, with the rep's card contacts. */
export class CustomerHistoryPage {
  @ApiProperty({ type: [CustomerHistoryMessage] })
  ret_data!: CustomerHistoryMessage[];

  /** The rep's card phone ('' when unknown). */
  mingpian_phone!: string;

  /** The rep's WeChat id ('' when unknown). */
  wechat!: string;

  /** Messages in the whole conversation. */
  data_count!: number;
}

/** Rep getmsg: the customer's new messages, oldest first. */
export class RepMessageList {
  @ApiProperty({ type: [RepChatMessage] })
  ret_data!: RepChatMessage[];

  /** How many items ret_data holds. */
  data_count!: number;
}

/** Rep history: one page, oldest first. */
export class RepHistoryPage {
  @ApiProperty({ type: [RepHistoryMessage] })
  ret_data!: RepHistoryMessage[];

  /** Messages in the whole conversation. */
  data_count!: number;
}

/** An unread count: one rep's messages (customer query_num) or all customers' (rep contact/query_num). */
export class UnreadCount {
  chatinfo_count!: number;
}

/** One conversation in the rep's chat list (API.md §5.4). */
export class ConversationListItem {
  customer_id!: number;

  /** The customer's avatar. */
  src!: string;

  /** The customer's name as this rep sees it. */
  name!: string;

  /** Time of the last message: `HH:mm` today, else the legacy short date. */
  dateTime!: string;

  /** A one-line preview of the last message. */
  msg!: string;

  /** Unread customer messages in this conversation. */
  count!: number;
}

/** The rep's conversations, most recent first. */
export class ConversationList {
  @ApiProperty({ type: [ConversationListItem] })
  ret_data!: ConversationListItem[];

  /** All of the rep's conversations. */
  data_count!: number;

  /** Unread customer messages over all conversations. */
  unread_msg_num!: number;
}
