/**
 * npm run bench:embedded — the polling endpoints on the embedded database (PGlite, what
 * `npm start` runs without DATABASE_URL) next to the same build on PostgreSQL, in one run, on
 * the demo company (issue 9: "embedded mode keeps working; report its numbers").
 *
 * Needs `npm run build` first (dist/) and a PostgreSQL for the comparison (BENCH_DATABASE_URL,
 * else TEST_DATABASE_URL, else the local default); a scratch database is created and dropped.
 * Each endpoint runs DURATION seconds per mode, modes alternating, after a short warm-up.
 * Only 127.0.0.1 is contacted.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { signQuery } from '../src/common/auth/signature';
import { DEMO_FIXTURE } from '../src/modules/seed/demo-fixture';

// autocannon ships no types: the little used here is typed below.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: object, done: (err: Error | null, result: CannonResult) => void) => unknown;

interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

interface Principal {
  id: number;
  token: string;
}

const ADMIN = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 8);
const DB = `leida_embedded_cmp_${process.pid}`;

const demo = DEMO_FIXTURE as { reps: Principal[]; customers: Principal[]; relations: { rep_id: number; customer_id: number }[] };
const rep = demo.reps[0];
const customers = demo.customers.filter((c) => demo.relations.some((r) => r.rep_id === rep.id && r.customer_id === c.id));

const ENDPOINTS: Array<{ id: string; path: () => string }> = [
  { id: 'cust.query_num', path: rotate((c) => `/zhugeleida/gongzhonghao/chat/query_num/0?${signQuery(c.id, c.token)}&u_id=${rep.id}`) },
  { id: 'cust.getmsg.empty', path: rotate((c) => `/zhugeleida/gongzhonghao/chat/getmsg/0?${signQuery(c.id, c.token)}&u_id=${rep.id}`) },
  { id: 'rep.contact.query_num', path: () => `/zhugeleida/qiyeweixin/contact/query_num?${signQuery(rep.id, rep.token)}` },
];

function rotate(make: (c: Principal) => string): () => string {
  let i = 0;
  return () => make(customers[i++ % customers.length]);
}

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function ready(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/zhugeleida/qiyeweixin/contact/query_num?${signQuery(rep.id, rep.token)}`);
      if (((await res.json()) as { code?: number }).code === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become ready');
}

function start(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['dist/main.js'], {
    env: { ...process.env, PORT: String(port), RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function run(port: number, path: () => string, seconds: number): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: seconds, requests: [{ setupRequest: (r: object) => ({ ...r, path: path() }) }] },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'leida-embedded-'));
  await admin(`CREATE DATABASE ${DB}`);
  const url = new URL(ADMIN);
  url.pathname = `/${DB}`;
  const children: ChildProcess[] = [];
  const stopAll = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
  process.on('exit', stopAll);
  try {
    // The same demo company in both: embedded loads it on first start, PostgreSQL through the seed CLI.
    const migrate = spawnSync(process.execPath, ['node_modules/.bin/ts-node', '--transpile-only', 'src/cli/seed.ts'], {
      env: { ...process.env, DATABASE_URL: url.toString() },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (migrate.status !== 0) throw new Error('seeding the PostgreSQL database failed');
    const modes = [
      { name: 'embedded (PGlite)', port: 8311, child: start(8311, { DATA_DIR: dataDir, SEED_ON_FIRST_RUN: 'true' }) },
      { name: 'PostgreSQL', port: 8312, child: start(8312, { DATABASE_URL: url.toString() }) },
    ];
    children.push(...modes.map((m) => m.child));
    for (const m of modes) await ready(m.port, m.child);

    const rows: string[] = [];
    for (const e of ENDPOINTS) {
      const results: Record<string, CannonResult> = {};
      for (const [i, m] of (ENDPOINTS.indexOf(e) % 2 ? [...modes].reverse() : modes).entries()) {
        await run(m.port, e.path, 2); // warm-up
        results[m.name] = await run(m.port, e.path, DURATION);
        void i;
      }
      const [emb, pg] = [results[modes[0].name], results[modes[1].name]];
      const line = `| ${e.id} | ${emb.requests.average.toFixed(0)} | ${emb.latency.p50} / ${emb.latency.p99} | ${pg.requests.average.toFixed(0)} | ${pg.latency.p50} / ${pg.latency.p99} | ${(emb.requests.average / pg.requests.average).toFixed(2)} | ${emb.non2xx + emb.errors} / ${pg.non2xx + pg.errors} |`;
      rows.push(line);
      process.stdout.write(`${line}\n`);
    }
    const report = [
      `# Embedded mode (PGlite) vs PostgreSQL, same build, same demo data (${new Date().toISOString()})`,
      '',
      `\`npm run bench:embedded\` — ${CONNECTIONS} connections, ${DURATION} s per endpoint and mode, after a 2 s warm-up.`,
      '',
      '| endpoint | embedded req/s | embedded p50 / p99 ms | PostgreSQL req/s | PostgreSQL p50 / p99 ms | embedded ÷ PostgreSQL | errors E / P |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
    mkdirSync('bench/results', { recursive: true });
    const file = `bench/results/embedded-${new Date().toISOString().replace(/[:.]/g, '-')}.md`;
    writeFileSync(file, report);
    process.stdout.write(`report: ${file}\n`);
    const failed = rows.some((r) => !r.endsWith('| 0 / 0 |'));
    if (failed) process.exitCode = 1;
  } finally {
    stopAll();
    await new Promise((r) => setTimeout(r, 1500));
    rmSync(dataDir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  }
}

main().catch((error) => {
  process.stderr.write(`bench:embedded failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
