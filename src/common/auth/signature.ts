import { createHash, timingSafeEqual } from 'node:crypto';

/** rand_str = lowercase hex MD5(timestamp + token) (API.md §1). */
export function computeSignature(timestamp: string, token: string): string {
  return createHash('md5').update(timestamp + token, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented rand_str with the expected one. */
export function signatureMatches(presented: string, timestamp: string, token: string): boolean {
  const expected = Buffer.from(computeSignature(timestamp, token), 'utf8');
  const given = Buffer.from(presented.toLowerCase(), 'utf8');
  // timingSafeEqual needs equal lengths; comparing against itself keeps the timing flat.
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(given, expected);
}

/** True when the timestamp (ms) is within maxSkewSeconds of now; 0 disables the window. */
export function isFresh(timestampMs: number, nowMs: number, maxSkewSeconds: number): boolean {
  if (maxSkewSeconds === 0) return true;
  return Math.abs(nowMs - timestampMs) <= maxSkewSeconds * 1000;
}

export interface SignatureParams {
  userId: number;
  timestamp: string;
  randStr: string;
}

/** Reads the three signature parameters; undefined when any is missing or malformed. */
export function readSignatureParams(query: Record<string, unknown> | undefined): SignatureParams | undefined {
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const userId = first(query?.user_id);
  const timestamp = first(query?.timestamp);
  const randStr = first(query?.rand_str);
  if (typeof userId !== 'string' || !/^\d{1,9}$/.test(userId)) return undefined;
  if (typeof timestamp !== 'string' || !/^\d{1,16}$/.test(timestamp)) return undefined;
  if (typeof randStr !== 'string' || !/^[0-9a-fA-F]{32}$/.test(randStr)) return undefined;
  return { userId: Number(userId), timestamp, randStr };
}

/** Builds a signed query string for a principal (seed output, tests, the QA console). */
export function signQuery(userId: number, token: string, timestampMs = Date.now()): string {
  const timestamp = String(timestampMs);
  return `user_id=${userId}&timestamp=${timestamp}&rand_str=${computeSignature(timestamp, token)}`;
}
