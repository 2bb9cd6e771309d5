import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { PrincipalDirectory, PrincipalRecord, Surface } from '../common/auth/principal';
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
  closedWith?: [number, string];
  close(code?: number, reason?: string) {
    if (code !== undefined) this.closedWith = [code, reason ?? ''];
    this.readyState = 3;
    this.emit('close');
  }
}

/** Credentials by `role:id`, changed by the tests as a rotation would. */
class FakeDirectory extends PrincipalDirectory {
  readonly records = new Map<string, PrincipalRecord>();
  async find(role: Surface, id: number): Promise<PrincipalRecord | null> {
    return this.records.get(`${role}:${id}`) ?? null;
  }
}

const guardFor = (directory: FakeDirectory) =>
  ({
    authenticate: async (role: Surface, query: Record<string, string>) => {
      const record = await directory.find(role, Number(query.user_id));
      return { role, id: record!.id, companyId: record!.companyId };
    },
  }) as unknown as SignatureGuard;

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

describe('RealtimeGateway', () => {
  let directory: FakeDirectory;
  let bus: LocalEventBus;
  let gateway: RealtimeGateway;
  beforeEach(() => {
    directory = new FakeDirectory();
    directory.records.set('rep:5', { id: 5, companyId: 1, token: 'a'.repeat(32), disabled: false });
    directory.records.set('rep:6', { id: 6, companyId: 1, token: 'b'.repeat(32), disabled: false });
    bus = new LocalEventBus();
    gateway = new RealtimeGateway(guardFor(directory), directory, bus);
    gateway.onModuleInit();
  });
  afterEach(async () => gateway.beforeApplicationShutdown());

  const open = async (id: number) => {
    const socket = new FakeSocket();
    await gateway.handleConnection(socket as never, { url: `/ws?role=rep&user_id=${id}` } as IncomingMessage);
    return socket;
  };
  const frames = (socket: FakeSocket) => socket.sent.map((f) => JSON.parse(f).event);

  it('pings live sockets and terminates one that missed a pong', async () => {
    const healthy = await open(5);
    const dead = await open(5);
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
  });

  it('closes a principal\'s sockets with 4403 when its token is rotated or it is disabled, and only those', async () => {
    const [a1, a2, b] = [await open(5), await open(5), await open(6)];
    bus.principalChanged('rep:5'); // a change that kept the token (e.g. the company's other fields)
    await nextTick();
    expect(gateway.socketCount('rep', 5)).toBe(2);
    directory.records.set('rep:5', { id: 5, companyId: 1, token: 'c'.repeat(32), disabled: false });
    bus.principalChanged('rep:5');
    await nextTick();
    expect([a1.closedWith, a2.closedWith, b.closedWith]).toEqual([[4403, 'revoked'], [4403, 'revoked'], undefined]);
    expect(gateway.socketCount('rep', 5)).toBe(0);
    directory.records.set('rep:6', { id: 6, companyId: 1, token: 'b'.repeat(32), disabled: true });
    bus.principalChanged('rep:6');
    await nextTick();
    expect(b.closedWith).toEqual([4403, 'revoked']);
  });

  it('after missed notifications tells every socket to resync and re-checks every principal', async () => {
    const [a, b] = [await open(5), await open(6)];
    directory.records.delete('rep:6');
    bus.principalChanged(null);
    await nextTick();
    expect(frames(a)).toEqual(['ready', 'resync']);
    expect(a.closedWith).toBeUndefined();
    expect(b.closedWith).toEqual([4403, 'revoked']);
  });
});
