import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './src/database/data-source-options';

/**
 * For the TypeORM CLI (npm run migration:run / migration:generate). Uses the same options as
 * the app. Needs DATABASE_URL: the embedded database is started by the app itself.
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must be set for the TypeORM CLI (e.g. postgres://postgres@127.0.0.1:5432/leida)');

export default new DataSource(buildDataSourceOptions({ url, entities: [`${process.cwd()}/src/**/*.entity.ts`] }));
