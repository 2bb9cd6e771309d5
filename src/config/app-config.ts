/**
 * The service's configuration, read once from the environment and validated at start.
 * A bad value stops the process with a message naming the variable (see validateEnv).
 */
export interface AppConfig {
  port: number;
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
  return {
    port: int(env, 'PORT', 8000, 0, 65535),
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
  };
}
