import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs an operator command (src/cli/<name>.ts) against the run's test database. */
export async function runCli(name: string, args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['node_modules/ts-node/dist/bin.js', '--transpile-only', `src/cli/${name}.ts`, ...args], {
      env: { ...process.env, DATABASE_URL: process.env.LEIDA_TEST_DATABASE_URL, LOG_LEVEL: 'warn' },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
