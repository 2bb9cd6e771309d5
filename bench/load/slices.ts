/**
 * Cutting a round into slices (run.ts --slice) and putting a server's slices back together.
 * Pure: unit-tested in test/bench/slices.spec.ts.
 */
import type { RunResult } from './cannon';
import { summarize } from './latency';

/**
 * One server's slices of a round (see run.ts --slice) as one run: requests, time and CPU add
 * up, latencies pool, so the result reads like a single run of the summed duration.
 */
export function mergeRuns(slices: RunResult[]): RunResult {
  if (slices.length === 1) return slices[0];
  const first = slices[0];
  const requests = slices.reduce((n, r) => n + r.requests, 0);
  const durationSec = slices.reduce((n, r) => n + r.durationSec, 0);
  const raw = new Float64Array(requests);
  let at = 0;
  for (const r of slices) {
    if (r.raw) raw.set(r.raw, at);
    at += r.raw?.length ?? 0;
  }
  const perRequest = (f: (r: RunResult) => number) => (requests ? slices.reduce((s, r) => s + (Number.isFinite(f(r)) ? f(r) * r.requests : 0), 0) / requests : NaN);
  const sum = (f: (r: RunResult) => number) => slices.reduce((n, r) => n + f(r), 0);
  const merged: RunResult = {
    ...first,
    durationSec,
    requests,
    rps: requests / durationSec,
    latency: summarize(raw.subarray(0, at)),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
    badCode: sum((r) => r.badCode),
    checkFailures: sum((r) => r.checkFailures),
    checked: sum((r) => r.checked),
    examples: slices.flatMap((r) => r.examples).slice(0, 5),
    cpuMsPerReq: perRequest((r) => r.cpuMsPerReq),
    pgCpuMsPerReq: perRequest((r) => r.pgCpuMsPerReq),
    otherCores: slices.reduce((n, r) => n + r.otherCores * r.durationSec, 0) / durationSec,
    raw: raw.subarray(0, at),
  };
  // Per-step percentiles are not poolable from summaries: the middle slice's.
  if (first.steps) merged.steps = slices[Math.floor(slices.length / 2)].steps;
  return merged;
}

/**
 * The order of a round's runs for two servers [a, b]: slices of `sliceSec` in ABBA order
 * (a b b a a b …) until each has `durationSec`; with no slicing, a then b. ABBA rather than
 * ABAB so that neither server is always the one that runs right after the other.
 */
export function sliceSchedule<T>(order: readonly [T, T] | T[], durationSec: number, sliceSec: number): { server: T; seconds: number }[] {
  const [a, b] = order;
  if (!sliceSec || sliceSec >= durationSec) return [{ server: a, seconds: durationSec }, { server: b, seconds: durationSec }];
  const out: { server: T; seconds: number }[] = [];
  let left = durationSec;
  for (let k = 0; left > 0; k++) {
    const seconds = Math.min(sliceSec, left);
    left -= seconds;
    const pair = k % 2 === 0 ? [a, b] : [b, a];
    for (const server of pair) out.push({ server, seconds });
  }
  return out;
}
