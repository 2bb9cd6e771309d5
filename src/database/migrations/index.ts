import { Principals1764300000000 } from './1764300000000-Principals';
import { Chat1764300001000 } from './1764300001000-Chat';
import { Contacts1764300002000 } from './1764300002000-Contacts';
import { ActionLog1764300003000 } from './1764300003000-ActionLog';
import { Totals1764400000000 } from './1764400000000-Totals';
import { UnreadSeq1764500000000 } from './1764500000000-UnreadSeq';
import { UnseenRadar1764600000000 } from './1764600000000-UnseenRadar';
import { FollowLanguage1764700000000 } from './1764700000000-FollowLanguage';
import { CannedReplies1764800000000 } from './1764800000000-CannedReplies';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list works under
 * ts-node, the compiled build and Jest's ESM mode. Add new migrations at the end.
 */
export const MIGRATIONS = [Principals1764300000000, Chat1764300001000, Contacts1764300002000, ActionLog1764300003000, Totals1764400000000, UnreadSeq1764500000000, UnseenRadar1764600000000, FollowLanguage1764700000000, CannedReplies1764800000000];
