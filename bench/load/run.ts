/**
 * npm run bench:load — Leida against a raw Fastify + pg reference server that answers the same
 * URLs with the same bytes, on the same generated database, driven by autocannon with signed
 * requests spread over thousands of principals. See bench/load/README.md.
 *
 *   npm run bench:load                    # scale 1 then scale 10 (about 1.5 h)
 *   npm run bench:load -- --scale 1       # one scale
 *   npm run bench:load -- --smoke         # CI: tiny database, short runs, exits 1 on errors
 *   npm run bench:load -- --only tongxunlu --duration 5 --rounds 1 --skip-mixed --skip-push
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { failedAnswers, RunResult, runEndpoint } from './cannon';
import { mergeRuns, sliceSchedule } from './slices';
import { ADMIN_URL } from './config';
import { Endpoint, makeEndpoints } from './endpoints';
import { ensureDatabase, restoreGenerated } from './generate';
import { MIXED_DESCRIPTION, MixedResult, runMixed } from './mixed';
import { checkParity } from './parity';
import { loadPools, Pools } from './pools';
import { measurePush, PushResult } from './push';
import { aggregate, Report, ScaleResult, writeReport } from './report';
import { buildLeida, freePort, installCleanup, readyProbe, referenceAvailable, ROOT, ServerHandle, startServer, stopServer } from './servers';

interface Options {
  scales: number[];
  smoke: boolean;
  only: string[];
  durationSec: number;
  /**
   * Each server's time per round is cut into slices of this many seconds, run in ABBA order
   * (0: one run per server). The machine's speed drifts over tens of seconds; slices put both
   * servers under the same drift.
   */
  sliceSec: number;
  rounds: number;
  /** Rounds at scale 10 (the 10× pass may be shorter: it only has to show p50 growth). */
  rounds10: number;
  connections: number[];
  /** Connection counts at scale 10. */
  connections10: number[];
  warmupSec: number;
  /**
   * New server processes for every round after the first, warmed up this many seconds per
   * endpoint and server (0: the same two processes throughout). Seen 2026-11-29: two processes
   * of the same build can differ by 20-40 % in CPU per request for their whole life, so a ratio
   * measured on one pair of processes is partly the luck of that pair.
   */
  freshRoundsWarmupSec: number;
  skipMixed: boolean;
  /** Mixed load also at scale 10 (off by default: the long hold is the 1× question). */
  mixed10: boolean;
  skipPush: boolean;
  regenerate: boolean;
  reference: 'auto' | 'leida';
  /** 0: free ports chosen by the kernel. */
  portBase: number;
  poolSize: number;
  push: { samples: number; rate: number; warmup: number };
  mixed: { connections: number; startRate: number; stepSec: number; holdSec: number; maxSteps: number; p99LimitMs: number; fixedRates?: number[] };
  resultsDir: string;
  paritySamples: number;
}

