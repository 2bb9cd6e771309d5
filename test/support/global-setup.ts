import { createTestDatabase } from './test-database';

export default async function globalSetup(): Promise<void> {
  const db = await createTestDatabase();
  process.env.LEIDA_TEST_DATABASE_URL = db.url;
  process.env.LEIDA_TEST_DB_MODE = db.mode;
  (globalThis as Record<string, unknown>).__leidaTestDatabase = db;
}
