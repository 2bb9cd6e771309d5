/**
 * The two servers under test as child processes, and what the driver reads about them from
 * /proc (CPU time, RSS). Every child is registered so that it is killed however the driver
 * ends: normal exit, an error, Ctrl-C.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sign } from './config';

export const ROOT = resolve(__dirname, '..', '..');
export const REFERENCE_ENTRY = join(ROOT, 'bench', 'reference', 'server.ts');
export const LOG_DIR = join(tmpdir(), 'leida-bench-load');

const children = new Set<ChildProcess>();

/** Kill every child still running (synchronous: also usable from process.on('exit')). */
export function killAll(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
  }
}

let hooked = false;
/** Children die with the driver: on exit, on Ctrl-C / SIGTERM, on an uncaught error. */
export function installCleanup(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => killAll('SIGKILL'));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      process.stderr.write(`\n${sig}: stopping the servers\n`);
      killAll('SIGKILL');
      process.exit(130);
    });
  }
}

export type ServerKind = 'leida' | 'reference';

export interface ServerHandle {
  kind: ServerKind;
  /** The database it serves (to tell its PostgreSQL backends from other sessions'). */
  database: string;
  /** What actually runs (the reference may be a stand-in when bench/reference/server.ts is missing). */
  label: string;
  port: number;
  pid: number;
  logFile: string;
  child: ChildProcess;
}

/** `npm run build` once per driver run (Leida is measured compiled, as in production). */
export function buildLeida(): void {
  const t = Date.now();
  process.stdout.write('building Leida (npm run build)…\n');
  try {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`npm run build failed:\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
  }
  process.stdout.write(`built in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = connect({ port, host: '127.0.0.1' });
    s.once('connect', () => (s.destroy(), res(false)));
    s.once('error', () => res(true));
  });
}

export interface StartOptions {
  kind: ServerKind;
  port: number;
  databaseUrl: string;
  /** Run Leida in place of the reference (bench/reference/server.ts missing or --reference leida). */
  referenceIsLeida?: boolean;
  poolSize: number;
  /** Builds a signed URL path that must answer a code-200 envelope once the server is ready. */
  readyPath: () => string;
  /** Another checkout's built Leida to run instead of this one's (bench/load/ab.ts). */
  leidaRoot?: string;
  /** Extra environment for this server only (bench/load/ab.ts --b-env). */
  env?: Record<string, string>;
}

export async function startServer(o: StartOptions): Promise<ServerHandle> {
  if (!(await portFree(o.port))) throw new Error(`port ${o.port} is already in use (choose another --port-base, or leave it out to get free ports)`);
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${new Date().toISOString().replace(/[:.]/g, '-')}-${o.kind}-${o.port}.log`);
  const fd = openSync(logFile, 'a');
  const env = { ...process.env, DATABASE_URL: o.databaseUrl, PORT: String(o.port), NODE_ENV: 'production', ...o.env };
  let child: ChildProcess;
  let label: string;
  if (o.kind === 'leida' || o.referenceIsLeida) {
    // As the brief asks: no migrations at start, the per-IP rate limiter off (one client IP would
    // hit it), no demo seed; LOG_LEVEL left at its default.
    Object.assign(env, { DB_MIGRATE_ON_START: 'false', RATE_LIMIT_PER_MINUTE: '0', SEED_ON_FIRST_RUN: 'false', DB_POOL_SIZE: String(o.poolSize) });
    // LEIDA_BENCH_NODE_ARGS: extra node flags for Leida only (profiling: --cpu-prof --cpu-prof-dir=…).
    const nodeArgs = (process.env.LEIDA_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    child = spawn(process.execPath, [...nodeArgs, 'dist/main.js'], { cwd: o.leidaRoot ?? ROOT, env, stdio: ['ignore', fd, fd] });
    label = o.kind === 'leida' ? 'Leida (node dist/main.js)' : 'Leida as stand-in reference (bench/reference/server.ts missing or --reference leida)';
  } else {
    // ts-node's register hook in the server's own process (no wrapper process), so /proc/<pid>
    // is the server. DB_POOL_SIZE / POOL_SIZE: for a reference that reads a pool size from the
    // environment; its documented default is used otherwise.
    Object.assign(env, { DB_POOL_SIZE: String(o.poolSize), POOL_SIZE: String(o.poolSize), TS_NODE_TRANSPILE_ONLY: 'true' });
    // LEIDA_BENCH_REF_NODE_ARGS: the same for the reference (to profile both sides alike).
    const refArgs = (process.env.LEIDA_BENCH_REF_NODE_ARGS ?? '').split(' ').filter(Boolean);
    child = spawn(process.execPath, [...refArgs, '-r', 'ts-node/register/transpile-only', REFERENCE_ENTRY], { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
    label = 'reference (raw Fastify + pg, bench/reference/server.ts)';
  }
  children.add(child);
  child.once('exit', () => children.delete(child));
  const handle: ServerHandle = { kind: o.kind, database: new URL(o.databaseUrl).pathname.slice(1), label, port: o.port, pid: child.pid!, logFile, child };
  await waitReady(handle, o.readyPath);
  return handle;
}

/** Polls a signed request until it answers code 200 (bounded: 90 s). */
async function waitReady(s: ServerHandle, readyPath: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  let last = '';
  while (Date.now() < deadline) {
    if (s.child.exitCode !== null) throw new Error(`${s.label} exited with ${s.child.exitCode} during start; log: ${s.logFile}\n${tail(s.logFile)}`);
    try {
      const res = await fetch(`http://127.0.0.1:${s.port}${readyPath()}`);
      const body = await res.text();
      if (/^\{"code":200[,}]/.test(body)) return;
      last = `HTTP ${res.status} ${body.slice(0, 200)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${s.label} not ready after 90 s (last: ${last}); log: ${s.logFile}\n${tail(s.logFile)}`);
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export async function stopServer(s: ServerHandle): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise<void>((r) => s.child.once('exit', () => r()));
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of one process, in ms (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: split after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/**
 * CPU (ms) per PostgreSQL process that works for the benchmark: client backends connected to
 * `database` (other sessions' backends on the same server are other load, not ours) and the
 * server's own processes (checkpointer, WAL writer, autovacuum...). A map per pid, so that a
 * process ending between two snapshots does not make the difference negative.
 */
export function postgresCpu(database: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      // "postgres: 15/main: <user> <database> <host>(<port>) <state>" for a client backend.
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const client = /^postgres: [^:]+: (\S+) (\S+) (\S+\(\d+\)|\[local\])/.exec(title);
      if (client && client[2] !== database) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(entry), ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** CPU used between two snapshots by the processes alive at the second one. */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Resident set size in MB (VmRSS). */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

export function referenceAvailable(): boolean {
  return existsSync(REFERENCE_ENTRY);
}

/** A signed, cheap request that proves the server answers on the generated data. */
export const readyProbe = () => `/zhugeleida/qiyeweixin/contact/query_num?${sign('rep', 2)}`;

/**
 * Busy CPU of the whole machine (all cores) in ms, from /proc/stat: user + nice + system, the
 * time that is charged to processes (interrupt time is not, so it is left out).
 */
export function machineBusyMs(): number {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return ((f[0] + f[1] + f[2]) * 1000) / CLK_TCK;
  } catch {
    return NaN;
  }
}

/** A port nobody listens on right now (the kernel's choice), so parallel sessions do not collide. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}
