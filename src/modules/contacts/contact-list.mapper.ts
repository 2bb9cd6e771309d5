import type { Clock } from '../../common/time/clock';
import type { ContactRow } from './contact-list.service';
import { customerDisplayName } from './customer-display-name';
import type { ContactListItem } from './dto/contact.response.dto';
import { sourceText } from './customer-source';

/** One `tongxunlu` item (API.md §6.1); relative times are calendar days in the business zone. */
export function mapContact(row: ContactRow, clock: Clock): ContactListItem {
  return {
    customer_id: row.customerId,
    customer_username: customerDisplayName(row.customerId, row.nickname, row.memoName),
    headimgurl: row.headimgurl,
    expected_time: row.expectedTime,
    expedted_pr: row.expectedPr,
    source: row.source,
    source_text: sourceText(row.source),
    last_follow_time: clock.followTime(row.lastFollowAt),
    last_activity_time: clock.activityTime(row.lastActivityAt),
    follow_status: clock.followStatus(row.lastFollowAt),
    article_id: row.articleId,
    title: row.title,
  };
}
