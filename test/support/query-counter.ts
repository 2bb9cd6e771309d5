import type { DataSource } from 'typeorm';

interface PgClientClass {
  prototype: { query: (...args: unknown[]) => unknown };
}

/**
 * Counts the SQL statements (database round trips) sent while `work` runs, on every connection
 * of the app's pool: TypeORM's queries and the plain ones (Sql) alike, since both go through
 * the pool's pg Client. Returns their texts, in order.
 */
export async function countQueries(ds: DataSource, work: () => Promise<unknown>): Promise<string[]> {
  const pool = (ds.driver as unknown as { master: { Client: PgClientClass } }).master;
  const proto = pool.Client.prototype;
  const original = proto.query;
  const seen: string[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [config] = args;
    seen.push(typeof config === 'string' ? config : String((config as { text?: string })?.text));
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return seen;
}
