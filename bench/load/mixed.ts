/**
 * Mixed load at a fixed request rate: what a deployment sees (many customers polling, a few
 * sends, reps opening lists), in fixed proportions per 20 requests:
 *
 *   8 customer query_num · 6 customer getmsg · 1 customer send · 1 rep send ·
 *   2 rep contact/query_num · 1 rep contact (page 1) · 1 tongxunlu (page 1, rotating orders)
 *
 * over the "mixed" pool (its customers, their reps). Rep sends reach the polling customers, so
 * some getmsg calls return messages, as in real use.
 *
 * The rate comes from autocannon's overallRate: each connection gets rate/connections requests
 * per second, sent one after the other from the start of each second. The load is therefore
 * bursty at one-second granularity; it is the same for both servers.
 *
 * Search: from a start rate, ×1.5 per 15 s step while p99 < 250 ms and the achieved rate is
 * ≥ 95 % of the target, then one bisection step; the best passing rate is then held (3 min by
 * default) while the server's RSS is sampled every 10 s.
 */
import { CONTACT_ORDERS, Endpoint, textForm } from './endpoints';
import { runEndpoint, RunResult } from './cannon';
import { sign } from './config';
import { Pools, rotation } from './pools';
import { rssMb, ServerHandle } from './servers';

const G = '/zhugeleida/gongzhonghao';
const Q = '/zhugeleida/qiyeweixin';

export const MIXED_PATTERN = ['qn', 'gm', 'qn', 'gm', 'qn', 'rqn', 'qn', 'gm', 'cs', 'qn', 'gm', 'contact', 'qn', 'gm', 'rs', 'qn', 'gm', 'rqn', 'qn', 'txl'] as const;
export const MIXED_DESCRIPTION = '8 customer query_num, 6 customer getmsg, 1 customer send, 1 rep send, 2 rep contact/query_num, 1 rep contact (page 1), 1 tongxunlu (page 1) per 20 requests';

export function mixedEndpoint(p: Pools): Endpoint {
  const customers = rotation(p.mixed);
  const senders = rotation(p.mixed);
  const targets = rotation(p.mixed);
  const repsOf = rotation(p.mixed.map((x) => x.rep));
  const orders = rotation(CONTACT_ORDERS);
  let slot = 0;
  return {
    id: 'mixed',
    title: 'mixed load',
    goal: 0.7,
    steps: [
      {
        kind: 'mixed',
        build: () => {
          const kind = MIXED_PATTERN[slot++ % MIXED_PATTERN.length];
          switch (kind) {
            case 'qn': { const x = customers(); return { method: 'GET', path: `${G}/chat/query_num/0?${sign('customer', x.c)}&u_id=${x.rep}` }; }
            case 'gm': { const x = customers(); return { method: 'GET', path: `${G}/chat/getmsg/0?${sign('customer', x.c)}&u_id=${x.rep}` }; }
            case 'cs': { const x = senders(); return { method: 'POST', path: `${G}/chat/send_msg/0?${sign('customer', x.c)}`, body: textForm({ u_id: x.rep }, '在吗？想再了解一下') }; }
            case 'rs': { const x = targets(); return { method: 'POST', path: `${Q}/chat/send_msg/0?${sign('rep', x.rep)}`, body: textForm({ customer_id: x.c }, '在的，您请说') }; }
            case 'rqn': return { method: 'GET', path: `${Q}/contact/query_num?${sign('rep', repsOf())}` };
            case 'contact': return { method: 'GET', path: `${Q}/contact?${sign('rep', repsOf())}&current_page=1&length=20` };
            case 'txl': return { method: 'GET', path: `${Q}/tongxunlu?${sign('rep', repsOf())}&order=${orders()}&current_page=1` };
          }
        },
      },
    ],
  };
}

export interface MixedStep {
  targetRate: number;
  achievedRate: number;
  p50: number;
  p99: number;
  bad: number;
  pass: boolean;
}

export interface MixedResult {
  server: string;
  search: MixedStep[];
  /** Highest target rate that passed (0 when none did). */
  bestRate: number;
  hold?: {
    targetRate: number;
    seconds: number;
    achievedRate: number;
    p50: number;
    p99: number;
    bad: number;
    rssStartMb: number;
    rssEndMb: number;
    /** [seconds since start, MB] every 10 s. */
    rssSamples: [number, number][];
  };
}

