import { randomUUID } from 'node:crypto';
import type { RealtimeEvent } from './realtime-event';

/**
 * NOTIFY payloads must be shorter than 8000 bytes. An event whose JSON is larger travels as
 * several frames (base64 parts with a shared key) and is reassembled by every listener.
 * Each frame carries a unique id, which also stops PostgreSQL from collapsing two identical
 * notifications sent in one transaction.
 */
export const MAX_FRAME_BYTES = 7500;
const PART_CHARS = 7000; // base64 is ASCII: characters = bytes, plus the frame's small envelope

type Frame = { u: string; e: RealtimeEvent } | { u: string; k: string; p: number; n: number; d: string };

export function encodeFrames(event: RealtimeEvent): string[] {
  const single = JSON.stringify({ u: randomUUID(), e: event });
  if (Buffer.byteLength(single, 'utf8') <= MAX_FRAME_BYTES) return [single];
  const data = Buffer.from(JSON.stringify(event), 'utf8').toString('base64');
  const key = randomUUID();
  const n = Math.ceil(data.length / PART_CHARS);
  return Array.from({ length: n }, (_, p) => JSON.stringify({ u: `${key}:${p}`, k: key, p, n, d: data.slice(p * PART_CHARS, (p + 1) * PART_CHARS) }));
}

/** Reassembles split events; incomplete ones are dropped after `ttlMs` (a lost frame). */
export class FrameAssembler {
  private readonly pending = new Map<string, { parts: string[]; got: number; at: number }>();

  constructor(private readonly ttlMs = 30_000) {}

  /** Returns the event once complete, undefined while parts are missing or for junk. */
  accept(payload: string, now = Date.now()): RealtimeEvent | undefined {
    let frame: Frame;
    try {
      frame = JSON.parse(payload);
    } catch {
      return undefined;
    }
    if ('e' in frame) return frame.e;
    if (!('k' in frame) || typeof frame.d !== 'string' || !(frame.n > 0) || !(frame.p >= 0 && frame.p < frame.n)) return undefined;
    this.expire(now);
    const entry = this.pending.get(frame.k) ?? { parts: new Array<string>(frame.n), got: 0, at: now };
    if (entry.parts[frame.p] === undefined) {
      entry.parts[frame.p] = frame.d;
      entry.got++;
    }
    if (entry.got < frame.n) {
      this.pending.set(frame.k, entry);
      return undefined;
    }
    this.pending.delete(frame.k);
    try {
      return JSON.parse(Buffer.from(entry.parts.join(''), 'base64').toString('utf8'));
    } catch {
      return undefined;
    }
  }

  private expire(now: number): void {
    for (const [key, entry] of this.pending) if (now - entry.at > this.ttlMs) this.pending.delete(key);
  }
}
