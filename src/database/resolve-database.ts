import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  /** Present in embedded mode: close it after the app. */
  embedded?: EmbeddedPostgres;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL persisted under DATA_DIR. */
export async function resolveDatabase(config: AppConfig): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  // Socket connections must cover the pool plus the CLI/realtime listener connections.
  const embedded = await startEmbeddedPostgres(join(config.dataDir), config.dbPoolSize + 5);
  return { url: embedded.url, embedded };
}
