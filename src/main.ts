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
  const app = await createApp({ config, databaseUrl: database.url });
  const logger = new Logger('Leida');
  // Close the embedded database after Nest has finished in-flight requests and closed the pool.
  if (database.embedded) {
    const embedded = database.embedded;
    const close = app.close.bind(app);
    app.close = async () => {
      await close();
      await embedded.close();
    };
  }
  await app.listen({ port: config.port, host: '0.0.0.0' });
  const baseUrl = `http://127.0.0.1:${config.port}`;
  logger.log(`Leida listening on ${baseUrl} (${database.embedded ? `embedded PostgreSQL in ${config.dataDir}/` : 'PostgreSQL'}); API docs at ${baseUrl}/docs`);
  if (database.embedded && config.seedOnFirstRun) await loadDemoOnFirstRun(app, baseUrl, logger);
}

main().catch((error) => {
  process.stderr.write(`leida: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
