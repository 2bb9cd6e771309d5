import type { RunResult } from '../../bench/load/cannon';
import { mergeRuns, sliceSchedule } from '../../bench/load/slices';

function run(server: string, latencies: number[], durationSec: number, cpuMsPerReq: number): RunResult {
  const raw = Float64Array.from(latencies);
  return {
    endpoint: 'e',
    server,
    connections: 32,
    durationSec,
    requests: latencies.length,
    rps: latencies.length / durationSec,
    latency: { count: latencies.length, p50: NaN, p90: NaN, p99: NaN, max: NaN, mean: NaN },
    errors: 0,
    non2xx: 1,
    badCode: 0,
    checkFailures: 0,
    checked: 1,
    examples: [],
    cpuMsPerReq,
    pgCpuMsPerReq: 0,
    otherCores: 0,
    raw,
  };
}

describe('load benchmark slices', () => {
  it('runs ABBA slices until each server has its duration', () => {
    const order = sliceSchedule(['a', 'b'], 10, 2).map((x) => `${x.server}${x.seconds}`);
    expect(order).toEqual(['a2', 'b2', 'b2', 'a2', 'a2', 'b2', 'b2', 'a2', 'a2', 'b2']);
    expect(sliceSchedule(['a', 'b'], 5, 2).map((x) => `${x.server}${x.seconds}`)).toEqual(['a2', 'b2', 'b2', 'a2', 'a1', 'b1']);
  });

  it('without slicing runs each server once', () => {
    expect(sliceSchedule(['a', 'b'], 10, 0)).toEqual([{ server: 'a', seconds: 10 }, { server: 'b', seconds: 10 }]);
  });

  it('merges slices into one run: rates over the summed time, pooled latencies, CPU per request weighted', () => {
    const merged = mergeRuns([run('a', [1, 2, 3], 2, 1), run('a', [4], 2, 5)]);
    expect(merged.requests).toBe(4);
    expect(merged.durationSec).toBe(4);
    expect(merged.rps).toBe(1);
    expect(merged.latency.p50).toBe(2);
    expect(merged.latency.max).toBe(4);
    expect(merged.cpuMsPerReq).toBe(2);
    expect(merged.non2xx).toBe(2);
    expect(Array.from(merged.raw!)).toEqual([1, 2, 3, 4]);
  });
});
