/**
 * One measured autocannon run of one endpoint against one server.
 *
 * Latencies are collected from every response (autocannon's 'response' event) and the
 * percentiles computed exactly from them: autocannon's own histogram applies a
 * coordinated-omission correction when a rate is set, which would make the fixed-rate (mixed)
 * runs incomparable with the others. Answers are checked as they arrive (see endpoints.ts).
 */
// autocannon ships no types; the surface used here is small.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon');
import { cpuDelta, cpuMs, machineBusyMs, postgresCpu, ServerHandle } from './servers';
import type { Ctx, Endpoint, Envelope, Step } from './endpoints';
import { type LatencySummary, summarize } from './latency';

export type { LatencySummary };
export { summarize };

export interface RunOptions {
  connections: number;
  durationSec: number;
  /** Fixed overall request rate (mixed load); unset = as fast as the server answers. */
  overallRate?: number;
  /** Parse and deep-check every n-th answer of a step. */
  checkEvery?: number;
}

export interface RunResult {
  endpoint: string;
  server: string;
  connections: number;
  durationSec: number;
  requests: number;
  rps: number;
  latency: LatencySummary;
  /** Per step (multi-step endpoints). */
  steps?: Record<string, LatencySummary>;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Answers that are not an envelope with the expected code. */
  badCode: number;
  /** Parsed answers that failed the deeper check, and how many were parsed. */
  checkFailures: number;
  checked: number;
  examples: string[];
  /** Server process CPU per request (ms), and all PostgreSQL processes' CPU per request (ms). */
  cpuMsPerReq: number;
  pgCpuMsPerReq: number;
  /**
   * CPU used during the run by everything except the server, PostgreSQL and this driver, in
   * cores (0.5 = half a core): other work on the shared machine that disturbed the run.
   */
  otherCores: number;
  /** Raw latencies (kept in memory to pool rounds; not written to the JSON). */
  raw?: Float64Array;
}

/** A growable float array (runs produce 10⁴–10⁵ samples). */
class Samples {
  buf = new Float64Array(16384);
  n = 0;
  push(v: number): void {
    if (this.n === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = v;
  }
  values(): Float64Array {
    return this.buf.subarray(0, this.n);
  }
}

const CODE_RE = /^\{"code":(-?\d+)[,}]/;

export async function runEndpoint(server: ServerHandle, endpoint: Endpoint, o: RunOptions): Promise<RunResult> {
  const checkEvery = o.checkEvery ?? 20;
  const latencies = new Samples();
  const perStep = endpoint.steps.map(() => new Samples());
  const examples: string[] = [];
  const note = (s: string) => {
    if (examples.length < 5) examples.push(s.slice(0, 300));
  };
  let badCode = 0;
  let checkFailures = 0;
  let checked = 0;

  const requests = endpoint.steps.map((step: Step, index) => {
    let seen = 0;
    const expected = step.code ?? 200;
    return {
      method: 'GET',
      path: '/',
      setupRequest: (req: Record<string, unknown>, ctx: Ctx) => {
        const built = step.build(ctx);
        const headers: Record<string, string> = {};
        if (built.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
        return { ...req, method: built.method, path: built.path, body: built.body ?? '', headers };
      },
      onResponse: (status: number, body: string, ctx: Ctx) => {
        const m = CODE_RE.exec(body);
        if (!m || Number(m[1]) !== expected) {
          badCode++;
          note(`${step.kind}: HTTP ${status} ${body}`);
          return;
        }
        if (step.check && seen++ % checkEvery === 0) {
          checked++;
          try {
            const problem = step.check(JSON.parse(body) as Envelope, ctx);
            if (problem) {
              checkFailures++;
              note(`${step.kind}: ${problem}: ${body}`);
            }
          } catch (error) {
            checkFailures++;
            note(`${step.kind}: unparsable answer (${(error as Error).message}): ${body}`);
          }
        }
        void index;
      },
    };
  });

  const cpu0 = cpuMs(server.pid);
  const pg0 = postgresCpu(server.database);
  const busy0 = machineBusyMs();
  const self0 = process.cpuUsage();
  const wall0 = Date.now();
  const instance = autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections: o.connections,
    duration: o.durationSec,
    // (autocannon refuses ignoreCoordinatedOmission without a rate)
    ...(o.overallRate ? { overallRate: o.overallRate, ignoreCoordinatedOmission: true } : {}),
    timeout: 10,
    requests,
  });
  // Per-step latency: a connection sends its steps in order, one at a time (no pipelining), so
  // its n-th response belongs to step n mod steps.
  const position = new WeakMap<object, number>();
  instance.on('response', (client: object, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (perStep.length > 1) {
      const i = position.get(client) ?? 0;
      perStep[i % perStep.length].push(ms);
      position.set(client, i + 1);
    }
  });
  const result = await instance;
  const cpu1 = cpuMs(server.pid);
  const pg1 = postgresCpu(server.database);
  const pgMs = cpuDelta(pg0, pg1);
  const busy1 = machineBusyMs();
  const self1 = process.cpuUsage(self0);
  const wallMs = Date.now() - wall0;
  const otherMs = busy1 - busy0 - (cpu1 - cpu0) - pgMs - (self1.user + self1.system) / 1000;

  const count = latencies.n;
  const duration = result.duration || o.durationSec;
  const run: RunResult = {
    endpoint: endpoint.id,
    server: server.kind,
    connections: o.connections,
    durationSec: duration,
    requests: count,
    rps: count / duration,
    latency: summarize(latencies.values()),
    errors: (result.errors ?? 0) + (result.timeouts ?? 0),
    non2xx: result.non2xx ?? 0,
    badCode,
    checkFailures,
    checked,
    examples,
    cpuMsPerReq: count ? (cpu1 - cpu0) / count : NaN,
    pgCpuMsPerReq: count ? pgMs / count : NaN,
    otherCores: Math.max(0, otherMs / wallMs),
    raw: latencies.values().slice(),
  };
  if (perStep.length > 1) {
    run.steps = Object.fromEntries(endpoint.steps.map((s, i) => [s.kind, summarize(perStep[i].values())]));
  }
  return run;
}

/** True when a run had anything that is not a correct answer. */
export const failedAnswers = (r: Pick<RunResult, 'errors' | 'non2xx' | 'badCode' | 'checkFailures'>) => r.errors + r.non2xx + r.badCode + r.checkFailures > 0;