export interface MixedOptions {
  connections: number;
  startRate: number;
  stepSec: number;
  holdSec: number;
  maxSteps: number;
  p99LimitMs: number;
  /** Smoke: fixed rates, no search. */
  fixedRates?: number[];
}

const badOf = (r: RunResult) => r.errors + r.non2xx + r.badCode + r.checkFailures;

async function step(server: ServerHandle, p: Pools, rate: number, sec: number, o: MixedOptions): Promise<[MixedStep, RunResult]> {
  const r = await runEndpoint(server, mixedEndpoint(p), { connections: o.connections, durationSec: sec, overallRate: rate });
  const s: MixedStep = {
    targetRate: rate,
    achievedRate: r.rps,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bad: badOf(r),
    pass: r.latency.p99 < o.p99LimitMs && r.rps >= 0.95 * rate && badOf(r) === 0,
  };
  process.stdout.write(`  mixed ${server.kind} @ ${rate} req/s: achieved ${s.achievedRate.toFixed(0)}, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms${s.bad ? `, ${s.bad} bad answers` : ''} → ${s.pass ? 'pass' : 'fail'}\n`);
  return [s, r];
}

export async function runMixed(server: ServerHandle, p: Pools, o: MixedOptions): Promise<MixedResult> {
  const search: MixedStep[] = [];
  let best = 0;
  if (o.fixedRates) {
    for (const rate of o.fixedRates) {
      const [s] = await step(server, p, rate, o.stepSec, o);
      search.push(s);
      if (s.pass) best = Math.max(best, rate);
    }
  } else {
    // Not recorded: the mix's first seconds on a server pay for cold pages and pools, and one
    // noisy step must not end the search (seen 2026-11-29: a first step at p99 287 ms, then
    // 63 ms held at a lower rate), so a failed step is tried once more before it counts.
    await runEndpoint(server, mixedEndpoint(p), { connections: o.connections, durationSec: Math.min(5, o.stepSec), overallRate: o.startRate });
    let rate = o.startRate;
    let firstFail = 0;
    for (let i = 0; i < o.maxSteps; i++) {
      let [s] = await step(server, p, rate, o.stepSec, o);
      search.push(s);
      if (!s.pass) {
        [s] = await step(server, p, rate, o.stepSec, o);
        search.push(s);
      }
      if (!s.pass) {
        firstFail = rate;
        break;
      }
      best = rate;
      rate = Math.round(rate * 1.5);
    }
    if (best === 0 && firstFail) {
      // The start rate already failed: search downwards instead (bounded).
      for (let r = Math.round(firstFail / 2), i = 0; r >= 10 && i < 3 && best === 0; r = Math.round(r / 2), i++) {
        const [s] = await step(server, p, r, o.stepSec, o);
        search.push(s);
        if (s.pass) best = r;
      }
    }
    if (best && firstFail) {
      const mid = Math.round((best + firstFail) / 2);
      if (mid > best && mid < firstFail) {
        const [s] = await step(server, p, mid, o.stepSec, o);
        search.push(s);
        if (s.pass) best = mid;
      }
    }
  }
  const result: MixedResult = { server: server.kind, search, bestRate: best };
  if (best && o.holdSec > 0) {
    process.stdout.write(`  mixed ${server.kind}: holding ${best} req/s for ${o.holdSec} s\n`);
    const started = Date.now();
    const rssSamples: [number, number][] = [[0, rssMb(server.pid)]];
    const sampler = setInterval(() => rssSamples.push([Math.round((Date.now() - started) / 1000), rssMb(server.pid)]), 10_000);
    let r: RunResult;
    try {
      r = await runEndpoint(server, mixedEndpoint(p), { connections: o.connections, durationSec: o.holdSec, overallRate: best });
    } finally {
      clearInterval(sampler);
    }
    rssSamples.push([Math.round((Date.now() - started) / 1000), rssMb(server.pid)]);
    result.hold = {
      targetRate: best,
      seconds: o.holdSec,
      achievedRate: r.rps,
      p50: r.latency.p50,
      p99: r.latency.p99,
      bad: badOf(r),
      rssStartMb: rssSamples[0][1],
      rssEndMb: rssSamples[rssSamples.length - 1][1],
      rssSamples,
    };
    process.stdout.write(`  mixed ${server.kind} hold: achieved ${r.rps.toFixed(0)} req/s, p99 ${r.latency.p99.toFixed(1)} ms, RSS ${result.hold.rssStartMb.toFixed(0)} → ${result.hold.rssEndMb.toFixed(0)} MB\n`);
  }
  return result;
}
