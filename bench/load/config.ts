/**
 * Shared constants of the load benchmark: the shape of a generated database at a given scale,
 * how principals' tokens are derived, and request signing.
 *
 * Tokens are derived from ids (md5('rep-'||id), md5('cust-'||id)) so the driver can sign for any
 * of the million principals without reading a token table.
 */
import { createHash } from 'node:crypto';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

/** The same derivation the generator uses in SQL. */
export const repToken = (id: number) => md5(`rep-${id}`);
export const customerToken = (id: number) => md5(`cust-${id}`);

/** Token cache: md5 of the derivation is cheap, but the driver signs tens of thousands of requests a second. */
const tokenCache = new Map<string, string>();
function tokenOf(role: 'rep' | 'customer', id: number): string {
  const key = `${role}${id}`;
  let t = tokenCache.get(key);
  if (!t) tokenCache.set(key, (t = role === 'rep' ? repToken(id) : customerToken(id)));
  return t;
}

/** `user_id=&timestamp=&rand_str=` signed now (API.md §1): every request is signed freshly. */
export function sign(role: 'rep' | 'customer', id: number): string {
  const timestamp = String(Date.now());
  return `user_id=${id}&timestamp=${timestamp}&rand_str=${md5(timestamp + tokenOf(role, id))}`;
}

/** The numbers a scale stands for (scale 1: 100k customers, 1M messages, 500k radar rows). */
export interface Shape {
  scale: number;
  customers: number;
  /** Customers (and relations, conversations) of rep 1, the "big rep". */
  bigRepCustomers: number;
  /** Customers 1..company1Customers belong to company 1 (reps 1..60), the rest to company 2 (reps 61..100). */
  company1Customers: number;
  reps: number;
  /** Messages of conversation 1 (big rep × customer 1): the long history. */
  longConversation: number;
  /** Messages of a few more long-ish conversations. */
  longishConversation: number;
  longishIds: number[];
  /** Target message total; ordinary conversations get 1..k messages so that the total lands near it. */
  messages: number;
  bigRepRadar: number;
  otherRadar: number;
}

export function shapeOf(scale: number): Shape {
  const customers = Math.max(500, Math.round(100_000 * scale));
  const bigRepCustomers = Math.max(100, Math.round(5_000 * scale));
  const company1Customers = Math.round(customers * 0.6);
  return {
    scale,
    customers,
    bigRepCustomers,
    company1Customers,
    reps: 100,
    longConversation: Math.max(2_000, Math.round(20_000 * scale)),
    longishConversation: Math.max(200, Math.round(2_000 * scale)),
    // Three more of the big rep, one of an ordinary rep of company 1, one of company 2.
    longishIds: [2, 3, 4, bigRepCustomers + 1, company1Customers + 1],
    messages: Math.round(1_000_000 * scale),
    bigRepRadar: Math.round(200_000 * scale),
    otherRadar: Math.round(300_000 * scale),
  };
}

/** leida_load_1, leida_load_10, leida_load_0_02. */
export function databaseName(scale: number): string {
  return `leida_load_${String(scale).replace(/[^0-9]/g, '_')}`;
}

export function databaseUrl(scale: number): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${databaseName(scale)}`;
  return url.toString();
}

/** Rep of company 1 that owns the long histories and the 200k-row radar. */
export const BIG_REP = 1;
/** The rep whose WebSocket receives the push-latency messages (an ordinary rep with ~1 000 customers at scale 1). */
export const PUSH_REP = 2;
