import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { SignatureGuard } from '../common/auth/signature.guard';
import { LocalEventBus } from './local-event-bus';
import { RealtimeGateway } from './realtime.gateway';

/** The parts of a `ws` socket the gateway uses. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  pings = 0;
  terminated = false;
  sent: string[] = [];
  ping() {
    this.pings++;
  }
  terminate() {
    this.terminated = true;
    this.readyState = 3;
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
    this.emit('close');
  }
}

describe('RealtimeGateway heartbeat', () => {
  const guard = { authenticate: async () => ({ role: 'rep', id: 5, companyId: 1 }) } as unknown as SignatureGuard;

  it('pings live sockets and terminates one that missed a pong', async () => {
    const bus = new LocalEventBus();
    const gateway = new RealtimeGateway(guard, bus);
    gateway.onModuleInit();
    const healthy = new FakeSocket();
    const dead = new FakeSocket();
    for (const s of [healthy, dead]) await gateway.handleConnection(s as never, { url: '/ws?role=rep' } as IncomingMessage);
    expect(gateway.socketCount('rep', 5)).toBe(2);

    const beat = () => (gateway as unknown as { beat(): void }).beat();
    beat();
    expect([healthy.pings, dead.pings]).toEqual([1, 1]);
    healthy.emit('pong');
    beat();
    expect(healthy.terminated).toBe(false);
    expect(dead.terminated).toBe(true);
    expect(gateway.socketCount('rep', 5)).toBe(1);

    // Events still reach the surviving socket, including non-chat ones (radar.action).
    await bus.publish([{ to: { role: 'rep', id: 5 }, event: 'radar.action', data: { id: 1 } }]);
    expect(JSON.parse(healthy.sent.at(-1)!)).toEqual({ event: 'radar.action', data: { id: 1 } });
    await gateway.beforeApplicationShutdown();
  });
});
