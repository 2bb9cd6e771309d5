import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A free TCP port on loopback (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Where the server binaries are (Debian keeps them off PATH); '' = on PATH. */
async function binDir(): Promise<string> {
  try {
    return (await run('pg_config', ['--bindir'])).stdout.trim();
  } catch {
    return '';
  }
}

/**
 * A throwaway PostgreSQL cluster of the test's own (the installed initdb/pg_ctl), on its own
 * port and directory, so a test can restart or stop the server under the app. As root (CI), the
 * server runs as the `postgres` user, since PostgreSQL refuses to run as root.
 */
export class PgCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly asUser: string[],
    private readonly bin: string,
  ) {}

  static async start(): Promise<PgCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'leida-pg-'));
    const root = process.getuid?.() === 0;
    if (root) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
    const asUser = root ? ['runuser', '-u', 'postgres', '--'] : [];
    const cluster = new PgCluster(dir, await freePort(), asUser, await binDir());
    await cluster.exec('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    await cluster.ctl('start');
    return cluster;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** `fast` disconnects every client (as a restart or failover does); `immediate` is a crash. */
  async restart(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.ctl('stop', ['-m', mode]);
    await this.ctl('start');
  }

  async stop(): Promise<void> {
    await this.ctl('stop', ['-m', 'immediate']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async ctl(action: 'start' | 'stop', extra: string[] = []): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c max_connections=60`;
    await this.exec('pg_ctl', [action, '-D', join(this.dir, 'data'), '-w', '-t', '30', '-l', join(this.dir, 'log'), ...(action === 'start' ? ['-o', options] : []), ...extra]);
  }

  private async exec(command: string, args: string[]): Promise<void> {
    const [file, ...rest] = [...this.asUser, this.bin ? join(this.bin, command) : command, ...args];
    await run(file, rest, { timeout: 60_000 });
  }
}
