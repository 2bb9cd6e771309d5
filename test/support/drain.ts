import { randomUUID } from 'node:crypto';
import type { Surface } from '../../src/common/auth/principal';
import { EventBus, RealtimeEvent } from '../../src/realtime/realtime-event';
import type { TestApp } from './test-app';
import type { WsProbe } from './ws-probe';

/**
 * Proof that the event pipe has drained, for "nothing arrived" checks: a sentinel event is
 * published through the app's bus after everything under test has committed; NOTIFYs reach the
 * listener in commit order, so once the sentinel arrives every earlier event has too. (A sleep
 * would pass vacuously when an event is merely late.)
 */
function sentinel(to: { role: Surface; id: number }): RealtimeEvent {
  return { to, event: 'test.sentinel', data: { marker: randomUUID() } };
}

/** Waits until `probe` (a socket of `to`) has received a sentinel published now. */
export async function drainSocket(t: TestApp, probe: WsProbe, to: { role: Surface; id: number }): Promise<void> {
  const event = sentinel(to);
  await t.app.get(EventBus).publish([event]);
  const { marker } = event.data as { marker: string };
  await probe.next('test.sentinel', (d) => d.marker === marker);
}

/** Waits until the app's bus subscribers have received a sentinel published now. */
export async function drainBus(t: TestApp): Promise<void> {
  const bus = t.app.get(EventBus);
  const event = sentinel({ role: 'rep', id: 0 });
  let unsubscribe: () => void = () => undefined;
  const arrived = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the sentinel event did not arrive within 5 s')), 5000);
    unsubscribe = bus.subscribe((e) => {
      if (e.event === event.event && (e.data as { marker: string }).marker === (event.data as { marker: string }).marker) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  try {
    await bus.publish([event]);
    await arrived;
  } finally {
    unsubscribe();
  }
}
