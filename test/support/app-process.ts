import { ChildProcess, spawn } from 'node:child_process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How to start the server: from source (ts-node, as `npm start` would) or the build (`npm run start:prod`). */
export const FROM_SOURCE = ['node_modules/ts-node/dist/bin.js', '--transpile-only', 'src/main.ts'];
export const FROM_BUILD = ['dist/main.js'];

/** One app instance as a child process on a fixed port (restartable on the same port). */
export class AppProcess {
  private child?: ChildProcess;
  private log = '';
  constructor(
    readonly name: string,
    readonly port: number,
    private readonly databaseUrl: string,
    private readonly entry: string[] = FROM_SOURCE,
    private readonly env: Record<string, string> = {},
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, this.entry, {
      env: {
        ...process.env,
        DATABASE_URL: this.databaseUrl,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DB_MIGRATE_ON_START: 'false',
        SEED_ON_FIRST_RUN: 'false',
        RATE_LIMIT_PER_MINUTE: '0',
        LOG_LEVEL: 'warn',
        DB_POOL_SIZE: '5',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d) => (this.log = (this.log + d).slice(-4000)));
    this.child.stderr!.on('data', (d) => (this.log = (this.log + d).slice(-4000)));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited at start:\n${this.log}`);
      try {
        if ((await fetch(`${this.base}/health`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
    throw new Error(`${this.name} did not become healthy:\n${this.log}`);
  }

  /** As a crash or an OOM kill would: no shutdown hooks, no close frames. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  }
}
