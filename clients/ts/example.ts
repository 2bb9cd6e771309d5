/**
 * Calling Leida from TypeScript with the generated types (clients/ts/leida-api.d.ts, made by
 * `npm run client:generate` from docs/openapi.json). Run against a server with the demo company:
 *   LEIDA_URL=http://127.0.0.1:8000 npx ts-node --transpile-only clients/ts/example.ts
 */
import { createHash } from 'node:crypto';
import type { paths } from './leida-api';

/**
 * The signature (API.md §1): three query parameters on every request, with
 * rand_str = lowercase hex md5(timestamp + token) and timestamp in milliseconds. In a browser
 * use any MD5 implementation (Leida serves one at /console/assets/leida-signing.js).
 */
export function signature(userId: number, token: string, timestampMs = Date.now()) {
  const timestamp = String(timestampMs);
  return { user_id: String(userId), timestamp, rand_str: createHash('md5').update(timestamp + token, 'utf8').digest('hex') };
}

export interface Credential {
  userId: number;
  token: string;
}

/** Every answer is this envelope; handled outcomes are all HTTP 200, so branch on `code`. */
export interface LegacyEnvelope<D = Record<string, unknown>> {
  code: number;
  msg: string | Record<string, unknown>;
  data: D;
}

/** A path missing from docs/openapi.json is a compile error. */
type PendingOperation = never;

/** The generated operation type for a path and method. */
type OperationOf<P extends string, M extends 'get' | 'post'> = P extends keyof paths
  ? [paths[P]] extends [never]
    ? PendingOperation
    : paths[P] extends Record<M, infer Op>
      ? Op
      : PendingOperation
  : PendingOperation;
type QueryOf<Op> = Op extends { parameters: { query: infer Q } } ? Q : Partial<Record<string, string | number>>;
type ResponseOf<Op> = Op extends { responses: { 200: { content: { 'application/json': infer B } } } } ? (unknown extends B ? LegacyEnvelope : B) : LegacyEnvelope;

/** A signed GET whose query and answer are typed from the OpenAPI document. */
export async function signedGet<P extends string>(baseUrl: string, path: P, who: Credential, query: QueryOf<OperationOf<P, 'get'>>): Promise<ResponseOf<OperationOf<P, 'get'>>> {
  const url = new URL(path, baseUrl);
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) if (value !== undefined) url.searchParams.set(key, String(value));
  for (const [key, value] of Object.entries(signature(who.userId, who.token))) url.searchParams.set(key, value);
  const res = await fetch(url);
  return (await res.json()) as ResponseOf<OperationOf<P, 'get'>>;
}

async function main(): Promise<void> {
  const baseUrl = process.env.LEIDA_URL ?? 'http://127.0.0.1:8000';
  // The demo principals (src/modules/seed/demo-fixture.ts): public demo tokens.
  const customer: Credential = { userId: 1, token: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' };
  const rep: Credential = { userId: 1, token: '93b5f91eb56b8a4f8d96b7182920d68d' };

  // Customer surface: how many of rep 1's messages the customer has not read (API.md §4.4).
  const unread = await signedGet(baseUrl, '/zhugeleida/gongzhonghao/chat/query_num/0', customer, { u_id: rep.userId });
  console.log('query_num', unread.code, unread.data);

  // Rep surface: the rep's contact book, best prospects first (API.md §6.1).
  const contacts = await signedGet(baseUrl, '/zhugeleida/qiyeweixin/tongxunlu', rep, { current_page: 1, length: 10, order: '-expedted_pr' });
  console.log('tongxunlu', contacts.code, contacts.data);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
