/**
 * `/ws` and the LISTEN side of realtime, as Leida's RealtimeGateway + PgNotifyEventBus
 * (src/realtime/): the same signed handshake (query role, user_id, timestamp, rand_str), close
 * codes, `ready`/`pong` frames and heartbeat; events arrive through one dedicated pg client
 * doing LISTEN on Leida's channel, so sends on either server reach sockets on either server.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Client, ClientConfig } from 'pg';
import { WebSocket, WebSocketServer } from 'ws';
import { FrameAssembler } from '../../src/realtime/notify-frames';
import type { RealtimeEvent } from '../../src/realtime/realtime-event';
import { PRINCIPAL_CHANNEL, REALTIME_CHANNEL } from './sql';

/** Close codes of src/realtime/realtime.gateway.ts (WS_CLOSE). */
const WS_CLOSE = { badRole: 4400, unauthorized: 4401, unavailable: 4503, goingAway: 1001 } as const;
const HEARTBEAT_INTERVAL_MS = 30_000;

export type Authenticate = (
  role: 'customer' | 'rep',
  query: Record<string, unknown>,
) => Promise<{ ok: true; role: 'customer' | 'rep'; id: number; companyId: number } | { ok: false; reason: string }>;

interface Connection {
  socket: WebSocket;
  key: string;
  alive: boolean;
}

export class Realtime {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly byPrincipal = new Map<string, Set<Connection>>();
  private readonly connections = new Set<Connection>();
  private readonly assembler = new FrameAssembler();
  private listener?: Client;
  private heartbeat?: NodeJS.Timeout;
  private closing = false;

  constructor(
    private readonly clientConfig: ClientConfig,
    private readonly authenticate: Authenticate,
    /** Credential changes (`role:id`, or null when some may have been missed). */
    private readonly principalChanged: (key: string | null) => void,
  ) {}

  async start(server: Server): Promise<void> {
    await this.listen();
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (request.url ?? '/').split('?', 1)[0];
      if (path !== '/ws') {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => void this.onConnection(ws, request));
    });
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_INTERVAL_MS);
    this.heartbeat.unref();
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    const open = [...this.connections].map((c) => c.socket);
    this.connections.clear();
    this.byPrincipal.clear();
    await Promise.all(
      open.map(
        (socket) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 1000);
            socket.once('close', () => (clearTimeout(timer), resolve()));
            socket.close(WS_CLOSE.goingAway, 'server shutting down');
          }),
      ),
    );
    this.wss.close();
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** The dedicated LISTEN connection; reconnects after a loss like PgNotifyEventBus. */
  private async listen(): Promise<void> {
    const client = new Client({ ...this.clientConfig, application_name: 'leida-reference-listener' });
    client.on('notification', (n) => {
      if (n.channel === PRINCIPAL_CHANNEL && n.payload) return this.principalChanged(n.payload);
      if (n.channel !== REALTIME_CHANNEL || !n.payload) return;
      const event = this.assembler.accept(n.payload);
      if (event) this.deliver(event);
    });
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      client.end().catch(() => undefined);
      if (!this.closing) setTimeout(() => void this.listen().catch(() => undefined), 500).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(`LISTEN ${REALTIME_CHANNEL}; LISTEN ${PRINCIPAL_CHANNEL}`);
    if (this.closing) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    // Credential changes made while nothing listened were missed: start cold.
    this.principalChanged(null);
  }

  private async onConnection(socket: WebSocket, request: IncomingMessage): Promise<void> {
    socket.on('error', () => socket.terminate());
    const query = Object.fromEntries(new URL(request.url ?? '/', 'http://localhost').searchParams);
    const role = query.role;
    if (role !== 'customer' && role !== 'rep') {
      socket.close(WS_CLOSE.badRole, 'bad_role');
      return;
    }
    let result;
    try {
      result = await this.authenticate(role, query);
    } catch {
      socket.close(WS_CLOSE.unavailable, 'unavailable');
      return;
    }
    if (!result.ok) {
      socket.close(WS_CLOSE.unauthorized, result.reason);
      return;
    }
    if (socket.readyState !== socket.OPEN) return;
    const connection: Connection = { socket, key: `${result.role}:${result.id}`, alive: true };
    this.connections.add(connection);
    let set = this.byPrincipal.get(connection.key);
    if (!set) this.byPrincipal.set(connection.key, (set = new Set()));
    set.add(connection);
    socket.on('pong', () => (connection.alive = true));
    socket.on('message', (raw) => {
      connection.alive = true;
      try {
        if (JSON.parse(raw.toString())?.event === 'ping') this.send(connection, '{"event":"pong","data":{}}');
      } catch {
        // server → client protocol: anything else is ignored
      }
    });
    socket.on('close', () => this.unregister(connection));
    this.send(connection, JSON.stringify({ event: 'ready', data: { role: result.role, id: result.id } }));
  }

  private deliver(event: RealtimeEvent): void {
    const targets = this.byPrincipal.get(`${event.to.role}:${event.to.id}`);
    if (!targets) return;
    // Serialised once per event, not once per socket.
    const frame = JSON.stringify({ event: event.event, data: event.data });
    for (const c of targets) this.send(c, frame);
  }

  private send(c: Connection, frame: string): void {
    if (c.socket.readyState === c.socket.OPEN) c.socket.send(frame);
  }

  private beat(): void {
    for (const c of this.connections) {
      if (!c.alive) {
        c.socket.terminate();
        this.unregister(c);
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }

  private unregister(c: Connection): void {
    this.connections.delete(c);
    const set = this.byPrincipal.get(c.key);
    set?.delete(c);
    if (set && !set.size) this.byPrincipal.delete(c.key);
  }
}
