import { ApiProperty } from '@nestjs/swagger';

/** One group of canned replies (legacy talkGroupManageShow item, plus its id). */
export class ReplyGroupItem {
  /** Not in the legacy item (which gave a front end no way to name a group but by its name). */
  id!: number;

  groupName!: string;

  /** Who manages the group (the legacy admin user's name), '' when not known. */
  userProfile!: string;

  /** The company's name. */
  companyName!: string;

  /** `YYYY-MM-DD HH:MM:SS`, business time zone. */
  createDate!: string;
}

/** talkGroupManageShow: one page of the company's groups. */
export class ReplyGroupList {
  @ApiProperty({ type: [ReplyGroupItem] })
  otherList!: ReplyGroupItem[];

  /** Groups matching the filters, all pages. */
  objsCount!: number;
}

/** One canned reply (legacy speechDetailsManageShow item, plus its id). */
export class ReplyPhraseItem {
  /** Not in the legacy item. */
  id!: number;

  /** The reply's text. */
  contentWords!: string;

  /** The legacy `sendNum`, as stored (never counted up, as in the legacy). */
  sendNum!: number;

  /** Its group's name, '' for a reply in no group. */
  talkGroupName!: string;

  /** `YYYY-MM-DD HH:MM:SS`, business time zone. */
  createDate!: string;
}

/** speechDetailsManageShow: the company's canned replies. */
export class ReplyPhraseList {
  @ApiProperty({ type: [ReplyPhraseItem] })
  otherList!: ReplyPhraseItem[];

  /** Replies matching the filters (the list holds the newest 1 000 of them). */
  objsCount!: number;
}
