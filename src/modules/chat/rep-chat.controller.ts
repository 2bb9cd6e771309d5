import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { list, ok } from '../../common/envelope/envelope';
import { ApiDoc, DocErrors } from '../../common/openapi/api-doc.decorator';
import { API_TAGS } from '../../common/openapi/api-tags';
import { pageOf } from '../../common/pagination/pagination';
import { ChatService } from './chat.service';
import { RepGetmsgQueryDto, RepHistoryQueryDto, RepSendMsgDto } from './dto/rep-chat.dto';
import { CreatedId } from '../../common/envelope/envelope-data.dto';
import { RepChatMessage, RepHistoryPage, RepMessageList } from './dto/chat-message.response.dto';

/** A customer message as the rep's getmsg renders it (API.md §5.2). */
const CUSTOMER_MESSAGE: RepChatMessage = {
  id: 32,
  customer_id: 1,
  user_id: 1,
  customer_avatar: 'https://wx.qlogo.cn/mmopen/head/132',
  src: 'https://wx.qlogo.cn/mmopen/head/132',
  name: '_zzz จุ๊บ',
  dateTime: '2018-09-21T15:18:01.548',
  send_type: 2,
  is_first_info: false,
  info_type: 2,
  product_cover_url: 'statics/zhugeleida/imgs/chat/p.png',
  product_name: '产品名字',
  product_price: '产品价格',
};
const CUSTOMER_ID_REQUIRED = { customer_id: [{ message: '这个字段是必填项。', code: 'required' }] };

/** Chat on the rep surface (API.md §5.1–5.3). */
@RepController('chat', API_TAGS.chatRep)
export class RepChatController {
  constructor(private readonly chat: ChatService) {}

  @Post('send_msg/0')
  @HttpCode(200)
  @ApiDoc({
    operationId: 'repChatSend',
    returns: CreatedId,
    name: '企业微信-实时聊天-发送消息',
    english: 'Send a message to a customer',
    description:
      'Stores a rep → customer message (send_type 1; the sender is always the signed-in rep), counts it unread for the customer, ' +
      'sets the relation\'s last follow-up time and pushes `chat.message` to the customer. Content kinds as on the customer surface; ' +
      'a phone request (info_type 3) always stores `您好,请问能否告诉我您的手机号?`. `client_msg_id` makes a retry idempotent. 307 without a relation.',
    json: { customer_id: 1, content: { info_type: 1, msg: '您好,有什么可以帮您?' }, client_msg_id: 'r-20180921-1' },
    success: { msg: 'send msg successful', data: { id: 33 } },
    errors: [DocErrors.validation402(CUSTOMER_ID_REQUIRED), DocErrors.noRelation()],
  })
  async send(@CurrentPrincipal() p: Principal, @Body() body: RepSendMsgDto) {
    const { id } = await this.chat.send(p, { otherId: body.customer_id, content: body.content, clientMsgId: body.client_msg_id });
    return ok('send msg successful', { id });
  }

  @Get('getmsg/0')
  @ApiDoc({
    operationId: 'repChatGetmsg',
    returns: RepMessageList,
    name: '企业微信-实时聊天-获取最新的聊天信息',
    english: 'Fetch unread customer messages',
    description:
      'The customer\'s messages the rep has not fetched yet, oldest first, at most 100 per call; marks exactly the returned messages read. ' +
      'Items carry `customer_avatar`, `src` and `name` (the customer) and the content keys flattened in. With `last_id` (resumable polling): ' +
      'every customer message after that id, read or not (docs/realtime.md). 307 without a relation.',
    success: { msg: '实时获取-最新聊天信息成功', data: { ret_data: [CUSTOMER_MESSAGE], data_count: 1 } },
    errors: [
      { code: 200, msg: '没有得到实时聊天信息', data: { ret_data: [], data_count: 0 }, when: 'nothing new' },
      DocErrors.validation402(CUSTOMER_ID_REQUIRED),
      DocErrors.noRelation(),
    ],
  })
  async getmsg(@CurrentPrincipal() p: Principal, @Query() query: RepGetmsgQueryDto) {
    const { parties, messages } = await this.chat.fetchUnread(p, query.customer_id, query.last_id ?? null);
    const items = parties ? messages.map((m) => this.chat.render('rep', m, parties)) : [];
    return ok(items.length ? '实时获取-最新聊天信息成功' : '没有得到实时聊天信息', list(items, items.length));
  }

  @Get()
  @ApiDoc({
    operationId: 'repChatHistory',
    returns: RepHistoryPage,
    name: '企业微信-分页获取所有的聊天信息记录',
    english: 'Conversation history',
    description:
      'Page 1 holds the newest `length` messages (default 20), each page oldest first; items as in getmsg plus `from_user_name`. ' +
      'Opening the history marks the conversation read for the rep. 307 without a relation.',
    success: { msg: '分页获取-全部聊天消息成功', data: { ret_data: [{ ...CUSTOMER_MESSAGE, from_user_name: '_zzz จุ๊บ' }], data_count: 1 } },
    errors: [DocErrors.validation402(CUSTOMER_ID_REQUIRED), DocErrors.noRelation()],
  })
  async history(@CurrentPrincipal() p: Principal, @Query() query: RepHistoryQueryDto) {
    const { parties, messages, total } = await this.chat.history(p, query.customer_id, pageOf(query, 20));
    return ok('分页获取-全部聊天消息成功', list(messages.map((m) => this.chat.render('rep', m, parties, true)), total));
  }
}
