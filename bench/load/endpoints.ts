/**
 * The measured endpoints: how each request URL/body is generated (rotating over many principals,
 * signed freshly per request) and what a correct answer looks like.
 *
 * Every answer is checked cheaply (`{"code":<expected>` at the start of the body); every 20th is
 * parsed and checked further (the list is non-empty, the fetch returned the message just sent...).
 */
import { BIG_REP, sign } from './config';
import { Pair, Pools, rotation } from './pools';

export interface Built {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** Shared between the steps of one cycle (autocannon's per-connection context). */
export type Ctx = Record<string, unknown>;

export interface Step {
  /** Label of this request in per-step latency (multi-step endpoints). */
  kind: string;
  build: (ctx: Ctx) => Built;
  /** `code` of the envelope this request must answer (200 everywhere here). */
  code?: number;
  /** Deeper check of a parsed answer; returns what is wrong, or undefined. */
  check?: (json: Envelope, ctx: Ctx) => string | undefined;
}

export interface Envelope {
  code: number;
  msg: unknown;
  data: Record<string, unknown> & { ret_data?: unknown[]; data_count?: number };
}

export interface Endpoint {
  id: string;
  title: string;
  /** Goal: Leida req/s ≥ goal × reference req/s. */
  goal: number;
  steps: Step[];
  /** Writes: the 10× pass and the mixed load treat them alike, the report says so. */
  writes?: boolean;
  note?: string;
}

const G = '/zhugeleida/gongzhonghao';
const Q = '/zhugeleida/qiyeweixin';

let msgCounter = 0;
/** A fresh idempotency key per send (a repeated key would store nothing). */
export const clientMsgId = () => `lb-${process.pid}-${Date.now().toString(36)}-${(msgCounter++).toString(36)}`;

export function textForm(fields: Record<string, string | number>, text: string): string {
  const parts = Object.entries(fields).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  parts.push(`content=${encodeURIComponent(JSON.stringify({ info_type: 1, msg: text }))}`);
  parts.push(`client_msg_id=${clientMsgId()}`);
  return parts.join('&');
}

const list = (min: number, max = Infinity) => (j: Envelope) => {
  const n = Array.isArray(j.data?.ret_data) ? j.data.ret_data.length : -1;
  return n >= min && n <= max ? undefined : `ret_data has ${n} items, expected ${min}..${max}`;
};
const count = (field: string, pred: (n: number) => boolean, want: string) => (j: Envelope) => {
  const v = j.data?.[field];
  return typeof v === 'number' && pred(v) ? undefined : `data.${field} = ${JSON.stringify(v)}, expected ${want}`;
};

export const CONTACT_ORDERS = ['-expedted_pr', '-last_follow_time', '-last_activity_time', '-create_date'];

export function makeEndpoints(p: Pools): Endpoint[] {
  const get = (path: string): Built => ({ method: 'GET', path });
  const poll = rotation(p.poll);
  const pollRep = rotation(p.poll);
  const hist = rotation(p.poll);
  const qn = rotation(p.poll);
  const pair = rotation(p.pair);
  const repSend = rotation(p.repSend);
  const custSend = rotation(p.custSend);
  const big = rotation(p.bigRep);
  const bigRadar = rotation(p.bigRep);
  const reps = rotation(p.reps);
  const reps2 = rotation(p.reps);
  const ordinary = rotation(p.ordinaryReps);
  const deepPage = 100;
  const deepItems = Math.max(0, Math.min(10, p.bigRepRelations - (deepPage - 1) * 10));

  const endpoints: Endpoint[] = [
    {
      id: 'cust.query_num',
      title: 'customer chat/query_num/0',
      goal: 0.85,
      steps: [{ kind: 'query_num', build: () => { const x = qn(); return get(`${G}/chat/query_num/0?${sign('customer', x.c)}&u_id=${x.rep}`); }, check: count('chatinfo_count', (n) => n >= 0, '≥ 0') }],
    },
    {
      id: 'cust.getmsg.empty',
      title: 'customer chat/getmsg/0 (nothing new)',
      goal: 0.85,
      steps: [{ kind: 'getmsg', build: () => { const x = poll(); return get(`${G}/chat/getmsg/0?${sign('customer', x.c)}&u_id=${x.rep}`); }, check: count('data_count', (n) => n === 0, '0') }],
    },
    {
      id: 'cust.getmsg.pair',
      title: 'customer chat/getmsg/0 with a message (rep send + customer fetch pair)',
      goal: 0.7,
      writes: true,
      note: 'each cycle: the rep sends one text to a quiet customer, then that customer fetches it; req/s counts both requests, p50/p99 are of both (per-step figures in the JSON)',
      steps: [
        {
          kind: 'rep send',
          build: (ctx) => {
            const x = pair();
            ctx.pair = x;
            return { method: 'POST', path: `${Q}/chat/send_msg/0?${sign('rep', x.rep)}`, body: textForm({ customer_id: x.c }, '您好，这是新品资料') };
          },
          check: count('id', (n) => n > 0, 'a message id'),
        },
        {
          kind: 'customer getmsg',
          build: (ctx) => { const x = ctx.pair as Pair; return get(`${G}/chat/getmsg/0?${sign('customer', x.c)}&u_id=${x.rep}`); },
          check: count('data_count', (n) => n >= 1, '≥ 1 (the message just sent)'),
        },
      ],
    },
    {
      id: 'cust.history',
      title: 'customer chat history (length=20, page 1)',
      goal: 0.7,
      steps: [{ kind: 'history', build: () => { const x = hist(); return get(`${G}/chat?${sign('customer', x.c)}&u_id=${x.rep}&length=20&current_page=1`); }, check: list(1, 20) }],
    },
    {
      id: 'rep.getmsg',
      title: 'rep chat/getmsg/0 (nothing new)',
      goal: 0.7,
      steps: [{ kind: 'getmsg', build: () => { const x = pollRep(); return get(`${Q}/chat/getmsg/0?${sign('rep', x.rep)}&customer_id=${x.c}`); }, check: count('data_count', (n) => n === 0, '0') }],
    },
    {
      id: 'rep.contact',
      title: 'rep contact (page 1, length 20), all reps',
      goal: 0.7,
      steps: [{ kind: 'contact', build: () => get(`${Q}/contact?${sign('rep', reps())}&current_page=1&length=20`), check: list(1, 20) }],
    },
    {
      id: 'rep.contact.all',
      title: 'rep contact (no length: every conversation, ≤ 1000), ordinary reps',
      goal: 0.7,
      steps: [{ kind: 'contact', build: () => get(`${Q}/contact?${sign('rep', ordinary())}`), check: list(1, 1000) }],
    },
    {
      id: 'rep.contact.query_num',
      title: 'rep contact/query_num, all reps',
      goal: 0.85,
      steps: [{ kind: 'query_num', build: () => get(`${Q}/contact/query_num?${sign('rep', reps2())}`), check: count('chatinfo_count', (n) => n >= 0, '≥ 0') }],
    },
  ];
  for (const order of CONTACT_ORDERS) {
    for (const page of [1, deepPage]) {
      endpoints.push({
        id: `tongxunlu${order}.p${page}`,
        title: `tongxunlu order=${order} page ${page} (big rep)`,
        goal: 0.7,
        steps: [{ kind: 'tongxunlu', build: () => get(`${Q}/tongxunlu?${sign('rep', BIG_REP)}&order=${order}&current_page=${page}`), check: page === 1 ? list(10, 10) : list(deepItems, deepItems) }],
      });
    }
  }
  endpoints.push(
    {
      id: 'rep.customer',
      title: 'customer profile qiyeweixin/customer (ai_pr), big rep’s customers',
      goal: 0.7,
      steps: [{ kind: 'profile', build: () => get(`${Q}/customer?${sign('rep', BIG_REP)}&customer_id=${big().c}`), check: (j) => (typeof (j.data?.ret_data?.[0] as { ai_pr?: unknown })?.ai_pr === 'number' ? undefined : 'no ai_pr') }],
    },
    {
      id: 'radar.customer',
      title: 'action/time for one customer (big rep, page 1)',
      goal: 0.7,
      steps: [{ kind: 'radar', build: () => get(`${Q}/action/time?${sign('rep', BIG_REP)}&customer_id=${bigRadar().c}&current_page=1&length=10`), check: list(1, 10) }],
    },
    {
      id: 'radar.all',
      title: 'action/time whole radar (big rep, page 1)',
      goal: 0.7,
      steps: [{ kind: 'radar', build: () => get(`${Q}/action/time?${sign('rep', BIG_REP)}&current_page=1&length=10`), check: list(10, 10) }],
    },
    {
      id: 'cust.send',
      title: 'customer send_msg (form body, fresh client_msg_id)',
      goal: 0.7,
      writes: true,
      steps: [{ kind: 'send', build: () => { const x = custSend(); return { method: 'POST', path: `${G}/chat/send_msg/0?${sign('customer', x.c)}`, body: textForm({ u_id: x.rep }, '请问这款有现货吗？') }; }, check: count('id', (n) => n > 0, 'a message id') }],
    },
    {
      id: 'rep.send',
      title: 'rep send_msg (form body, fresh client_msg_id)',
      goal: 0.7,
      writes: true,
      steps: [{ kind: 'send', build: () => { const x = repSend(); return { method: 'POST', path: `${Q}/chat/send_msg/0?${sign('rep', x.rep)}`, body: textForm({ customer_id: x.c }, '有现货，今天下单明天到') }; }, check: count('id', (n) => n > 0, 'a message id') }],
    },
  );
  return endpoints;
}
