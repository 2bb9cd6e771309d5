import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { LocalEventBus } from './local-event-bus';
import { PgNotifyEventBus } from './pg-notify-event-bus';
import { RealtimeGateway } from './realtime.gateway';
import { EventBus } from './realtime-event';

/**
 * The event bus and the /ws gateway. On a real PostgreSQL server (config.databaseUrl set)
 * events cross instances through LISTEN/NOTIFY; on the embedded database (one instance, and
 * NOTIFY does not cross pglite-socket connections) they stay in process.
 */
@Global()
@Module({
  providers: [
    {
      provide: EventBus,
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, dataSource: DataSource) =>
        config.databaseUrl ? new PgNotifyEventBus(config.databaseUrl, dataSource) : new LocalEventBus(),
    },
    TransactionRunner,
    RealtimeGateway,
  ],
  exports: [EventBus, TransactionRunner],
})
export class RealtimeModule {}
