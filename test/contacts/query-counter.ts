import type { DataSource } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends while `work` runs (every query of every query runner
 * goes through the data source's logger), and returns them for inspection.
 */
export async function countQueries(ds: DataSource, work: () => Promise<unknown>): Promise<string[]> {
  const logger = ds.logger;
  const original = logger.logQuery;
  const seen: string[] = [];
  logger.logQuery = ((query: string, ...rest: unknown[]) => {
    seen.push(query);
    return (original as (...a: unknown[]) => unknown).call(logger, query, ...rest);
  }) as typeof logger.logQuery;
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}