function usage(msg?: string): never {
  if (msg) process.stderr.write(`${msg}\n`);
  process.stderr.write(
    'usage: npm run bench:load -- [--scale 1|10|<n>]... [--smoke] [--only a,b] [--duration s] [--slice s] [--rounds n] [--rounds-10x n]\n' +
      '       [--connections 32,8] [--warmup s] [--fresh-rounds s] [--skip-mixed] [--mixed-10x] [--mixed-hold s] [--mixed-start r] [--skip-push]\n' +
      '       [--push-samples n] [--regenerate] [--reference auto|leida] [--port-base p] [--pool-size n]\n',
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const smoke = argv.includes('--smoke');
  const o: Options = {
    scales: [],
    smoke,
    only: [],
    durationSec: smoke ? 2 : 10,
    sliceSec: smoke ? 0 : 2,
    rounds: smoke ? 1 : 3,
    rounds10: 1,
    connections: smoke ? [8] : [32, 8],
    connections10: [32],
    warmupSec: smoke ? 1 : 3,
    freshRoundsWarmupSec: smoke ? 0 : 1,
    skipMixed: false,
    mixed10: false,
    skipPush: false,
    regenerate: false,
    reference: 'auto',
    portBase: 0,
    poolSize: 10,
    push: smoke ? { samples: 60, rate: 20, warmup: 5 } : { samples: 600, rate: 40, warmup: 20 },
    mixed: smoke
      ? { connections: 8, startRate: 50, stepSec: 3, holdSec: 10, maxSteps: 2, p99LimitMs: 250, fixedRates: [50, 100] }
      : { connections: 32, startRate: 200, stepSec: 15, holdSec: 180, maxSteps: 8, p99LimitMs: 250 },
    resultsDir: join(ROOT, 'bench', 'results'),
    paritySamples: smoke ? 5 : 20,
  };
  let connectionsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    const num = (min: number) => {
      const n = Number(val());
      if (!Number.isFinite(n) || n < min) usage(`${a} must be a number ≥ ${min}`);
      return n;
    };
    switch (a) {
      case '--smoke': break;
      case '--scale': o.scales.push(num(0.001)); break;
      case '--only': o.only.push(...val().split(',').filter(Boolean)); break;
      case '--duration': o.durationSec = num(1); break;
      case '--slice': o.sliceSec = num(0); break;
      case '--rounds': o.rounds = Math.round(num(1)); break;
      case '--rounds-10x': o.rounds10 = Math.round(num(1)); break;
      case '--connections': o.connections = val().split(',').map(Number); connectionsGiven = true; if (o.connections.some((c) => !(c >= 1))) usage('bad --connections'); break;
      case '--warmup': o.warmupSec = num(0); break;
      case '--fresh-rounds': o.freshRoundsWarmupSec = num(0); break;
      case '--skip-mixed': o.skipMixed = true; break;
      case '--mixed-10x': o.mixed10 = true; break;
      case '--mixed-hold': o.mixed.holdSec = num(0); break;
      case '--mixed-start': o.mixed.startRate = num(1); delete o.mixed.fixedRates; break;
      case '--skip-push': o.skipPush = true; break;
      case '--push-samples': o.push.samples = Math.round(num(10)); break;
      case '--regenerate': o.regenerate = true; break;
      case '--reference': { const v = val(); if (v !== 'auto' && v !== 'leida') usage('--reference auto|leida'); o.reference = v; break; }
      case '--port-base': o.portBase = Math.round(num(1024)); break;
      case '--pool-size': o.poolSize = Math.round(num(1)); break;
      case '--help': case '-h': usage();
      // eslint-disable-next-line no-fallthrough
      default: usage(`unknown argument ${a}`);
    }
  }
  if (!o.scales.length) o.scales = smoke ? [0.02] : [1, 10];
  if (connectionsGiven) o.connections10 = [Math.max(...o.connections)];
  if (smoke) o.connections10 = o.connections;
  return o;
}

const t = () => Date.now();
const secs = (since: number) => (Date.now() - since) / 1000;

