/**
 * A/B of two servers on a few endpoints, for "before and after" of one change:
 *
 *   npx ts-node --transpile-only bench/load/ab.ts --b /path/to/other/checkout --only cust.query_num
 *   npx ts-node --transpile-only bench/load/ab.ts --b reference --only cust.getmsg.empty --rounds 6
 *   npx ts-node --transpile-only bench/load/ab.ts --b here --b-env DIRECT_GET_ROUTES=false
 *
 * A is this checkout's Leida (built here first); B is another checkout's built Leida (its
 * dist/main.js; build it there), `here` (this build again, e.g. with --b-env settings) or
 * `reference`. Both serve the scale's database (generated if
 * missing). Every round runs each endpoint in ABBA slices, so slow drift of the machine falls
 * on both; it prints req/s and server CPU per request of each, and the B/A ratios.
 */
import { ensureDatabase, restoreGenerated } from './generate';
import { runEndpoint, RunResult } from './cannon';
import { makeEndpoints } from './endpoints';
import { loadPools } from './pools';
import { buildLeida, freePort, installCleanup, readyProbe, ServerHandle, startServer, stopServer } from './servers';
import { mergeRuns, sliceSchedule } from './slices';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  installCleanup();
  const scale = Number(arg('scale', '1'));
  const only = arg('only', 'cust.query_num').split(',');
  const rounds = Number(arg('rounds', '4'));
  const seconds = Number(arg('duration', '10'));
  const slice = Number(arg('slice', '2'));
  const connections = Number(arg('connections', '32'));
  const b = arg('b', 'reference');
  const bEnv = Object.fromEntries(arg('b-env', '').split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  if (process.argv.includes('--no-build')) process.stdout.write('not building A\n');
  else buildLeida();
  const database = await ensureDatabase(scale, {});
  if (database.reused) await restoreGenerated(database.url);
  const endpoints = makeEndpoints(await loadPools(database.url)).filter((e) => only.some((o) => e.id === o));
  const start = async (which: 'a' | 'b'): Promise<ServerHandle> => {
    const common = { port: await freePort(), databaseUrl: database.url, poolSize: 10, readyPath: readyProbe };
    if (which === 'a') return startServer({ ...common, kind: 'leida' });
    if (b === 'reference') return startServer({ ...common, kind: 'reference', env: bEnv });
    return startServer({ ...common, kind: 'reference', referenceIsLeida: true, leidaRoot: b === 'here' ? undefined : b, env: bEnv });
  };
  // --b-first: start B before A (the start order may matter: see docs/benchmarks.md).
  const servers = process.argv.includes('--b-first') ? await (async () => { const b = await start('b'); return { a: await start('a'), b }; })() : { a: await start('a'), b: await start('b') };
  const label = { a: 'A (here)', b: `B (${b}${Object.keys(bEnv).length ? ` ${JSON.stringify(bEnv)}` : ''})` };
  try {
    for (const e of endpoints) for (const s of [servers.a, servers.b]) await runEndpoint(s, e, { connections, durationSec: 3 });
    for (const e of endpoints) {
      const all: Record<'a' | 'b', RunResult[]> = { a: [], b: [] };
      for (let round = 1; round <= rounds; round++) {
        const order: ('a' | 'b')[] = round % 2 ? ['a', 'b'] : ['b', 'a'];
        const slices: Record<'a' | 'b', RunResult[]> = { a: [], b: [] };
        for (const { server, seconds: s } of sliceSchedule(order, seconds, slice)) slices[server].push(await runEndpoint(servers[server], e, { connections, durationSec: s }));
        const m = { a: mergeRuns(slices.a), b: mergeRuns(slices.b) };
        all.a.push(m.a);
        all.b.push(m.b);
        process.stdout.write(`${e.id} r${round}: A ${m.a.rps.toFixed(0)} req/s ${(m.a.cpuMsPerReq * 1000).toFixed(0)} µs/req | B ${m.b.rps.toFixed(0)} req/s ${(m.b.cpuMsPerReq * 1000).toFixed(0)} µs/req | A/B req/s ${(m.a.rps / m.b.rps).toFixed(3)}\n`);
      }
      const t = { a: mergeRuns(all.a), b: mergeRuns(all.b) };
      process.stdout.write(`${e.id} all: ${label.a} ${t.a.rps.toFixed(0)} req/s ${(t.a.cpuMsPerReq * 1000).toFixed(1)} µs/req p99 ${t.a.latency.p99.toFixed(1)} | ${label.b} ${t.b.rps.toFixed(0)} req/s ${(t.b.cpuMsPerReq * 1000).toFixed(1)} µs/req p99 ${t.b.latency.p99.toFixed(1)} | A/B req/s ${(t.a.rps / t.b.rps).toFixed(3)}, CPU/req ${(t.a.cpuMsPerReq / t.b.cpuMsPerReq).toFixed(3)}\n`);
    }
  } finally {
    await stopServer(servers.a);
    await stopServer(servers.b);
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
