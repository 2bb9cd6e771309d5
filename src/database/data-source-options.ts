import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

// Ids and counts are bigint in places; every value Leida stores fits in a JS number.
types.setTypeParser(types.builtins.INT8, (value) => Number.parseInt(value, 10));
// `date` columns are calendar dates: keep them as 'YYYY-MM-DD' instead of a local-midnight Date.
types.setTypeParser(types.builtins.DATE, (value) => value);

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  entities?: DataSourceOptions['entities'];
}

/** The one definition of the TypeORM connection, used by the app, the CLI and the tests. */
export function buildDataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 },
  } as DataSourceOptions;
}
