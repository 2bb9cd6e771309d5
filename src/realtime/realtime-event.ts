import type { EntityManager } from 'typeorm';
import type { Surface } from '../common/auth/principal';

/** One event for one principal's sockets (API.md §7): `{"event", "data"}` on the wire. */
export interface RealtimeEvent {
  to: { role: Surface; id: number };
  event: 'chat.message' | 'chat.unread' | 'chat.read' | 'radar.action' | (string & {});
  data: unknown;
}

export type RealtimeListener = (event: RealtimeEvent) => void;

/**
 * Delivers events to every app instance's subscribers (the websocket gateway). Publish only
 * after the database commit: use TransactionRunner, which does that for you.
 */
export abstract class EventBus {
  abstract publish(events: RealtimeEvent[]): Promise<void>;
  /**
   * Queues events inside a transaction so that they are delivered when, and only when, it
   * commits (PostgreSQL NOTIFY is transactional): no extra round trip after the commit.
   * False when this bus cannot; TransactionRunner then publishes after the commit.
   */
  async publishOnCommit(_manager: EntityManager, _events: RealtimeEvent[]): Promise<boolean> {
    return false;
  }
  abstract subscribe(listener: RealtimeListener): () => void;
  /**
   * Calls `listener` with `role:id` when a principal's credentials changed (any instance, any
   * writer: the principal trigger notifies), or with null when changes may have been missed
   * (the listener connection was re-established): caches of credentials drop everything then.
   */
  abstract onPrincipalChanged(listener: PrincipalChangeListener): () => void;
}

export type PrincipalChangeListener = (key: string | null) => void;
