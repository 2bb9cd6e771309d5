import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { CustomerController, MiniProgramController } from '../../common/auth/surface.decorators';
import { list, ok } from '../../common/envelope/envelope';
import { pageOf } from '../../common/pagination/pagination';
import { ApiDoc, DocErrors } from '../../common/openapi/api-doc.decorator';
import { API_TAGS } from '../../common/openapi/api-tags';
import { ValidationStyle } from '../../common/validation/validation-style';
import { ChatService } from './chat.service';
import { CustomerChatQueryDto, CustomerGetmsgQueryDto, CustomerHistoryQueryDto, CustomerSendMsgDto } from './dto/customer-chat.dto';
import { CreatedId } from '../../common/envelope/envelope-data.dto';
import { CustomerChatMessage, CustomerHistoryPage, CustomerMessageList, UnreadCount } from './dto/chat-message.response.dto';

/** A rep message as the customer's getmsg renders it (API.md §4.2; the brief's sample values). */
const REP_MESSAGE: CustomerChatMessage = {
  id: 31,
  customer_id: 1,
  user_id: 1,
  user_avator: 'http://shp.qpic.cn/bizmp/avatar/',
  user_avatar: 'http://shp.qpic.cn/bizmp/avatar/',
  customer_headimgurl: 'https://wx.qlogo.cn/mmopen/head/132',
  customer: '_zzz จุ๊บ',
  dateTime: '2018-09-21T15:18:01.548',
  send_type: 1,
  is_first_info: false,
  info_type: 1,
  msg: '这个信息是文字\\表情',
};
const U_ID_REQUIRED = { u_id: [{ message: '这个字段是必填项。', code: 'required' }] };

/** Chat on the customer surface (API.md §4, brief §1.1–1.4). */
@CustomerController('chat', API_TAGS.chatCustomer)
export class CustomerChatController {
  constructor(private readonly chat: ChatService) {}

  @Post('send_msg/0')
  @HttpCode(200)
  @ApiDoc({
    operationId: 'customerChatSend',
    returns: CreatedId,
    name: '公众号-实时聊天-发送消息',
    english: 'Send a message to a rep',
    description:
      'Stores a customer → rep message (send_type 2, set by the server), makes it the last message of the conversation, counts it unread ' +
      'for the rep and pushes `chat.message` to the rep. `content.info_type`: 1 text, 2 product inquiry (also records radar action 7), ' +
      '3 phone request, 4 image, 5 video. `client_msg_id` makes a retry idempotent (the first message\'s id is returned). 307 without a relation.',
    json: { u_id: 1, content: { info_type: 1, msg: '这个信息是文字\\表情' }, client_msg_id: 'c-20180921-1' },
    success: { msg: 'send msg successful', data: { id: 31 } },
    errors: [
      DocErrors.validation402(U_ID_REQUIRED),
      DocErrors.validation402({ 'content.info_type': [{ message: 'info_type 必须是 1 到 5 之间的整数。', code: 'out_of_range' }] }),
      DocErrors.noRelation(),
    ],
  })
  async send(@CurrentPrincipal() p: Principal, @Body() body: CustomerSendMsgDto) {
    const { id } = await this.chat.send(p, { otherId: body.u_id, content: body.content, clientMsgId: body.client_msg_id });
    return ok('send msg successful', { id });
  }

  @Get('getmsg/0')
  @ApiDoc({
    operationId: 'customerChatGetmsg',
    returns: CustomerMessageList,
    name: '公众号-实时聊天-获取最新的聊天信息',
    english: 'Fetch unread rep messages',
    description:
      'The rep\'s messages this customer has not fetched yet, oldest first, at most 100 per call; marks exactly the returned messages read ' +
      '(a message arriving meanwhile comes with the next call). With `last_id` (resumable polling): every rep message after that id, ' +
      'read or not (docs/realtime.md). An empty list answers `没有得到实时聊天信息`. 307 without a relation.',
    success: { msg: '实时获取-最新聊天信息成功', data: { ret_data: [REP_MESSAGE], data_count: 1 } },
    errors: [
      { code: 200, msg: '没有得到实时聊天信息', data: { ret_data: [], data_count: 0 }, when: 'nothing new' },
      DocErrors.validation402(U_ID_REQUIRED),
      DocErrors.noRelation(),
    ],
  })
  async getmsg(@CurrentPrincipal() p: Principal, @Query() query: CustomerGetmsgQueryDto) {
    const { parties, messages } = await this.chat.fetchUnread(p, query.u_id, query.last_id ?? null);
    const items = parties ? messages.map((m) => this.chat.render('customer', m, parties)) : [];
    return ok(items.length ? '实时获取-最新聊天信息成功' : '没有得到实时聊天信息', list(items, items.length));
  }

  @Get()
  @ApiDoc({
    operationId: 'customerChatHistory',
    returns: CustomerHistoryPage,
    name: '公众号-分页获取所有的聊天信息记录',
    english: 'Conversation history',
    description:
      'Page 1 holds the newest `length` messages (default 20), each page oldest first; items as in getmsg plus `from_user_name`. ' +
      '`mingpian_phone` and `wechat` are the rep\'s card phone and WeChat id. Opening the history marks the conversation read. 307 without a relation.',
    success: {
      msg: '分页获取-全部聊天消息成功',
      data: { ret_data: [{ ...REP_MESSAGE, from_user_name: '张聪' }], mingpian_phone: '18932674288', wechat: '18866554433', data_count: 1 },
    },
    errors: [DocErrors.validation402({ length: [{ message: '超出允许的范围。', code: 'out_of_range' }] }), DocErrors.noRelation()],
  })
  async history(@CurrentPrincipal() p: Principal, @Query() query: CustomerHistoryQueryDto) {
    const { parties, messages, total } = await this.chat.history(p, query.u_id, pageOf(query, 20));
    return ok('分页获取-全部聊天消息成功', {
      ret_data: messages.map((m) => this.chat.render('customer', m, parties, true)),
      mingpian_phone: parties.rep.mingpianPhone ?? '',
      wechat: parties.rep.wechat ?? '',
      data_count: total,
    });
  }

  @Get('query_num/0')
  @ValidationStyle(302)
  @ApiDoc({
    operationId: 'customerChatUnreadCount',
    returns: UnreadCount,
    name: '公众号-聊天-获取聊天数量',
    english: 'Unread count from one rep',
    description: '`data.chatinfo_count`: the rep\'s messages this customer has not read. Invalid parameters answer code 302 (legacy quirk); 307 without a relation.',
    success: { msg: '查询成功', data: { chatinfo_count: 1 } },
    errors: [DocErrors.validation302(U_ID_REQUIRED), DocErrors.noRelation()],
  })
  async queryNum(@CurrentPrincipal() p: Principal, @Query() query: CustomerChatQueryDto) {
    return ok('查询成功', { chatinfo_count: await this.chat.unreadCount(p, query.u_id) });
  }
}

/**
 * The mini-program (小程序) customer chat: the legacy mini-program pages call the same routes
 * under /zhugeleida/xiaochengxu/ (issue 12). The same handlers, inherited; only the prefix and
 * the tag differ (operationIds: applyApiDocExamples names them miniProgramChat…).
 */
@MiniProgramController('chat', API_TAGS.chatMiniProgram)
export class MiniProgramChatController extends CustomerChatController {}
