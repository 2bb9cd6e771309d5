import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { LocalEventBus } from './local-event-bus';
import { EventBus } from './realtime-event';

@Global()
@Module({
  providers: [{ provide: EventBus, useClass: LocalEventBus }, TransactionRunner],
  exports: [EventBus, TransactionRunner],
})
export class RealtimeModule {}
