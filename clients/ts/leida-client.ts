/**
 * A typed Leida client for front-end teams: openapi-fetch over the generated types
 * (leida-api.d.ts, from docs/openapi.json), with a middleware that signs every request for its
 * surface (API.md §1). Usage in README.md ("Typed client"); a runnable example in example.ts.
 *
 *   const leida = createLeidaClient({ baseUrl, md5, customer: { userId: 1, token } });
 *   const { data } = await leida.GET('/zhugeleida/gongzhonghao/chat/getmsg/0', { params: { query: { u_id: 1 } } });
 *   if (data?.code === 200) data.data.ret_data[0]?.msg;      // typed: no casts
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './leida-api';

export type Surface = 'customer' | 'rep';

/** A principal: its id and its token (never sent; only the signature is). */
export interface Credential {
  userId: number;
  token: string;
}

export interface LeidaClientOptions {
  baseUrl: string;
  /** Lowercase hex MD5 of a UTF-8 string: node:crypto in Node, any MD5 library in a browser. */
  md5: (text: string) => string;
  /** Who signs requests to /zhugeleida/gongzhonghao/ (a customer). */
  customer?: Credential;
  /** Who signs requests to /zhugeleida/qiyeweixin/ (a sales rep). */
  rep?: Credential;
  /** Another fetch (tests, a proxy). */
  fetch?: typeof fetch;
}

/** Path prefixes per surface: the mini-program (小程序) pages are customers too. */
const SURFACE_PREFIXES: Record<Surface, string[]> = {
  customer: ['/zhugeleida/gongzhonghao/', '/zhugeleida/xiaochengxu/'],
  rep: ['/zhugeleida/qiyeweixin/'],
};

export function surfaceOf(path: string): Surface | undefined {
  return (Object.keys(SURFACE_PREFIXES) as Surface[]).find((s) => SURFACE_PREFIXES[s].some((prefix) => `${path}/`.startsWith(prefix)));
}

/** The three signature parameters: rand_str = md5(timestamp + token), timestamp in milliseconds. */
export function signatureOf(who: Credential, md5: (text: string) => string, now = Date.now()): Record<'user_id' | 'timestamp' | 'rand_str', string> {
  const timestamp = String(now);
  return { user_id: String(who.userId), timestamp, rand_str: md5(timestamp + who.token) };
}

/** Signs each request with a fresh timestamp, for the surface its path belongs to. */
export function signingMiddleware(options: Pick<LeidaClientOptions, 'md5' | 'customer' | 'rep'>): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      const surface = surfaceOf(schemaPath);
      const who = surface && options[surface];
      if (!who) return undefined;
      const url = new URL(request.url);
      for (const [key, value] of Object.entries(signatureOf(who, options.md5))) url.searchParams.set(key, value);
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
      return new Request(url, { method: request.method, headers: request.headers, body });
    },
  };
}

export type LeidaClient = Client<paths>;

export function createLeidaClient(options: LeidaClientOptions): LeidaClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  client.use(signingMiddleware(options));
  return client;
}

/** An answer whose `code` is not 200 (the envelope is kept: `code`, `msg`, `data`). */
export class LeidaError extends Error {
  constructor(readonly envelope: { code: number; msg: unknown; data: unknown }) {
    super(`Leida answered code ${envelope.code}: ${typeof envelope.msg === 'string' ? envelope.msg : JSON.stringify(envelope.msg)}`);
    this.name = 'LeidaError';
  }
}

type Envelope = { code: number; msg: unknown; data: unknown };

/**
 * The success `data` of an answer, typed by its operation; throws LeidaError for any other
 * code (every handled outcome is HTTP 200, so the code is what to branch on).
 */
export async function successData<B extends Envelope>(call: Promise<{ data?: B; error?: unknown; response: Response }>): Promise<Extract<B, { code: 200 }>['data']> {
  const { data, error, response } = await call;
  const envelope = (data ?? error) as Envelope | undefined;
  if (!envelope || typeof envelope.code !== 'number') throw new Error(`Leida answered HTTP ${response.status} without an envelope`);
  if (envelope.code !== 200) throw new LeidaError(envelope);
  return (envelope as Extract<B, { code: 200 }>).data;
}
