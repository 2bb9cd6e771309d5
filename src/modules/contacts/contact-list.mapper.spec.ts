import { Clock } from '../../common/time/clock';
import type { AppConfig } from '../../config/app-config';
import { mapContact } from './contact-list.mapper';
import type { ContactRow } from './contact-list.service';

/** A Clock in `timeZone` whose "now" is fixed. */
function pinnedClock(now: string, timeZone: string): Clock {
  const clock = new Clock({ businessTimezone: timeZone } as AppConfig);
  clock.now = () => new Date(now);
  return clock;
}

const row = (over: Partial<ContactRow> = {}): ContactRow => ({
  customerId: 7,
  nickname: '又胖了',
  headimgurl: 'http://img/7.png',
  memoName: null,
  expectedTime: null,
  expectedPr: 0,
  source: 1,
  lastFollowAt: null,
  lastActivityAt: null,
  articleId: null,
  title: null,
  ...over,
});

describe('mapContact', () => {
  it('renders every documented field', () => {
    const clock = pinnedClock('2026-11-28T01:00:00Z', 'Asia/Shanghai');
    expect(mapContact(row({ source: 4, articleId: 2, title: 'jajjaj', expectedPr: 30, expectedTime: '2026-12-01' }), clock)).toEqual({
      customer_id: 7,
      customer_username: '又胖了',
      headimgurl: 'http://img/7.png',
      expected_time: '2026-12-01',
      expedted_pr: 30,
      source: 4,
      source_text: '公众号文章',
      last_follow_time: '',
      last_activity_time: '',
      follow_status: '未跟进过',
      article_id: 2,
      title: 'jajjaj',
    });
  });

  it('prefers the memo name, then the nickname, then 客户ID<id>', () => {
    const clock = pinnedClock('2026-11-28T01:00:00Z', 'Asia/Shanghai');
    expect(mapContact(row({ memoName: '太乙真人' }), clock).customer_username).toBe('太乙真人');
    expect(mapContact(row({ nickname: '' }), clock).customer_username).toBe('客户ID7');
  });

  it('counts calendar days across local midnight (Asia/Shanghai)', () => {
    // now = 2026-11-28 00:05 in Shanghai; 23:59 the evening before is "yesterday", 6 minutes ago.
    const clock = pinnedClock('2026-11-27T16:05:00Z', 'Asia/Shanghai');
    const justBeforeMidnight = new Date('2026-11-27T15:59:00Z');
    const justAfterMidnight = new Date('2026-11-27T16:01:00Z');
    const before = mapContact(row({ lastFollowAt: justBeforeMidnight, lastActivityAt: justBeforeMidnight }), clock);
    expect([before.last_follow_time, before.follow_status, before.last_activity_time]).toEqual(['昨天', '昨天已跟进', '昨天']);
    const after = mapContact(row({ lastFollowAt: justAfterMidnight, lastActivityAt: justAfterMidnight }), clock);
    expect([after.last_follow_time, after.follow_status, after.last_activity_time]).toEqual(['今天', '今天跟进', '今天']);
    const older = mapContact(row({ lastFollowAt: new Date('2026-11-24T12:00:00Z'), lastActivityAt: new Date('2026-11-24T12:00:00Z') }), clock);
    expect([older.last_follow_time, older.follow_status, older.last_activity_time]).toEqual(['4天前', '2026-11-24', '2026-11-24']);
  });

  it('uses the configured zone: the same instants read differently in America/New_York', () => {
    // Same instants as above; in New York now is 2026-11-27 11:05 and both notes are today.
    const clock = pinnedClock('2026-11-27T16:05:00Z', 'America/New_York');
    const justBeforeShanghaiMidnight = new Date('2026-11-27T15:59:00Z');
    const mapped = mapContact(row({ lastFollowAt: justBeforeShanghaiMidnight, lastActivityAt: justBeforeShanghaiMidnight }), clock);
    expect([mapped.last_follow_time, mapped.follow_status, mapped.last_activity_time]).toEqual(['今天', '今天跟进', '今天']);
    // 2026-11-27T04:30Z is 23:30 on the 26th in New York: yesterday there, today in Shanghai.
    const lateNy = new Date('2026-11-27T04:30:00Z');
    expect(mapContact(row({ lastFollowAt: lateNy }), clock).follow_status).toBe('昨天已跟进');
    expect(mapContact(row({ lastFollowAt: new Date('2026-11-25T04:30:00Z') }), clock).follow_status).toBe('2026-11-24');
  });
});
