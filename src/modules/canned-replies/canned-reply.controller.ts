import { Get, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../../common/auth/principal';
import type { Principal } from '../../common/auth/principal';
import { RepController } from '../../common/auth/surface.decorators';
import { ok } from '../../common/envelope/envelope';
import { ApiDoc, DocErrors } from '../../common/openapi/api-doc.decorator';
import { API_TAGS } from '../../common/openapi/api-tags';
import { pageOf } from '../../common/pagination/pagination';
import { Clock } from '../../common/time/clock';
import { mapReplyGroups, mapReplyPhrases } from './canned-reply.mapper';
import { CannedReplyService } from './canned-reply.service';
import { ReplyGroupQueryDto, ReplyPhraseQueryDto } from './dto/canned-reply.dto';
import { ReplyGroupList, ReplyPhraseList } from './dto/canned-reply.response.dto';

/**
 * Canned replies (话术库) for the rep's chat page, on the legacy paths (issue 12): the
 * company's groups and their phrases, in the legacy admin-list shape (`otherList`, `objsCount`).
 */
@RepController('', API_TAGS.chatRep)
export class CannedReplyController {
  constructor(
    private readonly replies: CannedReplyService,
    private readonly clock: Clock,
  ) {}

  @Get('talkGroupManageShow')
  @ApiDoc({
    operationId: 'repCannedReplyGroups',
    returns: ReplyGroupList,
    name: '企业微信-话术分组',
    english: 'Canned reply groups',
    description:
      "The company's groups of canned replies, newest first (`order=createDate`: oldest first), paged (`length` default 10, 0: all); " +
      '`groupName` filters by a part of the name, `id` picks one. Legacy shape; `id` on each item is an addition.',
    success: {
      msg: '查询成功',
      data: { otherList: [{ id: 1, groupName: '开场白', userProfile: '管理员', companyName: '雷达科技', createDate: '2026-11-20 09:30:00' }], objsCount: 1 },
    },
    errors: [DocErrors.validation402({ order: [{ message: '请输入有效的值。', code: 'invalid' }] })],
  })
  async groups(@CurrentPrincipal() p: Principal, @Query() query: ReplyGroupQueryDto) {
    const result = await this.replies.groups(p.companyId, { id: query.id, name: query.groupName, order: query.order }, pageOf(query, 10));
    return ok('查询成功', mapReplyGroups(result, this.clock));
  }

  @Get('speechDetailsManageShow')
  @ApiDoc({
    operationId: 'repCannedReplies',
    returns: ReplyPhraseList,
    name: '企业微信-话术详情',
    english: 'Canned replies',
    description:
      "The company's canned replies, newest first (`order=createDate`: oldest first), not paged as in the legacy (the newest 1 000); " +
      "`talkGroupName` filters by a part of the group's name, `id` picks one. `sendNum` is shown as stored: the legacy never counted sends up. Legacy shape; `id` is an addition.",
    success: {
      msg: '查询成功',
      data: { otherList: [{ id: 3, contentWords: '您好,很高兴为您服务!', sendNum: 0, talkGroupName: '开场白', createDate: '2026-11-20 09:31:00' }], objsCount: 1 },
    },
    errors: [DocErrors.validation402({ id: [{ message: '请输入有效的值。', code: 'invalid' }] })],
  })
  async phrases(@CurrentPrincipal() p: Principal, @Query() query: ReplyPhraseQueryDto) {
    const result = await this.replies.phrases(p.companyId, { id: query.id, groupName: query.talkGroupName, order: query.order });
    return ok('查询成功', mapReplyPhrases(result, this.clock));
  }
}
