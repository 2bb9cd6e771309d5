/**
 * Two apps in one process, the same requests alternately: CPU per request through the direct
 * GET routes and through Nest's pipeline (DIRECT_GET_ROUTES=false). One process, so whatever
 * makes one Node process slower than another (seen on the 2-core machines) falls on both.
 *
 *   npx ts-node --transpile-only bench/in-process-ab.ts [--db leida_load_1] [--rounds 12] [--n 2000]
 */
import 'reflect-metadata';
import { Session } from 'node:inspector';
import { createApp } from '../src/app.factory';
import { AppConfig, validateEnv } from '../src/config/app-config';
import { sign } from './load/config';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};

async function main(): Promise<void> {
  const url = `postgres://postgres@127.0.0.1:5432/${arg('db', 'leida_load_1')}`;
  const rounds = Number(arg('rounds', '12'));
  const n = Number(arg('n', '2000'));
  const base: AppConfig = { ...validateEnv({ DATABASE_URL: url }), logLevel: 'warn', migrateOnStart: false, rateLimitPerMinute: 0 };
  const apps = {
    direct: await createApp({ config: { ...base, directGetRoutes: true }, databaseUrl: url }),
    nest: await createApp({ config: { ...base, directGetRoutes: false }, databaseUrl: url }),
  };
  const urls = [
    (c: number) => `/zhugeleida/gongzhonghao/chat/query_num/0?${sign('customer', c)}&u_id=1`,
    (c: number) => `/zhugeleida/gongzhonghao/chat/getmsg/0?${sign('customer', c)}&u_id=1`,
    () => `/zhugeleida/qiyeweixin/contact/query_num?${sign('rep', 1)}`,
  ];
  // Customers 501..600 are the big rep's (rep 1) in the generated data.
  const run = async (which: keyof typeof apps) => {
    const app = apps[which];
    const t0 = process.cpuUsage();
    for (let i = 0; i < n; i += 16) {
      await Promise.all(Array.from({ length: 16 }, (_, k) => app.inject({ method: 'GET', url: urls[(i + k) % 3](501 + ((i + k) % 100)) })));
    }
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / n;
  };
  for (const w of ['direct', 'nest'] as const) await run(w);
  const results = { direct: [] as number[], nest: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? (['nest', 'direct'] as const) : (['direct', 'nest'] as const);
    for (const w of order) results[w].push(await run(w));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratios = results.direct.map((d, i) => d / results.nest[i]);
  // Bytes allocated per request (V8's sampling heap profiler, objects already collected included).
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<any>((res, rej) => session.post(method, params ?? {}, (e, r) => (e ? rej(e) : res(r)))); // eslint-disable-line @typescript-eslint/no-explicit-any
  await post('HeapProfiler.enable');
  const allocated: Record<string, number> = {};
  for (const w of ['direct', 'nest'] as const) {
    await post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
    await run(w);
    const { profile } = await post('HeapProfiler.stopSampling');
    const sum = (node: { selfSize: number; children: unknown[] }): number => node.selfSize + node.children.reduce((s: number, c) => s + sum(c as never), 0);
    allocated[w] = sum(profile.head) / n;
  }
  process.stdout.write(`allocated per request (inject included): direct ${(allocated.direct / 1024).toFixed(1)} KB, nest ${(allocated.nest / 1024).toFixed(1)} KB\n`);
  for (const w of ['direct', 'nest'] as const) process.stdout.write(`${w.padEnd(6)} µs/request: ${results[w].map((x) => x.toFixed(0)).join(' ')}  median ${median(results[w]).toFixed(1)}\n`);
  process.stdout.write(`direct/nest per round: ${ratios.map((x) => x.toFixed(2)).join(' ')}  median ${median(ratios).toFixed(3)}\n`);
  await apps.direct.close();
  await apps.nest.close();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
