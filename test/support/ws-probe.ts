import WebSocket from 'ws';
import { signQuery } from '../../src/common/auth/signature';
import type { Signer } from './test-app';

export interface Frame {
  event: string;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A `ws` client on /ws that records frames and can wait for one. */
export class WsProbe {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as Frame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => (w.match(frame) ? (w.resolve(frame), false) : true));
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static open(host: string, query: string): WsProbe {
    return new WsProbe(new WebSocket(`ws://${host}/ws?${query}`));
  }

  /** Connects signed as `who` and waits for the server's `ready` frame. */
  static async connect(host: string, role: 'customer' | 'rep', who: Signer): Promise<WsProbe> {
    const probe = WsProbe.open(host, `role=${role}&${signQuery(who.id, who.token, Date.now())}`);
    await probe.next('ready');
    return probe;
  }

  /** The first frame (already received or future) with this event matching `match`. */
  next(event: string, match: (data: Frame['data']) => boolean = () => true, timeoutMs = 5000): Promise<Frame> {
    const test = (f: Frame) => f.event === event && match(f.data);
    const seen = this.frames.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${event}" frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.map((f) => f.event))}`)), timeoutMs);
      this.waiters.push({ match: test, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }

  close(): Promise<unknown> {
    this.socket.close();
    return this.closed;
  }
}
