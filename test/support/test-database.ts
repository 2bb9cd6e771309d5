import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Set by .ci/run: the end-to-end tests must run against a real PostgreSQL, never the fallback. */
export const REQUIRE_POSTGRES_FLAG = 'LEIDA_TEST_REQUIRE_POSTGRES';

export interface TestDatabase {
  url: string;
  mode: 'postgres' | 'pglite';
  drop(): Promise<void>;
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function migrate(url: string): Promise<void> {
  const ds = new DataSource(buildDataSourceOptions({ url, poolSize: 2 }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  // Id blocks for test files, so tests sharing the run's database never collide.
  await ds.query('CREATE SEQUENCE IF NOT EXISTS leida_test_id_blocks START 1');
  // Rows created through the API (tags, messages...) take ids far from the small explicit ids
  // of the demo fixture (1, 2, ...), which several test files load, whatever the file order.
  const identities: { table_name: string; column_name: string }[] = await ds.query(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'`,
  );
  for (const { table_name, column_name } of identities) {
    await ds.query(`ALTER TABLE "${table_name}" ALTER COLUMN "${column_name}" RESTART WITH 500000`);
  }
  await ds.destroy();
}

/** A fresh, migrated database for this test run: a new database on PostgreSQL, or PGlite. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  if (await reachable(adminUrl)) {
    const name = `leida_test_${Date.now()}_${process.pid}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = withDatabase(adminUrl, name);
    await migrate(url);
    return {
      url,
      mode: 'postgres',
      drop: async () => {
        const c = new Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  if (process.env[REQUIRE_POSTGRES_FLAG] === 'true') {
    throw new Error(`no PostgreSQL reachable at ${adminUrl} and ${REQUIRE_POSTGRES_FLAG}=true forbids the embedded fallback`);
  }
  const embedded = await startEmbeddedPostgres(undefined, 60);
  await migrate(embedded.url);
  process.stdout.write(`\n[leida tests] no PostgreSQL reachable at ${adminUrl}: running end-to-end tests on embedded PGlite\n`);
  return { url: embedded.url, mode: 'pglite', drop: () => embedded.close() };
}
