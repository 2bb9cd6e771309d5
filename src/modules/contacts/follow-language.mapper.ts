import type { FollowPhraseItem, FollowPhraseList } from './dto/contact.response.dto';
import type { FollowPhrase } from './follow-language.service';

const mapPhrase = (p: FollowPhrase): FollowPhraseItem => ({ language_id: p.id, user_id: p.repId, language: p.language });

/** The legacy follow_language answer: `data_count` first, `ret_data` an object naming the caller. */
export function mapFollowPhrases(repId: number, phrases: FollowPhrase[]): FollowPhraseList {
  return { data_count: phrases.length, ret_data: { user_id: repId, follow_language_data: phrases.map(mapPhrase) } };
}
