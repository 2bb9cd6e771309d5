/**
 * Aggregation of the runs and the markdown/JSON report in bench/results/.
 *
 * Rounds are pooled: req/s is the mean over rounds (min–max shown), latency percentiles are
 * computed over every sample of every round, CPU per request is total CPU over total requests.
 * Goals are evaluated and reported, never enforced (the exit code does not depend on them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failedAnswers, LatencySummary, RunResult, summarize } from './cannon';
import type { Endpoint } from './endpoints';
import type { GeneratedInfo } from './generate';
import type { MixedResult } from './mixed';
import type { ParityResult } from './parity';
import type { PushResult } from './push';

export const GOALS = {
  p99Ratio: 1.5,
  pushRatio: 1.5,
  scaleP50Ratio: 1.3,
  mixedRatio: 0.7,
};

export interface Aggregate {
  endpoint: string;
  server: string;
  connections: number;
  rounds: number;
  rps: number;
  rpsMin: number;
  rpsMax: number;
  requests: number;
  latency: LatencySummary;
  steps?: Record<string, LatencySummary>;
  errors: number;
  non2xx: number;
  badCode: number;
  checkFailures: number;
  checked: number;
  examples: string[];
  cpuMsPerReq: number;
  pgCpuMsPerReq: number;
  /** Mean cores used by other work on the machine during the runs (noise indicator). */
  otherCores: number;
}

export function aggregate(runs: RunResult[]): Aggregate {
  const first = runs[0];
  const total = runs.reduce((n, r) => n + r.requests, 0);
  const pooled = new Float64Array(runs.reduce((n, r) => n + (r.raw?.length ?? 0), 0));
  let at = 0;
  for (const r of runs) {
    if (r.raw) pooled.set(r.raw, at);
    at += r.raw?.length ?? 0;
  }
  const rps = runs.map((r) => r.rps);
  const weighted = (f: (r: RunResult) => number) => (total ? runs.reduce((s, r) => s + (Number.isFinite(f(r)) ? f(r) * r.requests : 0), 0) / total : NaN);
  const agg: Aggregate = {
    endpoint: first.endpoint,
    server: first.server,
    connections: first.connections,
    rounds: runs.length,
    rps: rps.reduce((a, b) => a + b, 0) / rps.length,
    rpsMin: Math.min(...rps),
    rpsMax: Math.max(...rps),
    requests: total,
    latency: summarize(pooled),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    badCode: runs.reduce((n, r) => n + r.badCode, 0),
    checkFailures: runs.reduce((n, r) => n + r.checkFailures, 0),
    checked: runs.reduce((n, r) => n + r.checked, 0),
    examples: runs.flatMap((r) => r.examples).slice(0, 5),
    cpuMsPerReq: weighted((r) => r.cpuMsPerReq),
    pgCpuMsPerReq: weighted((r) => r.pgCpuMsPerReq),
    otherCores: runs.reduce((n, r) => n + r.otherCores, 0) / runs.length,
  };
  if (first.steps) {
    // Per-step percentiles are not poolable from summaries: report the median round's.
    agg.steps = runs[Math.floor(runs.length / 2)].steps;
  }
  return agg;
}

export interface ScaleResult {
  scale: number;
  database: GeneratedInfo;
  referenceLabel: string;
  /** connections → endpoint id → server → aggregate */
  passes: Record<string, Record<string, Record<string, Aggregate>>>;
  push: PushResult[];
  mixed: MixedResult[];
  parity: ParityResult[];
  seconds: Record<string, number>;
}

export interface Report {
  startedAt: string;
  finishedAt: string;
  commandLine: string;
  machine: Record<string, string | number>;
  options: Record<string, unknown>;
  endpoints: { id: string; title: string; goal: number; note?: string }[];
  scales: ScaleResult[];
  failures: string[];
  notes: string[];
}

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const mark = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? 'pass' : '**FAIL**');
const badTotal = (a: Aggregate) => a.errors + a.non2xx + a.badCode + a.checkFailures;

export function anyBad(a: Aggregate): boolean {
  return failedAnswers(a);
}

