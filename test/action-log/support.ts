/** Helpers shared by the ActionLog end-to-end tests. */

/** The ISO instant `ms` milliseconds before now. */
export const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** The calendar date `YYYY-MM-DD` in Asia/Shanghai (the default BUSINESS_TIMEZONE) `days` from today. */
export function localDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + days * DAY),
  );
}
