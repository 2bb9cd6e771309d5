import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  /** The configuration to run with (the pool size is adjusted in embedded mode). */
  config: AppConfig;
  /** Present in embedded mode: close it after the app. */
  embedded?: EmbeddedPostgres;
}

/**
 * PGlite is one PostgreSQL backend: every socket connection shares its single session, so
 * statements from two connections interleave (seen as "unnamed prepared statement does not
 * exist" and wrong answers under concurrent requests). In embedded mode the app therefore uses
 * one pooled connection; concurrent requests queue for it, as they would for one backend.
 */
export const EMBEDDED_POOL_SIZE = 1;

/** DATABASE_URL when set; otherwise the embedded PostgreSQL persisted under DATA_DIR. */
export async function resolveDatabase(config: AppConfig): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, config };
  // A few spare socket connections: a pool replacing a broken connection must not be refused.
  const embedded = await startEmbeddedPostgres(join(config.dataDir), EMBEDDED_POOL_SIZE + 4);
  return { url: embedded.url, config: { ...config, dbPoolSize: EMBEDDED_POOL_SIZE }, embedded };
}
