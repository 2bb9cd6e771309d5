/**
 * Request parameter rules of the benchmarked endpoints, written out by hand with the outcomes
 * of Leida's DTOs (class-transformer + class-validator + toFieldErrors): the same codes and
 * messages for the inputs the benchmark and the parity test send (missing, not a number, out
 * of range, unknown order/source/action, bad dates). Errors are collected in the DTO's
 * property order (own properties first, then PageQueryDto's).
 */
import { FIELD_ERROR_MESSAGES, FieldErrorCode, FieldErrors } from '../../src/common/errors/field-errors';
import { parseCalendarDate } from '../../src/modules/action-log/local-days';
import { RADAR_ACTION_CODES } from '../../src/modules/action-log/radar-actions';

export const MAX_ID = 2 ** 31 - 1;
const MAX_ALL_LENGTH = 1000;
const MAX_PAGE_LENGTH = 100;
const MAX_OFFSET = 2 ** 31;

export class Errors {
  fields: FieldErrors | undefined;
  add(field: string, code: FieldErrorCode, message = FIELD_ERROR_MESSAGES[code]): void {
    (this.fields ??= {})[field] = [{ message, code }];
  }
}

/** IsRequiredId: missing → required, not a whole number → invalid, outside 1..MAX_ID → out_of_range. */
export function requiredId(raw: unknown, field: string, errors: Errors): number {
  if (raw === undefined || raw === null) {
    errors.add(field, 'required');
    return 0;
  }
  const n = Array.isArray(raw) ? NaN : Number(raw); // @Type(() => Number)
  if (!Number.isInteger(n)) errors.add(field, 'invalid');
  else if (n < 1 || n > MAX_ID) errors.add(field, 'out_of_range');
  return n;
}

export interface Page {
  offset: number;
  limit: number;
}

/** PageQueryDto + pageOf: current_page ≥ 1, length 0..100 (0 = all, at most 1000). */
export function page(query: Record<string, unknown>, defaultLength: number, errors: Errors): Page {
  let current = 1;
  let length = defaultLength;
  if (query.current_page !== undefined && query.current_page !== null) {
    const n = Array.isArray(query.current_page) ? NaN : Number(query.current_page);
    if (!Number.isInteger(n)) errors.add('current_page', 'invalid');
    else if (n < 1) errors.add('current_page', 'out_of_range');
    else current = n;
  }
  if (query.length !== undefined && query.length !== null) {
    const n = Array.isArray(query.length) ? NaN : Number(query.length);
    if (!Number.isInteger(n)) errors.add('length', 'invalid');
    else if (n < 0 || n > MAX_PAGE_LENGTH) errors.add('length', 'out_of_range');
    else length = n;
  }
  if (length === 0) return { offset: 0, limit: MAX_ALL_LENGTH };
  return { offset: Math.min((current - 1) * length, MAX_OFFSET), limit: length };
}

/** client_msg_id: numbers as text, '' = absent, a string of at most 64 characters. */
export function clientMsgId(raw: unknown, errors: Errors): string | null {
  const value = typeof raw === 'number' ? String(raw) : raw === '' ? undefined : raw;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    errors.add('client_msg_id', 'invalid');
    return null;
  }
  if (value.length > 64) errors.add('client_msg_id', 'too_long');
  return value;
}

export const CONTACT_ORDERS = new Set(['expedted_pr', 'last_follow_time', 'last_activity_time', 'create_date'].flatMap((f) => [`-${f}`, f]));

/** tongxunlu `order` ('' = absent; default -expedted_pr) and `customer__source` (1..4). */
export function contactListFilter(query: Record<string, unknown>, errors: Errors): { order: string; source?: number } {
  let order = '-expedted_pr';
  const rawOrder = query.order;
  if (rawOrder !== undefined && rawOrder !== null && rawOrder !== '') {
    if (typeof rawOrder === 'string' && CONTACT_ORDERS.has(rawOrder)) order = rawOrder;
    else errors.add('order', 'invalid', '不支持的排序方式。');
  }
  let source: number | undefined;
  const rawSource = query.customer__source;
  if (rawSource !== undefined && rawSource !== null && rawSource !== '') {
    const n = Array.isArray(rawSource) ? NaN : Number(rawSource);
    if (n === 1 || n === 2 || n === 3 || n === 4) source = n;
    else errors.add('customer__source', 'invalid');
  }
  return { order, source };
}

/** OptionalInt: '' = absent; a 1..10 digit string becomes a number; anything else stays as is. */
function optionalInt(raw: unknown): unknown {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'string' && /^\s*-?\d{1,10}\s*$/.test(raw)) return Number(raw);
  return raw;
}

const RADAR_CODES = new Set(RADAR_ACTION_CODES);
const BAD_DATE = '请输入有效的日期（YYYY-MM-DD）。';

/** RadarTimelineQueryDto: customer_id, action, create_date__gte, create_date__lt. */
export function radarFilter(query: Record<string, unknown>, errors: Errors): { customerId?: number; action?: number; gte?: string; lt?: string } {
  const out: { customerId?: number; action?: number; gte?: string; lt?: string } = {};
  const customerId = optionalInt(query.customer_id);
  if (customerId !== undefined) {
    if (typeof customerId !== 'number' || !Number.isInteger(customerId) || customerId < 1) errors.add('customer_id', 'invalid');
    else if (customerId > MAX_ID) errors.add('customer_id', 'out_of_range');
    else out.customerId = customerId;
  }
  const action = optionalInt(query.action);
  if (action !== undefined) {
    if (typeof action !== 'number' || !RADAR_CODES.has(action)) errors.add('action', 'invalid');
    else out.action = action;
  }
  for (const [key, prop] of [
    ['create_date__gte', 'gte'],
    ['create_date__lt', 'lt'],
  ] as const) {
    const raw = query[key];
    if (raw === undefined || raw === null || raw === '') continue;
    const date = typeof raw === 'string' ? parseCalendarDate(raw) : undefined;
    if (date === undefined) errors.add(key, 'invalid', BAD_DATE);
    else out[prop] = date;
  }
  return out;
}

/** Strings carrying NUL (which PostgreSQL text refuses) are invalid input (input-guards.ts). */
export function nulErrors(...sources: unknown[]): FieldErrors | undefined {
  let errors: FieldErrors | undefined;
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (value.includes('\u0000')) (errors ??= {})[path || 'body'] = [{ message: '不能包含空字符。', code: 'invalid' }];
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
    }
  };
  for (const source of sources) visit(source, '');
  return errors;
}
