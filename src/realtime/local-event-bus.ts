import { Logger } from '@nestjs/common';
import { EventBus, PrincipalChangeListener, RealtimeEvent, RealtimeListener } from './realtime-event';

/**
 * In-process fan-out. Correct for a single instance (the embedded database is single-instance
 * anyway, and LISTEN/NOTIFY does not cross pglite-socket connections).
 */
export class LocalEventBus extends EventBus {
  private readonly logger = new Logger('EventBus');
  protected readonly listeners = new Set<RealtimeListener>();
  protected readonly principalListeners = new Set<PrincipalChangeListener>();

  async publish(events: RealtimeEvent[]): Promise<void> {
    for (const event of events) this.deliver(event);
  }

  subscribe(listener: RealtimeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onPrincipalChanged(listener: PrincipalChangeListener): () => void {
    this.principalListeners.add(listener);
    return () => this.principalListeners.delete(listener);
  }

  /** Tells this instance's credential caches that `role:id` changed (null: anything may have). */
  principalChanged(key: string | null): void {
    for (const listener of this.principalListeners) listener(key);
  }

  protected deliver(event: RealtimeEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error({ err: error, event: event.event }, 'realtime listener failed');
      }
    }
  }
}
