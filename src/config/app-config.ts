/**
 * The service's configuration, read once from the environment and validated at start.
 * A bad value stops the process with a message naming the variable (see validateEnv).
 */
export interface AppConfig {
  port: number;
  /** Interface to listen on: 0.0.0.0 with DATABASE_URL (a deployment), else 127.0.0.1 (the embedded demo). */
  host: string;
  /**
   * Serve /console/demo-principals.json (the demo tokens, to prefill the QA console): on by
   * default in embedded mode only, where those demo principals are what the database holds.
   */
  serveDemoPrincipals: boolean;
  /** Unset means: run on the embedded PostgreSQL (PGlite) under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  dbPoolSize: number;
  migrateOnStart: boolean;
  /** 0 turns the signature freshness window off (legacy clients with wrong clocks). */
  signatureMaxSkewSeconds: number;
  businessTimezone: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Same action on the same target by the same customer within this window is stored once. */
  radarDedupeSeconds: number;
  /** Requests per minute per client IP before 429 `请求过于频繁`; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Load demo data on the first start of an empty embedded database. */
  seedOnFirstRun: boolean;
  /**
   * How long the signature guard may reuse a principal's credentials without reading them
   * again; 0 reads them on every request. Changes reach every instance at once through NOTIFY
   * (on PostgreSQL); this bounds staleness if a notification is ever missed.
   */
  principalCacheSeconds: number;
  /**
   * Which proxies may say who the client is (X-Forwarded-For), for the rate limit and the logs:
   * false (the default: the socket's address is the client), a hop count, or addresses/CIDRs.
   */
  trustProxy: false | number | string[];
  /** A request (headers and body) must arrive within this; a slower client gets 408 and is cut off. */
  requestTimeoutMs: number;
  /** The headers must arrive within this (at most requestTimeoutMs). */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this (above a load balancer's idle timeout). */
  keepAliveTimeoutMs: number;
  /** Open connections at most (HTTP and WebSocket); over it new ones are refused. 0: no cap. */
  maxConnections: number;
  /**
   * Browser origins allowed to call the API from another origin (CORS): exact origins, an origin
   * with `:*` for any port, or `*`. Empty (the default with DATABASE_URL): CORS off. The embedded
   * demo allows localhost front-end dev servers (http://localhost:* and http://127.0.0.1:*).
   */
  corsOrigins: string[];
  /**
   * Signed GETs run without Nest's per-request router plumbing, with the same guards, pipe and
   * filter (common/http/direct-routes.ts, issue 9). False puts them back on Nest's pipeline
   * (the answers are the same: test/foundation/direct-routes).
   */
  directGetRoutes: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/** TRUST_PROXY: unset or false; a hop count; or a comma-separated list of addresses/CIDRs. */
function trustProxy(env: Env): AppConfig['trustProxy'] {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (raw === '' || raw.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(raw)) return int(env, 'TRUST_PROXY', 0, 1, 10);
  const list = raw.split(',').map((x) => x.trim()).filter(Boolean);
  const address = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(\/\d{1,3})?$/i;
  const bad = list.find((x) => !address.test(x) && !['loopback', 'linklocal', 'uniquelocal'].includes(x));
  if (bad !== undefined || !list.length) {
    throw new ConfigError(`TRUST_PROXY must be false, a hop count (1-10) or a comma-separated list of addresses/CIDRs, got "${raw}"`);
  }
  return list;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function validateEnv(env: Env = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  const businessTimezone = env.BUSINESS_TIMEZONE?.trim() || 'Asia/Shanghai';
  if (!isValidTimeZone(businessTimezone)) {
    throw new ConfigError(`BUSINESS_TIMEZONE must be an IANA time zone such as Asia/Shanghai, got "${businessTimezone}"`);
  }
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const requestTimeoutMs = int(env, 'REQUEST_TIMEOUT_MS', 30_000, 1000, 600_000);
  return {
    port: int(env, 'PORT', 8000, 0, 65535),
    host: env.HOST?.trim() || (databaseUrl ? '0.0.0.0' : '127.0.0.1'),
    serveDemoPrincipals: bool(env, 'SERVE_DEMO_PRINCIPALS', !databaseUrl),
    databaseUrl,
    dataDir: env.DATA_DIR?.trim() || 'data',
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 200),
    migrateOnStart: bool(env, 'DB_MIGRATE_ON_START', true),
    signatureMaxSkewSeconds: int(env, 'SIGNATURE_MAX_SKEW_SECONDS', 300, 0, 10 * 365 * 86400),
    businessTimezone,
    logLevel,
    radarDedupeSeconds: int(env, 'RADAR_DEDUPE_SECONDS', 10, 0, 86400),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000),
    seedOnFirstRun: bool(env, 'SEED_ON_FIRST_RUN', true),
    principalCacheSeconds: int(env, 'PRINCIPAL_CACHE_SECONDS', 5, 0, 3600),
    directGetRoutes: bool(env, 'DIRECT_GET_ROUTES', true),
    trustProxy: trustProxy(env),
    requestTimeoutMs,
    headersTimeoutMs: Math.min(int(env, 'HEADERS_TIMEOUT_MS', 10_000, 1000, 600_000), requestTimeoutMs),
    keepAliveTimeoutMs: int(env, 'KEEP_ALIVE_TIMEOUT_MS', 72_000, 1000, 600_000),
    maxConnections: int(env, 'MAX_CONNECTIONS', 10_000, 0, 1_000_000),
    corsOrigins: corsOrigins(env, databaseUrl),
  };
}

const LOCAL_DEV_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];
const ORIGIN_PATTERN = /^https?:\/\/[a-z0-9.-]+(:(\d{1,5}|\*))?$/i;

/** CORS_ORIGINS: a comma-separated list; "off" or "" turns CORS off (see AppConfig.corsOrigins). */
function corsOrigins(env: Env, databaseUrl: string | undefined): string[] {
  const raw = env.CORS_ORIGINS;
  if (raw === undefined) return databaseUrl ? [] : LOCAL_DEV_ORIGINS;
  const list = raw.split(',').map((o) => o.trim()).filter(Boolean);
  if (list.length === 1 && list[0].toLowerCase() === 'off') return [];
  for (const origin of list) {
    if (origin !== '*' && !ORIGIN_PATTERN.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS must be "off", "*" or origins such as https://app.example.com or http://localhost:*, got "${origin}"`);
    }
  }
  return list;
}

/** Whether a request's Origin header is one of the allowed origins (exact, any port with `:*`, or `*`). */
export function corsOriginAllowed(allowed: string[], origin: string): boolean {
  return allowed.some((a) => a === '*' || a === origin || (a.endsWith(':*') && origin.startsWith(a.slice(0, -1)) && /^\d{1,5}$/.test(origin.slice(a.length - 1))));
}