async function machine(): Promise<Record<string, string | number>> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  const pg = (await c.query('SELECT version() AS v')).rows[0].v as string;
  const settings = (await c.query(`SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'max_connections', 'work_mem', 'synchronous_commit')`)).rows
    .map((r) => `${r.name}=${r.setting}${r.unit ?? ''}`)
    .join(', ');
  await c.end();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench/reference'], { cwd: ROOT }).toString().trim();
    if (dirty) commit += ' (+ uncommitted changes in src/ or bench/reference/)';
  } catch {
    // not a git checkout
  }
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memory: `${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    node: process.version,
    postgres: pg.split(' on ')[0],
    'postgres settings': settings,
    commit,
  };
}

function line(r: RunResult, round: number): string {
  const bad = r.errors + r.non2xx + r.badCode + r.checkFailures;
  return `  r${round} ${r.endpoint.padEnd(34)} ${r.server.padEnd(9)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.latency.p50.toFixed(1).padStart(6)}  p99 ${r.latency.p99.toFixed(1).padStart(7)} ms  cpu ${r.cpuMsPerReq.toFixed(2)} ms/req${r.otherCores > 0.25 ? `  (other load ${r.otherCores.toFixed(2)} cores)` : ''}${bad ? `  BAD ${bad} (${r.examples[0] ?? ''})` : ''}\n`;
}

async function runScale(scale: number, o: Options, endpointsFilter: (e: Endpoint) => boolean, failures: string[]): Promise<{ result: ScaleResult; endpoints: Endpoint[] }> {
  const seconds: Record<string, number> = {};
  let since = t();
  const database = await ensureDatabase(scale, { regenerate: o.regenerate });
  seconds.database = secs(since);
  since = t();
  if (database.reused) await restoreGenerated(database.url);
  seconds.restore = secs(since);
  const pools: Pools = await loadPools(database.url);
  const endpoints = makeEndpoints(pools).filter(endpointsFilter);
  const is10 = scale === 10;
  const rounds = is10 ? o.rounds10 : o.rounds;
  const connections = is10 ? o.connections10 : o.connections;

  const refIsLeida = o.reference === 'leida' || !referenceAvailable();
  since = t();
  const startBoth = async (): Promise<Record<'leida' | 'reference', ServerHandle>> => ({
    leida: await startServer({ kind: 'leida', port: o.portBase ? o.portBase + 1 : await freePort(), databaseUrl: database.url, poolSize: o.poolSize, readyPath: readyProbe }),
    reference: await startServer({ kind: 'reference', port: o.portBase ? o.portBase + 2 : await freePort(), databaseUrl: database.url, poolSize: o.poolSize, readyPath: readyProbe, referenceIsLeida: refIsLeida }),
  });
  let servers = await startBoth();
  const warmUp = async (sec: number, conns: number) => {
    for (const e of endpoints) {
      for (const s of [servers.leida, servers.reference]) await runEndpoint(s, e, { connections: conns, durationSec: sec });
    }
  };
  seconds.start = secs(since);
  process.stdout.write(`scale ${scale}: Leida pid ${servers.leida.pid} on :${servers.leida.port}; ${servers.reference.label} pid ${servers.reference.pid} on :${servers.reference.port}\n`);
  const result: ScaleResult = { scale, database, referenceLabel: servers.reference.label, passes: {}, push: [], mixed: [], parity: [], seconds };
  try {
    // Same URLs, same bytes? (read-only endpoints, a few samples each)
    since = t();
    result.parity = await checkParity(servers.leida, servers.reference, endpoints, o.paritySamples);
    const differing = result.parity.filter((x) => x.identical < x.compared);
    process.stdout.write(`scale ${scale}: parity ${result.parity.length - differing.length}/${result.parity.length} read endpoints byte-identical${differing.length ? ` (differ: ${differing.map((x) => x.endpoint).join(', ')})` : ''}\n`);
    seconds.parity = secs(since);
    // Warm-up: every endpoint on both servers (JIT, pools, PostgreSQL's cache), not recorded.
    since = t();
    if (o.warmupSec > 0) {
      process.stdout.write(`scale ${scale}: warm-up, ${o.warmupSec} s per endpoint and server\n`);
      await warmUp(o.warmupSec, Math.max(...connections));
    }
    seconds.warmup = secs(since);

    for (const conns of connections) {
      since = t();
      const runs: Record<string, Record<string, RunResult[]>> = {};
      for (let round = 1; round <= rounds; round++) {
        if (round > 1 && o.freshRoundsWarmupSec > 0) {
          await stopServer(servers.leida);
          await stopServer(servers.reference);
          servers = await startBoth();
          await warmUp(o.freshRoundsWarmupSec, conns);
        }
        process.stdout.write(`scale ${scale}, ${conns} connections, round ${round}/${rounds}${round > 1 && o.freshRoundsWarmupSec > 0 ? ` (new processes: Leida pid ${servers.leida.pid}, reference pid ${servers.reference.pid})` : ''}\n`);
        for (const [i, e] of endpoints.entries()) {
          // Alternate which server goes first (per round and endpoint), so drift in the
          // database or the machine does not favour one of them.
          const order = (round + i) % 2 === 1 ? [servers.leida, servers.reference] : [servers.reference, servers.leida];
          const slices = new Map<ServerHandle, RunResult[]>(order.map((s) => [s, []]));
          for (const { server, seconds } of sliceSchedule(order, o.durationSec, o.sliceSec)) {
            slices.get(server)!.push(await runEndpoint(server, e, { connections: conns, durationSec: seconds }));
          }
          for (const s of order) {
            const r = mergeRuns(slices.get(s)!);
            process.stdout.write(line(r, round));
            ((runs[e.id] ??= {})[s.kind] ??= []).push(r);
            if (failedAnswers(r)) failures.push(`scale ${scale} ${conns}c ${e.id} ${s.kind}: ${r.errors} errors, ${r.non2xx} non-2xx, ${r.badCode} bad codes, ${r.checkFailures} failed checks; ${r.examples[0] ?? ''}`);
          }
        }
      }
      result.passes[String(conns)] = Object.fromEntries(
        Object.entries(runs).map(([id, byServer]) => [id, Object.fromEntries(Object.entries(byServer).map(([k, rs]) => [k, aggregate(rs)]))]),
      );
      seconds[`${conns} connections`] = secs(since);
    }

    if (!o.skipPush) {
      since = t();
      for (const s of [servers.leida, servers.reference]) {
        process.stdout.write(`scale ${scale}: push latency on ${s.kind} (${o.push.samples} samples at ${o.push.rate}/s)\n`);
        const p: PushResult = await measurePush(s, pools.push, o.push);
        process.stdout.write(p.ok ? `  ${s.kind}: push p50 ${p.push.p50.toFixed(1)} ms, p99 ${p.push.p99.toFixed(1)} ms, lost ${p.lost}, HTTP errors ${p.httpErrors}\n` : `  ${s.kind}: ${p.error}\n`);
        if (!p.ok || p.lost || p.httpErrors) failures.push(`scale ${scale} push ${s.kind}: ${p.error ?? `${p.lost} frames lost, ${p.httpErrors} HTTP errors`}`);
        result.push.push(p);
      }
      seconds.push = secs(since);
    }

    if (!o.skipMixed && (!is10 || o.mixed10)) {
      since = t();
      for (const s of [servers.leida, servers.reference]) {
        process.stdout.write(`scale ${scale}: mixed load on ${s.kind} (${MIXED_DESCRIPTION})\n`);
        const m: MixedResult = await runMixed(s, pools, o.mixed);
        if (m.search.some((x) => x.bad) || (m.hold?.bad ?? 0)) failures.push(`scale ${scale} mixed ${s.kind}: bad answers`);
        result.mixed.push(m);
      }
      seconds.mixed = secs(since);
    }
  } finally {
    await stopServer(servers.leida);
    await stopServer(servers.reference);
  }
  return { result, endpoints };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  installCleanup();
  const startedAt = new Date().toISOString();
  const failures: string[] = [];
  const notes: string[] = [
    'One 2-core machine runs both servers, PostgreSQL (shared by both) and this driver: a server under test competes with PostgreSQL and the load generator for CPU, so req/s are the whole machine\'s capacity for that server, not the server\'s alone. Only one server is loaded at a time.',
    `Both servers use a pool of ${o.poolSize} connections (Leida: DB_POOL_SIZE; the reference: DB_POOL_SIZE/POOL_SIZE if it reads one, else its default) on the same database. Leida runs compiled (node dist/main.js) with DB_MIGRATE_ON_START=false, RATE_LIMIT_PER_MINUTE=0, SEED_ON_FIRST_RUN=false and the default LOG_LEVEL.`,
    'Each request is signed freshly (rand_str = md5(timestamp + token)) for a principal taken in rotation from a pool of up to 2 000 (see bench/load/pools.ts); tokens are derived from ids.',
    'getmsg "with messages" is measured as a pair per cycle on each connection: the rep sends one text to a quiet customer, then that customer fetches it (exactly 1 message, checked); the row counts both requests.',
    'Other load: CPU used during a run by everything except the server under test, PostgreSQL and the driver (other sessions\' builds and tests on the shared machine), in cores; runs with a high value are disturbed.',
    'CPU/request: utime+stime of the server process (from /proc) over the requests of the run; PG CPU/request: all postgres processes over the same requests.',
    'Writes (send endpoints, the pair, mixed load) accumulate during a run; a reused database is restored to its generated state at the start of each run (bench/load/generate.ts restoreGenerated).',
    `Mixed load: ${MIXED_DESCRIPTION}; autocannon overallRate (a per-connection per-second quota, bursty at 1 s granularity), ${o.mixed.connections} connections.`,
  ];
  const report: Report = {
    startedAt,
    finishedAt: '',
    commandLine: `npm run bench:load -- ${process.argv.slice(2).join(' ')}`.trim(),
    machine: await machine(),
    options: { ...o, resultsDir: undefined },
    endpoints: [],
    scales: [],
    failures,
    notes,
  };
  if (o.reference === 'leida' || !referenceAvailable()) {
    notes.unshift(`**The reference is a second Leida process** (${referenceAvailable() ? '--reference leida' : 'bench/reference/server.ts does not exist yet'}): ratios compare Leida with itself.`);
  }
  const since = t();
  buildLeida();
  const filter = (e: Endpoint) => !o.only.length || o.only.some((s) => e.id.includes(s) || e.title.includes(s));
  let endpoints: Endpoint[] = [];
  let fatal: Error | undefined;
  try {
    for (const scale of o.scales) {
      const r = await runScale(scale, o, filter, failures);
      report.scales.push(r.result);
      if (r.endpoints.length > endpoints.length) endpoints = r.endpoints;
    }
  } catch (error) {
    fatal = error as Error;
    failures.push(`run aborted: ${fatal.message}`);
  }
  report.endpoints = endpoints.map((e) => ({ id: e.id, title: e.title, goal: e.goal, note: e.note }));
  report.finishedAt = new Date().toISOString();
  const files = writeReport(o.resultsDir, report, endpoints);
  process.stdout.write(`\nreport: ${files.md}\n        ${files.json}\ntotal ${(secs(since) / 60).toFixed(1)} min\n`);
  if (fatal) throw fatal;
  // Exit 1 when something broke (a phase failed to run, wrong answers, lost pushes); the goals
  // (ratios, thresholds) are reported, never enforced.
  if (failures.length) {
    process.stderr.write(`\n${failures.length} problem(s):\n${failures.map((x) => `- ${x}`).join('\n')}\n`);
    process.exit(1);
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