function endpointTable(r: Report, s: ScaleResult, conns: string, endpoints: Endpoint[]): string[] {
  const pass = s.passes[conns];
  const maxConns = Math.max(...Object.keys(s.passes).map(Number));
  const withGoals = Number(conns) === maxConns;
  const lines = [
    `| endpoint | Leida req/s | ref req/s | ratio | goal | Leida p50 / p99 ms | ref p50 / p99 ms | p99 ratio | errors L / R | CPU ms/req L / R | PG CPU ms/req L / R | other load (cores) L / R | result |`,
    `|---|---|---|---|---|---|---|---|---|---|---|---|---|`,
  ];
  for (const e of endpoints) {
    const l = pass[e.id]?.leida;
    const ref = pass[e.id]?.reference;
    if (!l || !ref) continue;
    const rr = ratio(l.rps, ref.rps);
    const pr = ratio(l.latency.p99, ref.latency.p99);
    const okRps = rr >= e.goal;
    const okP99 = pr <= GOALS.p99Ratio;
    const clean = badTotal(l) === 0 && badTotal(ref) === 0;
    const result = withGoals ? mark(okRps && okP99 && clean) : clean ? 'no errors' : '**errors**';
    lines.push(
      `| ${e.id} | ${f(l.rps, 0)} (${f(l.rpsMin, 0)}–${f(l.rpsMax, 0)}) | ${f(ref.rps, 0)} (${f(ref.rpsMin, 0)}–${f(ref.rpsMax, 0)}) | ${f(rr, 2)}${withGoals && !okRps ? ' ✗' : ''} | ≥ ${e.goal} | ` +
        `${f(l.latency.p50)} / ${f(l.latency.p99)} | ${f(ref.latency.p50)} / ${f(ref.latency.p99)} | ${f(pr, 2)}${withGoals && !okP99 ? ' ✗' : ''} | ` +
        `${badTotal(l)} / ${badTotal(ref)} | ${f(l.cpuMsPerReq, 2)} / ${f(ref.cpuMsPerReq, 2)} | ${f(l.pgCpuMsPerReq, 2)} / ${f(ref.pgCpuMsPerReq, 2)} | ${f(l.otherCores, 2)} / ${f(ref.otherCores, 2)} | ${result} |`,
    );
  }
  void r;
  return lines;
}

