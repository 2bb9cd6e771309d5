import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { statement, txRows } from '../database/sql';
import { LocalEventBus } from './local-event-bus';
import { encodeFrames, FrameAssembler } from './notify-frames';
import { RealtimeEvent } from './realtime-event';

export const REALTIME_CHANNEL = 'leida_realtime';
/** One statement keeps the frames of a batch in order (NOTIFY order within a transaction). */
const NOTIFY = statement('realtime_notify', `SELECT pg_notify($1, f) FROM unnest($2::text[]) WITH ORDINALITY AS t(f, n) ORDER BY n`);
/** Notified by the principal trigger (Totals migration) with `role:id`. */
export const PRINCIPAL_CHANNEL = 'leida_principal';

/**
 * Fans events out to every app instance through PostgreSQL LISTEN/NOTIFY (API.md §7), so
 * several instances behind a load balancer need no extra broker. Each instance keeps one
 * dedicated connection running LISTEN; publishing is a pg_notify on the ordinary pool, issued
 * after commit (TransactionRunner). An instance receives its own notifications too, so
 * delivery to local sockets takes the same path as delivery to other instances.
 *
 * Delivery is best effort, like any push: while the listener reconnects, events are missed;
 * clients catch up with getmsg after a reconnect (§7).
 */
export class PgNotifyEventBus extends LocalEventBus implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('PgNotifyEventBus');
  private readonly assembler = new FrameAssembler();
  private client?: Client;
  private closing = false;
  private retryTimer?: NodeJS.Timeout;
  private retryDelayMs = 500;

  constructor(
    private readonly databaseUrl: string,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  override async publish(events: RealtimeEvent[]): Promise<void> {
    const frames = events.flatMap(encodeFrames);
    if (frames.length) await this.dataSource.query(NOTIFY.text, [REALTIME_CHANNEL, frames]);
  }

  override async publishOnCommit(manager: EntityManager, events: RealtimeEvent[]): Promise<boolean> {
    const frames = events.flatMap(encodeFrames);
    if (frames.length) await txRows(manager, NOTIFY, [REALTIME_CHANNEL, frames]);
    return true;
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'leida-realtime-listener' });
    client.on('notification', (n) => {
      if (n.channel === PRINCIPAL_CHANNEL && n.payload) return this.principalChanged(n.payload);
      if (n.channel !== REALTIME_CHANNEL || !n.payload) return;
      const event = this.assembler.accept(n.payload);
      if (event) this.deliver(event);
    });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      if (error) this.log.warn({ err: error }, 'realtime listener connection lost; reconnecting');
      this.client = undefined;
      client.end().catch(() => undefined);
      this.scheduleListen();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${REALTIME_CHANNEL}; LISTEN ${PRINCIPAL_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closing) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryDelayMs = 500;
    // Credential changes made while no connection listened were missed: start cold.
    this.principalChanged(null);
  }

  private scheduleListen(): void {
    if (this.closing || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.listen().catch((error) => {
        this.log.warn({ err: error }, 'realtime listener reconnect failed');
        this.retryDelayMs = Math.min(this.retryDelayMs * 2, 10_000);
        this.scheduleListen();
      });
    }, this.retryDelayMs);
    this.retryTimer.unref();
  }
}
