import type { Clock } from '../../common/time/clock';
import type { FollowUpItem } from './dto/contact.response.dto';
import type { FollowUpFaces, FollowUpNote } from './follow-up.service';

/** One follow-up note on the wire: the legacy `follow_info` item (docs/legacy-compat.md). */
export function mapFollowUp(note: FollowUpNote, faces: FollowUpFaces, clock: Clock): FollowUpItem {
  return {
    user_customer_flowup__customer__headimgurl: faces.customerHeadimgurl,
    user_customer_flowup__user__avatar: faces.repAvatar,
    user_customer_flowup__user_id: note.repId,
    user_customer_flowup__customer_id: note.customerId,
    follow_info: note.content,
    create_date: clock.dateTime(note.createdAt),
  };
}
