import { Inject, Injectable } from '@nestjs/common';
import type { Pool, QueryConfig, QueryResultRow } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';

/**
 * A fixed-shape statement: the same text for every call, so it can be prepared once per
 * connection under its name and skip parsing and planning afterwards. Only for lookups whose
 * plan does not depend on the values (a primary or unique key); paged lists stay unnamed,
 * since a generic plan can pick a whole-table scan for them.
 */
export interface Statement {
  name: string;
  text: string;
}

export const statement = (name: string, text: string): Statement => ({ name, text });

/**
 * Whether named statements are used: decided once at start by Sql (PostgreSQL yes, the
 * embedded PGlite no). Module state so that store functions taking a transaction's manager
 * follow the same rule.
 */
let useNamedStatements = false;

function queryConfig(sql: Statement | string, values: unknown[]): QueryConfig {
  if (typeof sql === 'string') return { text: sql, values };
  return useNamedStatements ? { name: sql.name, text: sql.text, values } : { text: sql.text, values };
}

/**
 * Runs a statement on a transaction's connection (TypeORM's EntityManager from
 * TransactionRunner), as a named statement where enabled: inside transactions too, a hot
 * statement is parsed and planned once per connection. Returns the rows.
 */
export async function txRows<T extends QueryResultRow>(manager: EntityManager, sql: Statement | string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner as unknown as { connect(): Promise<{ query(config: QueryConfig): Promise<{ rows: T[] }> }> } | undefined;
  if (!runner) return manager.query(typeof sql === 'string' ? sql : sql.text, values);
  const client = await runner.connect();
  return (await client.query(queryConfig(sql, values))).rows;
}

/**
 * Plain parameterised SQL for the hot read paths, through the same pg pool as TypeORM (one
 * pool, one pool size). No query building and no entity hydration: rows come back as the
 * driver parses them. TypeORM stays for entities, migrations and transactions.
 */
@Injectable()
export class Sql {
  private readonly pool: Pool;

  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.pool = (dataSource.driver as unknown as { master: Pool }).master;
    // Named statements on PostgreSQL only: the embedded PGlite is one backend session shared by
    // every socket connection, so a statement prepared by a replaced connection would clash.
    useNamedStatements = Boolean(config.databaseUrl);
  }

  async rows<T extends QueryResultRow>(sql: Statement | string, values: unknown[]): Promise<T[]> {
    return (await this.pool.query<T>(queryConfig(sql, values))).rows;
  }

  async one<T extends QueryResultRow>(sql: Statement | string, values: unknown[]): Promise<T | undefined> {
    return (await this.rows<T>(sql, values))[0];
  }
}
