import { createServer, Server, Socket } from 'node:net';
import { validateEnv } from '../../src/config/app-config';
import { C } from '../chat/chat-paths';
import { itOnPostgres, signedUrl, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

/** Issue 10, 11–12 and 16: the rate limit cannot be bypassed or poisoned; demo tokens stay local. */
describe('rate limit and proxy trust', () => {
  let w: World;
  const apps: TestApp[] = [];
  const start = async (overrides: Parameters<typeof TestApp.start>[0]) => {
    const app = await TestApp.start(overrides);
    apps.push(app);
    return app;
  };
  afterAll(async () => Promise.all(apps.map((a) => a.close())));

  /** query_num from a socket address, with a forwarded-for header. */
  const from = (app: TestApp, remoteAddress: string, forwardedFor?: string) =>
    app.app.inject({
      method: 'GET',
      url: signedUrl(C.queryNum, w.customers[0], { u_id: w.reps[0].id }),
      remoteAddress,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });

  beforeAll(async () => {
    const seeder = await start({});
    w = await createWorld(seeder);
  });

  it('ignores X-Forwarded-For by default: forged addresses buy no fresh budget', async () => {
    const app = await start({ rateLimitPerMinute: 3 });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await from(app, '10.9.9.9', `203.0.113.${i}`)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
  });

  it('by default a forged victim address does not exhaust the victim\'s budget', async () => {
    const app = await start({ rateLimitPerMinute: 2 });
    for (let i = 0; i < 4; i++) await from(app, '10.6.6.6', '10.7.7.7');
    expect((await from(app, '10.7.7.7')).statusCode).toBe(200);
  });

  it('with TRUST_PROXY=1 the address the trusted proxy appends is the client', async () => {
    const app = await start({ rateLimitPerMinute: 2, trustProxy: 1 });
    // Behind the proxy (socket 10.0.0.2): two clients, each with its own budget.
    const a = [];
    for (let i = 0; i < 3; i++) a.push((await from(app, '10.0.0.2', '198.51.100.1')).statusCode);
    expect(a).toEqual([200, 200, 429]);
    expect((await from(app, '10.0.0.2', '198.51.100.2')).statusCode).toBe(200);
    // A client-forged entry before the real one is not trusted: the proxy appended the last one.
    expect((await from(app, '10.0.0.2', '1.2.3.4, 198.51.100.1')).statusCode).toBe(429);
  });

  it('with a list of proxy addresses only those may name the client', async () => {
    const app = await start({ rateLimitPerMinute: 1, trustProxy: ['10.0.0.0/8'] });
    expect((await from(app, '10.0.0.2', '198.51.100.7')).statusCode).toBe(200);
    expect((await from(app, '10.0.0.2', '198.51.100.8')).statusCode).toBe(200);
    // Not a listed proxy: its header is ignored, it is the client itself.
    expect((await from(app, '192.0.2.50', '198.51.100.9')).statusCode).toBe(200);
    expect((await from(app, '192.0.2.50', '198.51.100.10')).statusCode).toBe(429);
  });

  it('never limits the health check, whatever its query string', async () => {
    const app = await start({ rateLimitPerMinute: 1 });
    for (const url of ['/health?probe=1', '/health', '/health?probe=2', '/health?x=y&probe=1']) {
      for (let i = 0; i < 3; i++) expect([url, (await app.app.inject({ method: 'GET', url, remoteAddress: '10.1.1.1' })).statusCode]).toEqual([url, 200]);
    }
  });

  it('reads TRUST_PROXY, HOST and SERVE_DEMO_PRINCIPALS from the environment with safe defaults', () => {
    expect(validateEnv({}).trustProxy).toBe(false);
    expect(validateEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(validateEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => validateEnv({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(() => validateEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(validateEnv({})).toMatchObject({ host: '127.0.0.1', serveDemoPrincipals: true });
    expect(validateEnv({ DATABASE_URL: 'postgres://db/x' })).toMatchObject({ host: '0.0.0.0', serveDemoPrincipals: false });
    expect(validateEnv({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(validateEnv({ REQUEST_TIMEOUT_MS: '5000', HEADERS_TIMEOUT_MS: '9000' })).toMatchObject({ requestTimeoutMs: 5000, headersTimeoutMs: 5000 });
  });

  it('serves the demo tokens only where allowed', async () => {
    const off = await start({ serveDemoPrincipals: false });
    expect((await off.request('GET', '/console/demo-principals.json')).body).toEqual({ code: 404, msg: '接口不存在', data: {} });
    const on = await start({ serveDemoPrincipals: true });
    expect((await on.request('GET', '/console/demo-principals.json')).body.reps.length).toBeGreaterThan(0);
  });
});

/**
 * A TCP relay between the app and PostgreSQL that can be cut, as a database outage looks from
 * the app (issue 10.10c).
 */
class Relay {
  private readonly sockets = new Set<Socket>();
  private server?: Server;
  constructor(private readonly target: { host: string; port: number }) {}

  async start(port = 0): Promise<number> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => (this.sockets.delete(s), client.destroy(), upstream.destroy()));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return (this.server.address() as { port: number }).port;
  }

  /** Refuses new connections and kills the open ones. */
  async cut(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      for (const s of this.sockets) s.destroy();
    });
  }
}

describe('database outage', () => {
  itOnPostgres('answers 503 with Retry-After (not 500) while the database is unreachable, and /health says not ready', async () => {
    const url = new URL(process.env.LEIDA_TEST_DATABASE_URL!);
    const relay = new Relay({ host: url.hostname, port: Number(url.port || 5432) });
    const port = await relay.start();
    url.port = String(port);
    const probe = await TestApp.start({}, [], undefined, process.env.LEIDA_TEST_DATABASE_URL);
    const w = await createWorld(probe);
    await probe.close();
    const app = await TestApp.start({ principalCacheSeconds: 0 }, [], undefined, url.toString());
    try {
      expect((await app.get(C.queryNum, w.customers[0], { u_id: w.reps[0].id })).body.code).toBe(200);
      await relay.cut();
      for (const request of [
        () => app.get(C.queryNum, w.customers[0], { u_id: w.reps[0].id }),
        () => app.post(C.send, w.customers[0], { u_id: w.reps[0].id, content: JSON.stringify({ info_type: 1, msg: 'x' }) }),
      ]) {
        const res = await request();
        expect([res.status, res.body, res.headers['retry-after']]).toEqual([503, { code: 503, msg: '服务暂不可用', data: {} }, '5']);
      }
      const health = await app.request('GET', '/health');
      expect(health.status).toBe(503);
      expect(health.headers['retry-after']).toBe('5');
    } finally {
      await app.close().catch(() => undefined);
    }
  }, 60_000);
});
