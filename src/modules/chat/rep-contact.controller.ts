import { Get, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { ok } from '../../common/envelope/envelope';
import { PageQueryDto, pageOf } from '../../common/pagination/pagination';
import { Clock } from '../../common/time/clock';
import { ChatContactsService } from './chat-contacts.service';
import { mapContact } from './chat.mapper';
import { ApiPageQuery, ChatExamples } from './chat.openapi';
import { ChatService } from './chat.service';

/** The rep's conversation list and unread total (API.md §5.4–5.5). */
@RepController('contact', 'Chat (rep)')
export class RepContactController {
  constructor(
    private readonly contacts: ChatContactsService,
    private readonly chat: ChatService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ChatExamples.contact()
  @ApiPageQuery(0)
  @ApiOperation({ summary: '企业微信-聊天联系人列表 / Conversations, most recent first', description: 'length defaults to 0 (all, at most 1000). count = unread from that customer; unread_msg_num = all unread.' })
  async list(@CurrentPrincipal() p: Principal, @Query() query: PageQueryDto) {
    const r = await this.contacts.list(p, pageOf(query, 0));
    const shortTime = (at: Date) => this.clock.shortChatTime(at);
    return ok('查询成功', {
      ret_data: r.rows.map((row) => mapContact(row, r.customers.get(row.customerId), r.memoNames.get(row.customerId), shortTime)),
      data_count: r.total,
      unread_msg_num: r.unreadTotal,
    });
  }

  @Get('query_num')
  @ChatExamples.queryNum()
  @ApiOperation({ summary: '企业微信-未读消息总数 / All unread messages', description: 'data.chatinfo_count = unread customer messages over all conversations.' })
  async queryNum(@CurrentPrincipal() p: Principal) {
    return ok('查询成功', { chatinfo_count: await this.chat.totalUnread(p) });
  }
}
