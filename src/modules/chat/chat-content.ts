import { ValidationFailed } from '../../common/errors/api-error';
import { FieldErrors, fieldError, mergeFieldErrors } from '../../common/errors/field-errors';
import { codePointLength } from '../../common/validation/code-points';
import type { ChatContentFields } from './dto/chat-message.response.dto';

/** 1 text/emoji/canned phrase, 2 product inquiry card, 3 phone request, 4 image, 5 video. */
export type InfoType = 1 | 2 | 3 | 4 | 5;

export type ContentKey = Exclude<keyof ChatContentFields, 'info_type'>;

/** The content keys each info_type may carry (API.md §4); anything else is dropped. */
export const CONTENT_KEYS: Record<InfoType, readonly ContentKey[]> = {
  1: ['msg'],
  2: ['product_cover_url', 'product_name', 'product_price'],
  3: ['msg'],
  4: ['url'],
  5: ['url'],
};

export const TEXT_MAX = 2000;
export const URL_MAX = 2000;
export const PRODUCT_FIELD_MAX = 200;

/** What the rep side always stores for a phone-number request (API.md §4). */
export const PHONE_REQUEST_TEXT = '您好,请问能否告诉我您的手机号?';

export interface ChatContent {
  infoType: InfoType;
  /** Only the keys of CONTENT_KEYS[infoType], all strings. */
  fields: Record<string, string>;
}

/** `content` arrives as a JSON string (form body) or an object (JSON body). */
function asObject(raw: unknown): Record<string, unknown> | undefined {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function readInfoType(value: unknown): InfoType | FieldErrors {
  if (value === undefined || value === null || value === '') return fieldError('content.info_type', 'required');
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) return fieldError('content.info_type', 'invalid', 'info_type 必须是整数。');
  if (n < 1 || n > 5) return fieldError('content.info_type', 'out_of_range', 'info_type 必须是 1 到 5 之间的整数。');
  return n as InfoType;
}

/** A required or optional string-ish field; numbers are accepted and kept as text (prices). */
function readText(obj: Record<string, unknown>, key: string, max: number, required: boolean): { value?: string; errors?: FieldErrors } {
  const raw = obj[key];
  const field = `content.${key}`;
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return required ? { errors: fieldError(field, 'required') } : {};
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') return { errors: fieldError(field, 'invalid', `${key} 必须是字符串。`) };
  const value = String(raw);
  if (codePointLength(value) > max) return { errors: fieldError(field, 'too_long', `${key} 不能超过 ${max} 个字符。`) };
  return { value };
}

/** Images and videos: an http(s) URL or a server-relative path, no spaces, no script scheme. */
function readUrl(obj: Record<string, unknown>, key: string, required: boolean): { value?: string; errors?: FieldErrors } {
  const read = readText(obj, key, URL_MAX, required);
  if (read.value !== undefined && (!/^[^\s]+$/.test(read.value) || /^(javascript|data|vbscript):/i.test(read.value))) {
    return { errors: fieldError(`content.${key}`, 'invalid', `${key} 必须是有效的链接。`) };
  }
  return read;
}

/**
 * Validates a message's content for the sending side and keeps only the keys of its type.
 * Throws ValidationFailed with Django-shaped errors keyed `content` / `content.<key>`.
 */
export function parseContent(raw: unknown, sender: 'rep' | 'customer'): ChatContent {
  if (raw === undefined || raw === null || raw === '') throw new ValidationFailed(fieldError('content', 'required'));
  const obj = asObject(raw);
  if (!obj) throw new ValidationFailed(fieldError('content', 'invalid', 'content 必须是 JSON 对象。'));
  const infoType = readInfoType(obj.info_type);
  if (typeof infoType !== 'number') throw new ValidationFailed(infoType);

  const reads: [string, { value?: string; errors?: FieldErrors }][] = [];
  switch (infoType) {
    case 1:
      reads.push(['msg', readText(obj, 'msg', TEXT_MAX, true)]);
      break;
    case 2:
      reads.push(['product_cover_url', readUrl(obj, 'product_cover_url', false)]);
      reads.push(['product_name', readText(obj, 'product_name', PRODUCT_FIELD_MAX, true)]);
      reads.push(['product_price', readText(obj, 'product_price', PRODUCT_FIELD_MAX, false)]);
      break;
    case 3:
      // The rep's phone request is always the standard sentence; a customer's answer is text.
      reads.push(['msg', sender === 'rep' ? { value: PHONE_REQUEST_TEXT } : readText(obj, 'msg', TEXT_MAX, true)]);
      break;
    default:
      reads.push(['url', readUrl(obj, 'url', true)]);
  }
  const errors = mergeFieldErrors(...reads.map(([, r]) => r.errors ?? {}));
  if (Object.keys(errors).length) throw new ValidationFailed(errors);
  const fields: Record<string, string> = {};
  for (const [key, r] of reads) if (r.value !== undefined) fields[key] = r.value;
  return { infoType, fields };
}

/**
 * The content keys flattened into a wire item: `info_type` then the type's keys, read through
 * the whitelist so stored extra keys (if any ever got in) can never shadow server fields.
 */
export function flattenContent(infoType: number, content: Record<string, unknown>): ChatContentFields {
  const out: ChatContentFields = { info_type: infoType as InfoType };
  for (const key of CONTENT_KEYS[infoType as InfoType] ?? []) {
    const value = content[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** The contact list's one-line preview of a message (API.md §5.4). */
export function previewText(infoType: number, content: Record<string, unknown>): string {
  switch (infoType) {
    case 2:
      return `向您咨询:${typeof content.product_name === 'string' ? content.product_name : ''}`;
    case 4:
      return '[图片]';
    case 5:
      return '[视频]';
    default:
      // 1 text and 3 phone request: the text itself.
      return typeof content.msg === 'string' ? content.msg : '';
  }
}
