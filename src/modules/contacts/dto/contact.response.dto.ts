import { ApiProperty } from '@nestjs/swagger';

/** One `tongxunlu` contact (API.md §6.1). */
export class ContactListItem {
  customer_id!: number;

  /** The name this rep sees: memo name, nickname or 客户ID<id>. */
  customer_username!: string;

  headimgurl!: string;

  /** Expected close date `YYYY-MM-DD`, or null when unset. */
  expected_time!: string | null;

  /** Expected close probability 0–100 (sic: the legacy spelling). */
  expedted_pr!: number;

  /** Source code: 1 扫码, 2 转发, 3 搜索, 4 公众号文章; other codes are shown as stored. */
  source!: number;

  /** The source's Chinese label ('' for a code outside the catalogue). */
  source_text!: string;

  /** The last follow-up, relative (今天, 昨天, N天前 …), '' when never. */
  last_follow_time!: string;

  /** The customer's last activity, relative, '' when never. */
  last_activity_time!: string;

  /** 今天跟进 / N天未跟进 / 从未跟进 … */
  follow_status!: string;

  /** The article the customer came through (source 4), or null. */
  article_id!: number | null;

  /** That article's title, or null. */
  title!: string | null;
}

/** One page of the rep's contacts. */
export class ContactList {
  @ApiProperty({ type: [ContactListItem] })
  ret_data!: ContactListItem[];

  /** All of the rep's contacts (matching the source filter). */
  data_count!: number;
}

/**
 * One follow-up note as the legacy `follow_info` view renders it (its ORM lookup names, kept as
 * they are: legacy pages read them), with the faces of both parties.
 */
export class FollowUpItem {
  /** The customer's avatar. */
  user_customer_flowup__customer__headimgurl!: string;

  /** The rep's avatar. */
  user_customer_flowup__user__avatar!: string;

  /** The rep who wrote the note. */
  user_customer_flowup__user_id!: number;

  user_customer_flowup__customer_id!: number;

  /** The note. */
  follow_info!: string;

  /** When it was written, business time zone, `YYYY-MM-DDTHH:mm:ss[.SSS]`. */
  create_date!: string;
}

/** One page of follow-up notes, newest first. */
export class FollowUpList {
  @ApiProperty({ type: [FollowUpItem] })
  ret_data!: FollowUpItem[];

  /** All notes of this rep about this customer. */
  data_count!: number;
}

/** A follow-up phrase (legacy follow_language item). */
export class FollowPhraseItem {
  language_id!: number;

  /** Its owner; null for a company-wide phrase. */
  user_id!: number | null;

  /** The phrase. */
  language!: string;
}

/** The caller and their phrases. */
export class FollowPhrases {
  /** The signed-in rep. */
  user_id!: number;

  @ApiProperty({ type: [FollowPhraseItem] })
  follow_language_data!: FollowPhraseItem[];
}

/** follow_language: the rep's phrases and the company's, newest first (legacy shape: `ret_data` is an object). */
export class FollowPhraseList {
  /** Phrases on this page (as the legacy counted them). */
  data_count!: number;

  ret_data!: FollowPhrases;
}

/** follow_language/add: the new phrase's id. */
export class CreatedPhrase {
  language_id!: number;
}
