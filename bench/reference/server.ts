/**
 * Raw Fastify + pg reference server for the load benchmark: the same endpoints, bytes and SQL
 * semantics as Leida (signature per request, tenancy checks, transactions, locks, read
 * positions, idempotency, counters, NOTIFY after commit), without the framework layers.
 *
 *   DATABASE_URL=postgres://… PORT=8100 npx ts-node --transpile-only bench/reference/server.ts
 *
 * Environment: DATABASE_URL, PORT (8100), DB_POOL_SIZE (10), SIGNATURE_MAX_SKEW_SECONDS (300),
 * BUSINESS_TIMEZONE (Asia/Shanghai), RADAR_DEDUPE_SECONDS (10), PRINCIPAL_CACHE_SECONDS (5, as Leida). The schema is Leida's: run
 * Leida's migrations first (this server never migrates).
 */
import { randomUUID } from 'node:crypto';
import Fastify, { FastifyInstance } from 'fastify';
import { Pool, types } from 'pg';
import { PrincipalCache } from '../../src/common/auth/principal-cache';
import { BODY_LIMIT_BYTES, registerBodyParsers } from '../../src/common/http/body-parsers';
import { Realtime } from './realtime';
import { Answer, authenticate, RefClock, registerRoutes, RouteContext } from './routes';

export interface ReferenceServerOptions {
  databaseUrl: string;
  poolSize?: number;
  signatureMaxSkewSeconds?: number;
  timeZone?: string;
  radarDedupeSeconds?: number;
  /** Like Leida's PRINCIPAL_CACHE_SECONDS (default 5); 0 looks the principal up on every request. */
  principalCacheSeconds?: number;
}

/**
 * Leida's type parsers (data-source-options.ts), scoped to this server's connections instead
 * of pg's global registry: int8 as a number, `date` as its 'YYYY-MM-DD' text.
 */
const INT8 = 20;
const DATE = 1082;
const parseInt8 = (value: string) => Number.parseInt(value, 10);
const keepText = (value: string) => value;
const typeOverrides = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return parseInt8;
    if (oid === DATE) return keepText;
    return types.getTypeParser(oid, format as 'text');
  }) as typeof types.getTypeParser,
};

const envInt = (name: string, fallback: number) => {
  const raw = process.env[name];
  return raw === undefined || raw === '' ? fallback : Number(raw);
};

export async function buildReferenceServer(opts: ReferenceServerOptions): Promise<FastifyInstance> {
  const clientConfig = { connectionString: opts.databaseUrl, types: typeOverrides };
  const pool = new Pool({ ...clientConfig, max: opts.poolSize ?? envInt('DB_POOL_SIZE', 10), connectionTimeoutMillis: 10_000 });
  // An idle client's error (e.g. the server restarted) must not crash the process.
  pool.on('error', () => undefined);
  const ctx: RouteContext = {
    pool,
    principals: new PrincipalCache((opts.principalCacheSeconds ?? envInt('PRINCIPAL_CACHE_SECONDS', 5)) * 1000),
    clock: new RefClock(opts.timeZone ?? (process.env.BUSINESS_TIMEZONE || 'Asia/Shanghai')),
    signatureMaxSkewSeconds: opts.signatureMaxSkewSeconds ?? envInt('SIGNATURE_MAX_SKEW_SECONDS', 300),
    radarDedupeSeconds: opts.radarDedupeSeconds ?? envInt('RADAR_DEDUPE_SECONDS', 10),
  };

  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES, return503OnClosing: true });
  // Leida's body parsing (JSON and forms, malformed → the route's validation envelope).
  registerBodyParsers(app);

  app.setNotFoundHandler((_request, reply) => {
    void reply.send({ code: 404, msg: '接口不存在', data: {} });
  });
  // The one mapping from anything thrown to the envelope (error-response.ts), HTTP 200 for handled outcomes.
  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof Answer) return reply.status(error.status).send(error.body);
    const code = (error as { code?: unknown }).code;
    const status = (error as { statusCode?: unknown }).statusCode;
    const style = request.url.includes('/query_num/0') ? 302 : 402;
    if (typeof code === 'string' && code.startsWith('22') && !(typeof status === 'number')) {
      // A data exception from PostgreSQL: input validation let bad input through.
      return reply.send({ code: style, msg: '请求异常', data: { body: [{ message: '请输入有效的值。', code: 'invalid' }] } });
    }
    if (status === 413) return reply.status(413).send({ code: 413, msg: '请求体过大', data: {} });
    if (status === 404 || status === 405) return reply.send({ code: 404, msg: '接口不存在', data: {} });
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return reply.send({ code: 402, msg: '请求异常', data: { body: [{ message: '请求格式错误。', code: 'invalid' }] } });
    }
    const errorId = randomUUID();
    process.stderr.write(`reference server error ${errorId}: ${(error as Error)?.stack ?? String(error)}\n`);
    return reply.status(500).send({ code: 500, msg: '服务器内部错误', data: { error_id: errorId } });
  });

  registerRoutes(app, ctx);

  const realtime = new Realtime(clientConfig, async (role, query) => {
    const result = await authenticate(ctx, role, query);
    return typeof result === 'string' ? { ok: false, reason: result } : { ok: true, ...result };
  }, (key) => (key === null ? ctx.principals.clear() : ctx.principals.invalidate(key)));
  await realtime.start(app.server);
  app.addHook('onClose', async () => {
    await realtime.close();
    await pool.end();
  });
  await app.ready();
  return app;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  const app = await buildReferenceServer({ databaseUrl });
  const port = envInt('PORT', 8100);
  await app.listen({ port, host: '127.0.0.1' });
  process.stdout.write(`reference server on http://127.0.0.1:${port}\n`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  });
}
