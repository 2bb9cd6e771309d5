import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError, lockDataDir } from '../../src/database/embedded-postgres';

/**
 * What a fresh clone does with no PostgreSQL: the server starts on embedded PGlite under
 * DATA_DIR, loads the demo data on the first run and prints signed URLs, refuses a second
 * process on the same directory, and shuts down cleanly on SIGTERM.
 */
interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(dataDir: string, port: number): Running {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['node_modules/ts-node/dist/bin.js', '--transpile-only', 'src/main.ts'], { env });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(predicate: () => boolean, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start without PostgreSQL (embedded PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'leida-data-'));
  const port = 18000 + (process.pid % 1000);

  it('guards a data directory against a second process and takes over a stale lock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leida-lock-'));
    const unlock = lockDataDir(dir);
    // Our own pid holds it; a lock by another live process is refused.
    writeFileSync(join(dir, 'leida.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    // A lock left by a dead process is taken over.
    writeFileSync(join(dir, 'leida.lock'), '999999');
    const again = lockDataDir(dir);
    again();
    unlock();
    expect(existsSync(join(dir, 'leida.lock'))).toBe(false);
  });

  it('starts, loads demo data on first run, answers a signed request, and stops cleanly on SIGTERM', async () => {
    const server = startServer(dataDir, port);
    try {
      await waitFor(() => server.output().includes('Leida first run: demo data loaded.'), 'the first-run banner');
      const out = server.output();
      expect(out).toContain(`http://127.0.0.1:${port}/docs`);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(await health.json()).toEqual({ code: 200, msg: 'ok', data: { status: 'ok', database: 'up' } });

      // The printed signed URL works (rep 1 of the demo company).
      const signed = /(http:\/\/127\.0\.0\.1:\d+\/zhugeleida\/qiyeweixin\/\S+)/.exec(out)![1];
      const reply = (await (await fetch(signed)).json()) as { code: number };
      expect(reply.code).toBe(200);

      // Concurrent requests (reads, chat sends, polls) all succeed on the single embedded backend.
      const query = new URL(signed).search.slice(1);
      const customerUrl = /(http:\/\/127\.0\.0\.1:\d+\/zhugeleida\/gongzhonghao\/\S+)/.exec(out)![1];
      const customerQuery = new URL(customerUrl).search.slice(1).replace(/&u_id=\d+/, '');
      const base = `http://127.0.0.1:${port}`;
      const burst = await Promise.all(
        Array.from({ length: 20 }, (_, i) => [
          fetch(`${base}/zhugeleida/qiyeweixin/tongxunlu?${query}`),
          fetch(`${base}/zhugeleida/qiyeweixin/chat/getmsg/0?${query}&customer_id=1`),
          fetch(`${base}/zhugeleida/gongzhonghao/chat/send_msg/0?${customerQuery}`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: `u_id=1&content=${encodeURIComponent(JSON.stringify({ info_type: 1, msg: `burst ${i}` }))}`,
          }),
        ]).flat(),
      );
      const codes = await Promise.all(burst.map(async (r) => ((await r.json()) as { code: number }).code));
      expect(codes.filter((c) => c !== 200)).toEqual([]);

      // A second process on the same directory is refused with a clear message.
      const second = startServer(dataDir, port + 1);
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain('is in use by process');

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(existsSync(join(dataDir, 'leida.lock'))).toBe(false);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 120_000);

  it('keeps the data across a restart and does not reload the demo', async () => {
    const server = startServer(dataDir, port + 2);
    try {
      await waitFor(() => server.output().includes('Leida listening'), 'the server to listen');
      expect(server.output()).not.toContain('first run');
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 120_000);
});
