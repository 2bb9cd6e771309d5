import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConsumes, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { CustomerController } from '../../common/auth/surface.decorators';
import { list, ok } from '../../common/envelope/envelope';
import { pageOf } from '../../common/pagination/pagination';
import { ValidationStyle } from '../../common/validation/validation-style';
import { ApiPageQuery, ChatExamples } from './chat.openapi';
import { ChatService } from './chat.service';
import { CustomerChatQueryDto, CustomerHistoryQueryDto, CustomerSendMsgDto } from './dto/customer-chat.dto';

/** Chat on the customer surface (API.md §4, brief §1.1–1.4). */
@CustomerController('chat', 'Chat (customer)')
export class CustomerChatController {
  constructor(private readonly chat: ChatService) {}

  @Post('send_msg/0')
  @ChatExamples.send()
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: '公众号-实时聊天-发送消息 / Send a message to a rep', description: 'Stores a customer → rep message (send_type 2). 307 without a relation. Idempotent with client_msg_id.' })
  async send(@CurrentPrincipal() p: Principal, @Body() body: CustomerSendMsgDto) {
    const { id } = await this.chat.send(p, { otherId: body.u_id, content: body.content, clientMsgId: body.client_msg_id });
    return ok('send msg successful', { id });
  }

  @Get('getmsg/0')
  @ChatExamples.customerGetmsg()
  @ApiOperation({ summary: '公众号-获取最新的聊天信息 / Fetch unread rep messages', description: 'Oldest first, at most 100; marks exactly the returned messages read.' })
  async getmsg(@CurrentPrincipal() p: Principal, @Query() query: CustomerChatQueryDto) {
    const { parties, messages } = await this.chat.fetchUnread(p, query.u_id);
    const items = parties ? messages.map((m) => this.chat.render('customer', m, parties)) : [];
    return ok(items.length ? '实时获取-最新聊天信息成功' : '没有得到实时聊天信息', list(items, items.length));
  }

  @Get()
  @ChatExamples.customerHistory()
  @ApiPageQuery(20)
  @ApiOperation({ summary: '公众号-分页获取所有的聊天信息记录 / Conversation history', description: 'Page 1 holds the newest messages, each page oldest first; marks the conversation read.' })
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
  @ChatExamples.queryNum()
  @ValidationStyle(302)
  @ApiOperation({ summary: '公众号-聊天-获取聊天数量 / Unread count from one rep', description: 'Invalid parameters answer code 302 (legacy quirk).' })
  async queryNum(@CurrentPrincipal() p: Principal, @Query() query: CustomerChatQueryDto) {
    return ok('查询成功', { chatinfo_count: await this.chat.unreadCount(p, query.u_id) });
  }
}
