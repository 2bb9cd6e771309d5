import type { Clock } from '../../common/time/clock';
import type { ReplyGroupItem, ReplyGroupList, ReplyPhraseItem, ReplyPhraseList } from './dto/canned-reply.response.dto';
import type { ReplyGroup, ReplyPhrase } from './canned-reply.service';

const mapGroup = (g: ReplyGroup, clock: Clock): ReplyGroupItem => ({
  id: g.id,
  groupName: g.name,
  userProfile: g.ownerName,
  companyName: g.companyName,
  createDate: clock.dateTimeSpaced(g.createdAt),
});

const mapPhrase = (p: ReplyPhrase, clock: Clock): ReplyPhraseItem => ({
  id: p.id,
  contentWords: p.content,
  sendNum: p.sendCount,
  talkGroupName: p.groupName,
  createDate: clock.dateTimeSpaced(p.createdAt),
});

/** The legacy admin-list shape: `otherList` and `objsCount`. */
export const mapReplyGroups = (r: { items: ReplyGroup[]; total: number }, clock: Clock): ReplyGroupList => ({
  otherList: r.items.map((g) => mapGroup(g, clock)),
  objsCount: r.total,
});

export const mapReplyPhrases = (r: { items: ReplyPhrase[]; total: number }, clock: Clock): ReplyPhraseList => ({
  otherList: r.items.map((p) => mapPhrase(p, clock)),
  objsCount: r.total,
});
