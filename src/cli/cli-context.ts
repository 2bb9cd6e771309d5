import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { validateEnv } from '../config/app-config';
import { resolveDatabase } from '../database/resolve-database';

/** Runs an operator command against the configured database (embedded when DATABASE_URL is unset). */
export async function withAppContext<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const config = { ...validateEnv(), logLevel: 'warn' as const };
  const database = await resolveDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config: database.config, databaseUrl: database.url }), { logger: ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
    await database.embedded?.close();
  }
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
