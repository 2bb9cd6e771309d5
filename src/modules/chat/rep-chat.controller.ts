import { Body, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConsumes, ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { list, ok } from '../../common/envelope/envelope';
import { pageOf } from '../../common/pagination/pagination';
import { ApiPageQuery, ChatExamples } from './chat.openapi';
import { ChatService } from './chat.service';
import { RepChatQueryDto, RepHistoryQueryDto, RepSendMsgDto } from './dto/rep-chat.dto';

/** Chat on the rep surface (API.md §5.1–5.3). */
@RepController('chat', 'Chat (rep)')
export class RepChatController {
  constructor(private readonly chat: ChatService) {}

  @Post('send_msg/0')
  @ChatExamples.send()
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: '企业微信-发送消息 / Send a message to a customer', description: 'Stores a rep → customer message (send_type 1) and counts as a follow-up. 307 without a relation.' })
  async send(@CurrentPrincipal() p: Principal, @Body() body: RepSendMsgDto) {
    const { id } = await this.chat.send(p, { otherId: body.customer_id, content: body.content, clientMsgId: body.client_msg_id });
    return ok('send msg successful', { id });
  }

  @Get('getmsg/0')
  @ChatExamples.repGetmsg()
  @ApiOperation({ summary: '企业微信-获取最新的聊天信息 / Fetch unread customer messages', description: 'Oldest first, at most 100; marks exactly the returned messages read.' })
  async getmsg(@CurrentPrincipal() p: Principal, @Query() query: RepChatQueryDto) {
    const { parties, messages } = await this.chat.fetchUnread(p, query.customer_id);
    const items = parties ? messages.map((m) => this.chat.render('rep', m, parties)) : [];
    return ok(items.length ? '实时获取-最新聊天信息成功' : '没有得到实时聊天信息', list(items, items.length));
  }

  @Get()
  @ChatExamples.repHistory()
  @ApiPageQuery(20)
  @ApiOperation({ summary: '企业微信-分页获取所有的聊天信息记录 / Conversation history', description: 'Page 1 holds the newest messages, each page oldest first; marks the conversation read for the rep.' })
  async history(@CurrentPrincipal() p: Principal, @Query() query: RepHistoryQueryDto) {
    const { parties, messages, total } = await this.chat.history(p, query.customer_id, pageOf(query, 20));
    return ok('分页获取-全部聊天消息成功', list(messages.map((m) => this.chat.render('rep', m, parties, true)), total));
  }
}
