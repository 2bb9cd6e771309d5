import { BeforeApplicationShutdown, Logger, OnModuleInit } from '@nestjs/common';
import { OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { PrincipalDirectory, Surface } from '../common/auth/principal';
import { SignatureGuard } from '../common/auth/signature.guard';
import { ApiError } from '../common/errors/api-error';
import { EventBus, RealtimeEvent } from './realtime-event';

/** Close codes sent when a handshake is refused or the server goes away (docs/realtime.md). */
export const WS_CLOSE = {
  /** role is missing or not customer|rep; reason `bad_role`. */
  badRole: 4400,
  /** The signature was refused; reason = the signature failure code (missing_params, unknown_user, bad_signature, expired). */
  unauthorized: 4401,
  /** Authentication could not be checked (database down); the client should retry later. */
  unavailable: 4503,
  /** The principal's credentials changed (token rotated, disabled, moved): sign in again. */
  revoked: 4403,
  /** A client frame over MAX_CLIENT_FRAME_BYTES (sent by the ws library: "Message Too Big"). */
  tooBig: 1009,
  /** The server is shutting down (standard "going away"). */
  goingAway: 1001,
} as const;

export const HEARTBEAT_INTERVAL_MS = 30_000;
/**
 * The only client frame is `{"event":"ping"}`: anything larger is refused by the ws library
 * (close 1009) before it is buffered, instead of its 100 MiB default.
 */
export const MAX_CLIENT_FRAME_BYTES = 4096;
const SHUTDOWN_CLOSE_WAIT_MS = 1_000;

interface Connection {
  socket: WebSocket;
  key: string;
  role: Surface;
  id: number;
  /** The token the handshake was signed with: a socket lives only as long as it is valid. */
  token: string;
  alive: boolean;
}

const keyOf = (role: Surface, id: number) => `${role}:${id}`;

/**
 * `/ws` (API.md §7): a signed handshake (`role`, `user_id`, `timestamp`, `rand_str` in the
 * query), then `{"event","data"}` frames for every event addressed to that principal: chat
 * events, radar actions, anything published on the EventBus. A principal may hold several
 * sockets (devices, tabs); each gets every event.
 */
@WebSocketGateway({ path: '/ws', maxPayload: MAX_CLIENT_FRAME_BYTES })
export class RealtimeGateway implements OnGatewayConnection, OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('RealtimeGateway');
  private readonly byPrincipal = new Map<string, Set<Connection>>();
  private readonly connections = new Set<Connection>();
  private unsubscribe?: () => void;
  private unsubscribePrincipals?: () => void;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly guard: SignatureGuard,
    private readonly directory: PrincipalDirectory,
    private readonly bus: EventBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.subscribe((event) => this.deliver(event));
    // Revocation reaches open sockets: a credential change (any instance, NOTIFY) closes the
    // principal's sockets whose token is no longer valid. Null means notifications may have
    // been missed (the listener reconnected): every socket is told to catch up (`resync`) and
    // every principal is checked again.
    this.unsubscribePrincipals = this.bus.onPrincipalChanged((key) => {
      // After the directory's own listener has dropped its cached copy.
      setImmediate(() => void this.revalidate(key));
      if (key === null) this.resync();
    });
    // Ping every socket; one that did not answer the previous ping is dead (e.g. a phone that
    // lost its network without closing) and is terminated so it stops holding resources.
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_INTERVAL_MS);
    this.heartbeat.unref();
  }

  /**
   * Before Nest disposes the ws server (which terminates sockets abruptly): a proper close
   * frame with 1001, so clients know to reconnect elsewhere, waiting briefly for the replies.
   */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.heartbeat);
    this.unsubscribe?.();
    this.unsubscribePrincipals?.();
    const open = [...this.connections].map((c) => c.socket);
    this.connections.clear();
    this.byPrincipal.clear();
    await Promise.all(
      open.map(
        (socket) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, SHUTDOWN_CLOSE_WAIT_MS);
            socket.once('close', () => (clearTimeout(timer), resolve()));
            socket.close(WS_CLOSE.goingAway, 'server shutting down');
          }),
      ),
    );
  }

  async handleConnection(socket: WebSocket, request: IncomingMessage): Promise<void> {
    // An 'error' without a listener would throw; a socket failing mid-handshake is just dropped.
    // A protocol error (e.g. a frame over maxPayload) is already being closed by the ws library
    // with its code (1009): left to finish that close.
    socket.on('error', () => {
      if (socket.readyState !== socket.CLOSING && socket.readyState !== socket.CLOSED) socket.terminate();
    });
    const query = Object.fromEntries(new URL(request.url ?? '/', 'http://localhost').searchParams);
    const role = query.role;
    if (role !== 'customer' && role !== 'rep') {
      socket.close(WS_CLOSE.badRole, 'bad_role');
      return;
    }
    let principal;
    let token: string | null | undefined;
    try {
      principal = await this.guard.authenticate(role, query);
      // The record the guard just checked (cached): what a later change is compared with.
      token = (await this.directory.find(role, principal.id))?.token;
    } catch (error) {
      if (error instanceof ApiError && error.code === 400) {
        socket.close(WS_CLOSE.unauthorized, String(error.data.reason));
      } else {
        this.logger.error({ err: error }, 'websocket authentication failed');
        socket.close(WS_CLOSE.unavailable, 'unavailable');
      }
      return;
    }
    if (socket.readyState !== socket.OPEN) return; // the client left during authentication
    if (!token) {
      socket.close(WS_CLOSE.revoked, 'revoked'); // changed between the two reads
      return;
    }
    const connection: Connection = { socket, key: keyOf(principal.role, principal.id), role: principal.role, id: principal.id, token, alive: true };
    this.register(connection);
    socket.on('pong', () => (connection.alive = true));
    socket.on('message', (raw) => this.onClientFrame(connection, raw.toString()));
    socket.on('close', () => this.unregister(connection));
    this.send(connection, { event: 'ready', data: { role: principal.role, id: principal.id } });
  }

  /** Sockets currently registered for one principal on this instance (for tests and metrics). */
  socketCount(role: Surface, id: number): number {
    return this.byPrincipal.get(keyOf(role, id))?.size ?? 0;
  }

  /** Closes the sockets (of one principal, or all) whose credentials are no longer what they signed with. */
  private async revalidate(key: string | null): Promise<void> {
    const targets = key === null ? [...this.connections] : [...(this.byPrincipal.get(key) ?? [])];
    for (const c of targets) {
      let record;
      try {
        record = await this.directory.find(c.role, c.id);
      } catch (error) {
        // The database is unreachable: the next change notification or resync checks again.
        this.logger.warn({ err: error }, 'could not re-check a socket\'s credentials');
        return;
      }
      if (!record || record.disabled || record.token !== c.token) {
        this.unregister(c);
        c.socket.close(WS_CLOSE.revoked, 'revoked');
      }
    }
  }

  /** Events may have been missed (the listener reconnected): every socket runs its REST catch-up. */
  private resync(): void {
    for (const c of this.connections) this.send(c, { event: 'resync', data: {} });
  }

  private deliver(event: RealtimeEvent): void {
    const targets = this.byPrincipal.get(keyOf(event.to.role, event.to.id));
    if (!targets) return;
    for (const c of targets) this.send(c, { event: event.event, data: event.data });
  }

  /** Clients may send `{"event":"ping"}` (browsers cannot send protocol pings). */
  private onClientFrame(c: Connection, raw: string): void {
    c.alive = true;
    try {
      if (JSON.parse(raw)?.event === 'ping') this.send(c, { event: 'pong', data: {} });
    } catch {
      // Anything else from the client is ignored: the protocol is server → client.
    }
  }

  private send(c: Connection, frame: { event: string; data: unknown }): void {
    if (c.socket.readyState === c.socket.OPEN) c.socket.send(JSON.stringify(frame));
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

  private register(c: Connection): void {
    this.connections.add(c);
    let set = this.byPrincipal.get(c.key);
    if (!set) this.byPrincipal.set(c.key, (set = new Set()));
    set.add(c);
  }

  private unregister(c: Connection): void {
    this.connections.delete(c);
    const set = this.byPrincipal.get(c.key);
    set?.delete(c);
    if (set && !set.size) this.byPrincipal.delete(c.key);
  }
}
