import {
  calendarDaysAgo,
  followStatus,
  formatDateTime,
  formatDateTimeSpaced,
  formatLocalDate,
  localParts,
  relativeActivityTime,
  relativeFollowTime,
  shortChatTime,
} from './legacy-time';

const SH = 'Asia/Shanghai';
// 2026-11-28 09:00 in Shanghai (UTC+8).
const now = new Date('2026-11-28T01:00:00Z');
const local = (s: string) => new Date(`${s}+08:00`);

describe('legacy time rendering', () => {
  it('renders instants in the business zone without offset, with ms only when non-zero', () => {
    expect(formatDateTime(new Date('2018-09-21T07:18:01.548Z'), SH)).toBe('2018-09-21T15:18:01.548');
    expect(formatDateTimeSpaced(new Date('2018-09-21T07:18:01.548Z'), SH)).toBe('2018-09-21 15:18:01');
    expect(formatDateTimeSpaced(new Date('2018-12-31T16:00:00Z'), SH)).toBe('2019-01-01 00:00:00');
    expect(formatDateTime(new Date('2018-06-19T02:03:29.000Z'), SH)).toBe('2018-06-19T10:03:29');
    expect(formatDateTime(new Date('2018-06-19T02:03:29.007Z'), SH)).toBe('2018-06-19T10:03:29.007');
    expect(formatDateTime(new Date('2018-06-18T16:00:00Z'), SH)).toBe('2018-06-19T00:00:00');
  });

  it('follows the API.md examples around midnight', () => {
    expect(relativeFollowTime(local('2026-11-25T20:00:00'), now, SH)).toBe('3天前');
    expect(followStatus(local('2026-11-25T20:00:00'), now, SH)).toBe('2026-11-25');
    expect(relativeFollowTime(local('2026-11-27T23:59:00'), now, SH)).toBe('昨天');
    expect(followStatus(local('2026-11-27T23:59:00'), now, SH)).toBe('昨天已跟进');
    expect(relativeFollowTime(local('2026-11-28T00:01:00'), now, SH)).toBe('今天');
    expect(followStatus(local('2026-11-28T00:01:00'), now, SH)).toBe('今天跟进');
  });

  it('counts calendar days, not 24-hour periods', () => {
    // 1 minute apart across local midnight is one day; 23 hours within one day is zero.
    expect(calendarDaysAgo(local('2026-11-27T23:59:00'), local('2026-11-28T00:00:00'), SH)).toBe(1);
    expect(calendarDaysAgo(local('2026-11-28T00:00:00'), local('2026-11-28T23:59:59'), SH)).toBe(0);
  });

  it('uses the configured zone, not UTC: the same instants in New York', () => {
    const ny = 'America/New_York';
    // now = 2026-11-27 20:00 in New York; 2026-11-27T15:59Z = 10:59 the same NY day.
    expect(relativeFollowTime(new Date('2026-11-27T15:59:00Z'), now, ny)).toBe('今天');
    expect(relativeFollowTime(new Date('2026-11-27T15:59:00Z'), now, SH)).toBe('昨天');
    expect(formatLocalDate(new Date('2026-11-28T01:00:00Z'), ny)).toBe('2026-11-27');
  });

  it('renders empty and never-followed states', () => {
    expect(relativeFollowTime(null, now, SH)).toBe('');
    expect(relativeActivityTime(null, now, SH)).toBe('');
    expect(followStatus(null, now, SH)).toBe('未跟进过');
    expect(relativeActivityTime(local('2026-11-20T10:00:00'), now, SH)).toBe('2026-11-20');
    expect(relativeActivityTime(local('2026-11-27T10:00:00'), now, SH)).toBe('昨天');
  });

  it('formats the contact list short time', () => {
    expect(shortChatTime(local('2026-11-28T08:05:00'), now, SH)).toBe('08:05');
    expect(shortChatTime(local('2026-11-27T08:05:00'), now, SH)).toBe('昨天');
    expect(shortChatTime(local('2026-03-02T08:05:00'), now, SH)).toBe('03-02');
    expect(shortChatTime(local('2025-12-31T08:05:00'), now, SH)).toBe('2025');
  });
});

describe('localParts: the cached offset agrees with Intl', () => {
  const formats = new Map<string, Intl.DateTimeFormat>();
  const viaIntl = (instant: Date, timeZone: string) => {
    const parts: Record<string, number> = {};
    if (!formats.has(timeZone)) {
      formats.set(timeZone, new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }));
    }
    const f = formats.get(timeZone)!;
    for (const part of f.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
  };

  it.each(['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'])(
    'matches Intl around the year and across DST transitions in %s',
    (zone) => {
      // Every 47 minutes and 13 seconds over a year (the transitions have their own test).
      const start = Date.UTC(2026, 0, 1);
      for (let ms = start; ms < start + 366 * 86_400_000; ms += 2_833_000) {
        const instant = new Date(ms + (ms % 997));
        expect(localParts(instant, zone)).toEqual(viaIntl(instant, zone));
      }
    },
  );

  it('matches Intl second by second across a transition (New York, 2026-03-08 07:00 UTC)', () => {
    const transition = Date.UTC(2026, 2, 8, 7, 0, 0);
    for (let ms = transition - 120_000; ms <= transition + 120_000; ms += 1_000) {
      expect(localParts(new Date(ms), 'America/New_York')).toEqual(viaIntl(new Date(ms), 'America/New_York'));
    }
  });

  it('handles instants before 1970 and historical offsets with seconds', () => {
    for (const ms of [Date.UTC(1900, 0, 1, 3, 4, 5), Date.UTC(1927, 11, 31, 15, 54, 17), -1]) {
      expect(localParts(new Date(ms), 'Asia/Shanghai')).toEqual(viaIntl(new Date(ms), 'Asia/Shanghai'));
    }
  });
});
