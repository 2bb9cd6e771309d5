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
  abstract subscribe(listener: RealtimeListener): () => void;
}
