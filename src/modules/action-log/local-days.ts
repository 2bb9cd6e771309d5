/**
 * Calendar-day helpers for the radar's date filters (API.md §3: dates are calendar days in
 * BUSINESS_TIMEZONE). Day boundaries are turned into instants by PostgreSQL
 * (`date::timestamp AT TIME ZONE tz`), so only whole dates are handled here.
 */
const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** `YYYY-MM-DD` (also `YYYY-M-D`) naming a real calendar date → normalised `YYYY-MM-DD`. */
export function parseCalendarDate(value: string): string | undefined {
  const m = DATE.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** SQL for the instant a local calendar day starts: `$date::date::timestamp AT TIME ZONE $tz`. */
export const dayStartSql = (dateParam: string, tzParam: string) => `((${dateParam})::date::timestamp AT TIME ZONE ${tzParam})`;
