import { Inject, Injectable } from '@nestjs/common';
import type { Pool, QueryConfig, QueryResultRow } from 'pg';
import { DataSource } from 'typeorm';
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
 * Plain parameterised SQL for the hot read paths, through the same pg pool as TypeORM (one
 * pool, one pool size). No query building and no entity hydration: rows come back as the
 * driver parses them. TypeORM stays for entities, migrations and transactions.
 */
@Injectable()
export class Sql {
  private readonly pool: Pool;
  /**
   * Named statements on PostgreSQL only: the embedded PGlite is one backend session shared by
   * every socket connection, so a statement prepared by a replaced connection would clash.
   */
  private readonly prepare: boolean;

  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.pool = (dataSource.driver as unknown as { master: Pool }).master;
    this.prepare = Boolean(config.databaseUrl);
  }

  async rows<T extends QueryResultRow>(sql: Statement | string, values: unknown[]): Promise<T[]> {
    const query: QueryConfig =
      typeof sql === 'string' ? { text: sql, values } : this.prepare ? { name: sql.name, text: sql.text, values } : { text: sql.text, values };
    return (await this.pool.query<T>(query)).rows;
  }

  async one<T extends QueryResultRow>(sql: Statement | string, values: unknown[]): Promise<T | undefined> {
    return (await this.rows<T>(sql, values))[0];
  }
}
