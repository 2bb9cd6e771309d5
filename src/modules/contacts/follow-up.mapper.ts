import type { Clock } from '../../common/time/clock';
import type { FollowUpItem } from './dto/contact.response.dto';
import type { FollowUpNote } from './follow-up.service';

/** One follow-up note on the wire (`follow_info` list item; shape decided in docs/decisions/contacts.md). */
export function mapFollowUp(note: FollowUpNote, clock: Clock): FollowUpItem {
  return {
    id: note.id,
    user_id: note.repId,
    customer_id: note.customerId,
    follow_info: note.content,
    create_date: clock.dateTime(note.createdAt),
  };
}
