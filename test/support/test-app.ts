import { randomBytes } from 'node:crypto';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { signQuery } from '../../src/common/auth/signature';
import { AppConfig, validateEnv } from '../../src/config/app-config';
import { EMBEDDED_POOL_SIZE } from '../../src/database/resolve-database';
import { FixtureImporter } from '../../src/modules/seed/fixture-importer.service';
import { committedContract } from './openapi-contract';

export interface Signer {
  id: number;
  token: string;
}

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Record<string, unknown>;
  text: string;
}

export type BodyEncoding = 'form' | 'json';

/** True when the run's database is a real PostgreSQL server (not the PGlite fallback). */
export const onRealPostgres = () => process.env.LEIDA_TEST_DB_MODE === 'postgres';

/** `it` that runs only on a real PostgreSQL, printing why it was skipped otherwise. */
export function itOnPostgres(name: string, fn: () => Promise<void>, timeout?: number): void {
  if (onRealPostgres()) {
    it(name, fn, timeout);
  } else {
    process.stdout.write(`[leida tests] skipped "${name}": needs a real PostgreSQL server (running on PGlite)\n`);
    it.skip(`${name} (needs a real PostgreSQL server)`, fn);
  }
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  // On PGlite, one connection like the embedded server (see EMBEDDED_POOL_SIZE).
  const dbPoolSize = onRealPostgres() ? 5 : EMBEDDED_POOL_SIZE;
  // The credential cache learns of changes through NOTIFY, which does not cross PGlite's socket
  // connections: tests that change credentials with SQL would wait out its TTL there.
  const principalCacheSeconds = onRealPostgres() ? 5 : 0;
  return { ...validateEnv({}), logLevel: 'silent', migrateOnStart: false, dbPoolSize, rateLimitPerMinute: 0, principalCacheSeconds, ...overrides };
}

export const randomToken = () => randomBytes(16).toString('hex');

/** Encodes a body the way a legacy form post does: structured values become JSON strings. */
export function formEncode(body: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) {
    if (v === undefined) continue;
    params.append(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  return params.toString();
}

/** One app instance on the run's test database, with signed request helpers. */
export class TestApp {
  private constructor(readonly app: NestFastifyApplication) {}

  static async start(
    overrides: Partial<AppConfig> = {},
    extraModules: Type[] = [],
    logDestination?: DestinationStream,
    /** Another database than the run's shared one (a test that needs ids no other test uses). */
    databaseUrl?: string,
  ): Promise<TestApp> {
    const url = databaseUrl ?? process.env.LEIDA_TEST_DATABASE_URL;
    if (!url) throw new Error('LEIDA_TEST_DATABASE_URL is not set: run the e2e tests through jest (global setup)');
    // On a real server the app gets databaseUrl like production, so realtime events go through
    // LISTEN/NOTIFY (PgNotifyEventBus); on PGlite they stay in process (LocalEventBus).
    const config = testConfig({ databaseUrl: onRealPostgres() ? url : undefined, ...overrides });
    const app = await createApp({ config, databaseUrl: url, extraModules, logDestination });
    return new TestApp(app);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  /** Reserves a block of 1000 ids no other test in this run uses. */
  async idBlock(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT nextval('leida_test_id_blocks') AS n`);
    return 1_000_000 + Number(row.n) * 1000;
  }

  importFixture(fixture: unknown) {
    return this.app.get(FixtureImporter).import(fixture);
  }

  async request(method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'OPTIONS', url: string, options: { body?: unknown; encoding?: BodyEncoding; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    let payload: string | undefined;
    if (options.body !== undefined) {
      if (typeof options.body === 'string') {
        payload = options.body;
      } else if (options.encoding === 'json') {
        payload = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      } else {
        payload = formEncode(options.body as Record<string, unknown>);
        headers['content-type'] ??= 'application/x-www-form-urlencoded';
      }
    }
    const res = await this.app.inject({ method, url, payload, headers });
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      body = undefined;
    }
    // Every answer of a documented operation must match docs/openapi.json (issue 11).
    committedContract().check(method, url, res.statusCode, res.headers['content-type'] as string | undefined, body);
    return { status: res.statusCode, body, headers: res.headers, text: res.body };
  }

  /** GET `path` signed by `who`, with extra query parameters. */
  get(path: string, who: Signer, query: Record<string, string | number> = {}): Promise<Reply> {
    return this.request('GET', signedUrl(path, who, query));
  }

  /** POST `path` signed by `who`; the body is form-encoded unless encoding is 'json'. */
  post(path: string, who: Signer, body: Record<string, unknown> | string, encoding: BodyEncoding = 'form', query: Record<string, string | number> = {}): Promise<Reply> {
    return this.request('POST', signedUrl(path, who, query), { body, encoding });
  }

  /** Listens on a free loopback port (for WebSocket tests); returns `host:port`. */
  async listen(): Promise<string> {
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    const address = this.app.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    return `127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

export function signedUrl(path: string, who: Signer, query: Record<string, string | number> = {}, timestampMs = Date.now()): string {
  const extra = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return `${path}?${signQuery(who.id, who.token, timestampMs)}${extra ? `&${extra}` : ''}`;
}