export function renderMarkdown(r: Report, endpoints: Endpoint[]): string {
  const out: string[] = [];
  out.push(`# Load benchmark: Leida vs reference (${r.startedAt})`, '');
  out.push('```', r.commandLine, '```', '');
  out.push('## Machine', '');
  for (const [k, v] of Object.entries(r.machine)) out.push(`- ${k}: ${v}`);
  out.push('', 'Both servers, PostgreSQL and this driver (autocannon, the WebSocket client) share the same cores: absolute numbers are the whole machine\'s; the ratios are what to read.', '');
  out.push('## Options', '', '```json', JSON.stringify(r.options), '```', '');
  if (r.failures.length) out.push('## Failures', '', ...r.failures.map((x) => `- ${x}`), '');
  for (const s of r.scales) {
    const db = s.database;
    out.push(`## Scale ${s.scale} (${db.database}, ${(db.sizeBytes / 2 ** 30).toFixed(2)} GiB)`, '');
    out.push(`- data: ${Object.entries(db.counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    out.push(`- generation: ${db.seconds.toFixed(0)} s${db.reused ? ' (in an earlier run; reused, restored to the generated state)' : ''}`);
    out.push(`- reference: ${s.referenceLabel}`);
    out.push(`- phase times: ${Object.entries(s.seconds).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(', ')}`);
    const same = s.parity.filter((x) => x.identical === x.compared);
    out.push(`- parity (same signed URL to both servers, read endpoints): ${same.length}/${s.parity.length} endpoints byte-identical on every sample`, '');
    for (const x of s.parity.filter((p) => p.identical < p.compared)) {
      out.push(`  - ${x.endpoint}: ${x.identical}/${x.compared} identical; first difference \`${(x.firstDifference ?? '').replace(/`/g, "'")}\``);
    }
    if (s.parity.some((p) => p.identical < p.compared)) out.push('');
    for (const conns of Object.keys(s.passes).sort((a, b) => Number(b) - Number(a))) {
      out.push(`### ${conns} connections`, '');
      out.push(...endpointTable(r, s, conns, endpoints), '');
      const withSteps = endpoints.filter((e) => s.passes[conns][e.id]?.leida?.steps);
      for (const e of withSteps) {
        const l = s.passes[conns][e.id].leida.steps!;
        const ref = s.passes[conns][e.id].reference?.steps ?? {};
        out.push(`${e.id} per step (p50 / p99 ms): ${Object.keys(l).map((k) => `${k}: Leida ${f(l[k].p50)} / ${f(l[k].p99)}, ref ${f(ref[k]?.p50)} / ${f(ref[k]?.p99)}`).join('; ')}`, '');
      }
      const examples = endpoints.flatMap((e) => ['leida', 'reference'].flatMap((sv) => (s.passes[conns][e.id]?.[sv]?.examples ?? []).map((x) => `${sv} ${e.id}: ${x}`)));
      if (examples.length) out.push('Unexpected answers (first few):', '', ...examples.slice(0, 10).map((x) => `- \`${x.replace(/`/g, "'")}\``), '');
    }
    if (s.push.length) {
      out.push('### Push latency (HTTP send start → `chat.message` frame)', '');
      out.push('| server | samples | lost | HTTP errors | push p50 / p99 ms | send HTTP p50 / p99 ms |', '|---|---|---|---|---|---|');
      for (const p of s.push) {
        out.push(p.ok ? `| ${p.server} | ${p.push.count} | ${p.lost} | ${p.httpErrors} | ${f(p.push.p50)} / ${f(p.push.p99)} | ${f(p.http.p50)} / ${f(p.http.p99)} |` : `| ${p.server} | – | – | – | ${p.error} | – |`);
      }
      const l = s.push.find((p) => p.server === 'leida');
      const ref = s.push.find((p) => p.server === 'reference');
      if (l?.ok && ref?.ok) {
        const r50 = ratio(l.push.p50, ref.push.p50);
        const r99 = ratio(l.push.p99, ref.push.p99);
        out.push('', `Ratios Leida/reference: p50 ${f(r50, 2)}, p99 ${f(r99, 2)} (goal ≤ ${GOALS.pushRatio}): ${mark(r50 <= GOALS.pushRatio && r99 <= GOALS.pushRatio)}`);
      }
      out.push('');
    }
    if (s.mixed.length) {
      out.push('### Mixed load (p99 < 250 ms)', '');
      out.push('| server | search steps (target → achieved req/s, p99 ms) | sustained rate | hold: achieved req/s, p50 / p99 ms, bad | RSS start → end MB | RSS every 10 s |', '|---|---|---|---|---|---|');
      for (const m of s.mixed) {
        const steps = m.search.map((x) => `${x.targetRate}→${f(x.achievedRate, 0)} (${f(x.p99, 0)}${x.pass ? '' : ' ✗'})`).join(', ');
        const h = m.hold;
        out.push(`| ${m.server} | ${steps} | ${m.bestRate} | ${h ? `${f(h.achievedRate, 0)}, ${f(h.p50)} / ${f(h.p99)}, ${h.bad}` : '–'} | ${h ? `${f(h.rssStartMb, 0)} → ${f(h.rssEndMb, 0)}` : '–'} | ${h ? h.rssSamples.map(([, mb]) => f(mb, 0)).join(' ') : '–'} |`);
      }
      const l = s.mixed.find((m) => m.server === 'leida');
      const ref = s.mixed.find((m) => m.server === 'reference');
      if (l && ref) {
        const rr = ratio(l.hold?.achievedRate ?? l.bestRate, ref.hold?.achievedRate ?? ref.bestRate);
        out.push('', `Sustained rate ratio Leida/reference: ${f(rr, 2)} (goal ≥ ${GOALS.mixedRatio}): ${mark(rr >= GOALS.mixedRatio)}`);
      }
      out.push('');
    }
  }
  // 10× vs 1× p50, every endpoint, both servers (the highest connection count both scales ran).
  const s1 = r.scales.find((s) => s.scale === 1);
  const s10 = r.scales.find((s) => s.scale === 10);
  if (s1 && s10) {
    const common = Object.keys(s10.passes).filter((c) => s1.passes[c]).sort((a, b) => Number(b) - Number(a))[0];
    if (common) {
      out.push(`## p50 at scale 10 vs scale 1 (${common} connections; goal ≤ ${GOALS.scaleP50Ratio}×)`, '');
      out.push('| endpoint | Leida p50 1× / 10× ms | ratio | ref p50 1× / 10× ms | ratio | result |', '|---|---|---|---|---|---|');
      for (const e of endpoints) {
        const a = s1.passes[common][e.id];
        const b = s10.passes[common][e.id];
        if (!a || !b) continue;
        const rl = ratio(b.leida?.latency.p50, a.leida?.latency.p50);
        const rr = ratio(b.reference?.latency.p50, a.reference?.latency.p50);
        out.push(`| ${e.id} | ${f(a.leida?.latency.p50)} / ${f(b.leida?.latency.p50)} | ${f(rl, 2)} | ${f(a.reference?.latency.p50)} / ${f(b.reference?.latency.p50)} | ${f(rr, 2)} | Leida ${mark(rl <= GOALS.scaleP50Ratio)}, ref ${mark(rr <= GOALS.scaleP50Ratio)} |`);
      }
      out.push('');
    }
  }
  out.push('## Goals', '', `- req/s ratio ≥ 0.85 for customer query_num, getmsg (empty), rep contact/query_num; ≥ 0.7 for the others (at the highest connection count)`);
  out.push(`- p99 ≤ ${GOALS.p99Ratio}× reference at the highest connection count; push p50 and p99 ≤ ${GOALS.pushRatio}× reference`);
  out.push(`- p50 at 10× ≤ ${GOALS.scaleP50Ratio}× p50 at 1× for every endpoint; mixed sustained rate ratio ≥ ${GOALS.mixedRatio}`);
  out.push('- reported, not enforced', '');
  if (r.notes.length) out.push('## Notes', '', ...r.notes.map((n) => `- ${n}`), '');
  out.push('## Endpoints', '', ...endpoints.map((e) => `- \`${e.id}\`: ${e.title}${e.note ? ` (${e.note})` : ''}`), '');
  out.push(`Finished ${r.finishedAt}.`, '');
  return out.join('\n');
}

export function writeReport(dir: string, r: Report, endpoints: Endpoint[]): { md: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = r.startedAt.replace(/[:.]/g, '-');
  const md = join(dir, `${stamp}.md`);
  const json = join(dir, `${stamp}.json`);
  writeFileSync(md, renderMarkdown(r, endpoints));
  writeFileSync(json, JSON.stringify(r, null, 2));
  return { md, json };
}
