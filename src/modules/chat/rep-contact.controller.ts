import { Get, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { ok } from '../../common/envelope/envelope';
import { ApiDoc, DocErrors } from '../../common/openapi/api-doc.decorator';
import { API_TAGS } from '../../common/openapi/api-tags';
import { PageQueryDto, pageOf } from '../../common/pagination/pagination';
import { Clock } from '../../common/time/clock';
import { ChatContactsService } from './chat-contacts.service';
import { mapContact } from './chat.mapper';
import { ChatService } from './chat.service';
import { ConversationList, UnreadCount } from './dto/chat-message.response.dto';

/** The rep's conversation list and unread total (API.md §5.4–5.5). */
@RepController('contact', API_TAGS.chatRep)
export class RepContactController {
  constructor(
    private readonly contacts: ChatContactsService,
    private readonly chat: ChatService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiDoc({
    operationId: 'repConversationList',
    returns: ConversationList,
    name: '企业微信-聊天联系人列表',
    english: 'Conversations, most recent first',
    description:
      'The rep\'s conversations, most recent message first. `length` defaults to 0 (all, at most 1000). `dateTime` is short ' +
      '(`HH:mm` today, `昨天`, `MM-DD` this year, `YYYY` earlier); `msg` previews the last message (text, `向您咨询:<product_name>`, ' +
      '`[图片]`, `[视频]`); `count` = unread from that customer; `unread_msg_num` = all unread.',
    success: {
      msg: '查询成功',
      data: { ret_data: [{ customer_id: 1, src: 'https://wx.qlogo.cn/mmopen/head/132', name: '_zzz จุ๊บ', dateTime: '15:18', msg: '向您咨询:产品名字', count: 2 }], data_count: 1, unread_msg_num: 2 },
    },
    errors: [DocErrors.validation402({ length: [{ message: '请输入有效的值。', code: 'invalid' }] })],
  })
  async list(@CurrentPrincipal() p: Principal, @Query() query: PageQueryDto) {
    const r = await this.contacts.list(p, pageOf(query, 0));
    const shortTime = (at: Date) => this.clock.shortChatTime(at);
    return ok('查询成功', {
      ret_data: r.rows.map((row) => mapContact(row, shortTime)),
      data_count: r.total,
      unread_msg_num: r.unreadTotal,
    });
  }

  @Get('query_num')
  @ApiDoc({
    operationId: 'repChatUnreadTotal',
    returns: UnreadCount,
    name: '企业微信-聊天-获取未读消息总数',
    english: 'All unread messages',
    description:
      '`data.chatinfo_count`: unread customer messages over all the rep\'s conversations. Takes no parameters: unknown ones are ignored, but one carrying a NUL character is refused like any input (402).',
    success: { msg: '查询成功', data: { chatinfo_count: 3 } },
    errors: [DocErrors.validation402({ x: [{ message: '不能包含空字符。', code: 'invalid' }] })],
  })
  async queryNum(@CurrentPrincipal() p: Principal) {
    return ok('查询成功', { chatinfo_count: await this.chat.totalUnread(p) });
  }
}
