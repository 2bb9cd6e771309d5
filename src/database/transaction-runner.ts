import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventBus, RealtimeEvent } from '../realtime/realtime-event';

export interface Tx {
  manager: EntityManager;
  /** Queues a realtime event; it is published only if and after the transaction commits. */
  publish(...events: RealtimeEvent[]): void;
}

/**
 * Runs work in one transaction and publishes its domain events so that they are delivered only
 * after the commit (never before, never for a rollback): as NOTIFYs inside the transaction on
 * PostgreSQL (delivered by the commit itself, no extra round trip), else after the commit.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger('TransactionRunner');

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
  ) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const events: RealtimeEvent[] = [];
    let published = false;
    const result = await this.dataSource.transaction(async (manager) => {
      const value = await work({ manager, publish: (...e) => events.push(...e) });
      if (events.length) published = await this.bus.publishOnCommit(manager, events);
      return value;
    });
    if (events.length && !published) {
      // The commit succeeded; a delivery failure must not turn it into an error response.
      this.bus.publish(events).catch((error) => this.logger.error({ err: error }, 'publishing realtime events failed'));
    }
    return result;
  }
}
