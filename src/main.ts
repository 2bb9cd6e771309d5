import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, validateEnv } from './config/app-config';
import { resolveDatabase } from './database/resolve-database';
import { loadDemoOnFirstRun } from './modules/seed/first-run';

async function main(): Promise<void> {
  let config;
  try {
    config = validateEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`leida: invalid configuration: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const database = await resolveDatabase(config);
  const app = await createApp({ config: database.config, databaseUrl: database.url });
  const logger = new Logger('Leida');
  // Graceful shutdown: stop accepting, let in-flight requests finish (Fastify's close), close
  // the pool and sockets (Nest shutdown hooks), then the embedded database and its lock.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: shutting down`);
    try {
      await app.close();
      await database.embedded?.close();
      process.exit(0);
    } catch (error) {
      logger.error(`shutdown failed: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  const baseUrl = `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${config.port}`;
  logger.log(`Leida listening on ${baseUrl} (${database.embedded ? `embedded PostgreSQL in ${config.dataDir}/` : 'PostgreSQL'}); API docs at ${baseUrl}/docs`);
  if (database.embedded && config.seedOnFirstRun) await loadDemoOnFirstRun(app, baseUrl, logger);
}

main().catch((error) => {
  process.stderr.write(`leida: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
