import { corsOriginAllowed, validateEnv } from '../../src/config/app-config';
import { signedUrl, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

/**
 * CORS_ORIGINS (issue 11): a front end served from another origin can call the API once its
 * origin is allowed; a preflight is answered before the signature check; other origins get no
 * CORS headers, so the browser keeps their scripts from reading answers. Off by default in a
 * deployment; the embedded demo allows localhost dev servers.
 */
const FRONT_END = 'http://localhost:5173';

const preflight = (t: TestApp, origin: string, method = 'POST') =>
  t.request('OPTIONS', '/zhugeleida/gongzhonghao/chat/send_msg/0', {
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
  });

describe('CORS', () => {
  describe('with CORS_ORIGINS set', () => {
    let t: TestApp;
    let w: World;
    beforeAll(async () => {
      t = await TestApp.start({ corsOrigins: [FRONT_END, 'http://127.0.0.1:*'] });
      w = await createWorld(t);
    });
    afterAll(async () => t.close());

    it('answers a preflight from an allowed origin before any signature, and caches it', async () => {
      const res = await preflight(t, FRONT_END);
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(FRONT_END);
      expect(String(res.headers['access-control-allow-methods'])).toContain('POST');
      expect(String(res.headers['access-control-allow-headers'])).toContain('content-type');
      expect(res.headers['access-control-max-age']).toBe('600');
    });

    it('marks the answers of signed requests from that origin readable, with the request id exposed', async () => {
      const res = await t.request('POST', signedUrl('/zhugeleida/gongzhonghao/chat/send_msg/0', w.customers[0]), {
        body: { u_id: w.reps[0].id, content: { info_type: 1, msg: 'cors' } },
        encoding: 'json',
        headers: { origin: FRONT_END },
      });
      expect(res.body.code).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(FRONT_END);
      expect(String(res.headers['access-control-expose-headers'])).toContain('x-request-id');
    });

    it('allows any port of an origin given with :*, and nothing else', async () => {
      expect((await preflight(t, 'http://127.0.0.1:3000')).headers['access-control-allow-origin']).toBe('http://127.0.0.1:3000');
      const other = await preflight(t, 'https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const signed = await t.request('GET', signedUrl('/zhugeleida/qiyeweixin/contact/query_num', w.reps[0]), { headers: { origin: 'https://evil.example' } });
      expect(signed.body.code).toBe(200);
      expect(signed.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('with CORS off', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start({ corsOrigins: [] });
    });
    afterAll(async () => t.close());

    it('sends no CORS headers and answers a preflight with the not-found envelope', async () => {
      const res = await preflight(t, FRONT_END);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(res.body).toEqual({ code: 404, msg: '接口不存在', data: {} });
    });
  });

  it('reads CORS_ORIGINS: off by default with a database URL, localhost dev servers in the embedded demo, validated', () => {
    expect(validateEnv({ DATABASE_URL: 'postgres://x@h/db' }).corsOrigins).toEqual([]);
    expect(validateEnv({}).corsOrigins).toEqual(['http://localhost:*', 'http://127.0.0.1:*']);
    expect(validateEnv({ CORS_ORIGINS: 'off' }).corsOrigins).toEqual([]);
    expect(validateEnv({ DATABASE_URL: 'postgres://x@h/db', CORS_ORIGINS: 'https://app.example.com, http://localhost:*' }).corsOrigins).toEqual(['https://app.example.com', 'http://localhost:*']);
    expect(() => validateEnv({ CORS_ORIGINS: 'app.example.com' })).toThrow(/CORS_ORIGINS/);
    expect(corsOriginAllowed(['http://localhost:*'], 'http://localhost:5173')).toBe(true);
    expect(corsOriginAllowed(['http://localhost:*'], 'http://localhost.evil:5173')).toBe(false);
    expect(corsOriginAllowed(['http://localhost:*'], 'http://localhost:5173.evil')).toBe(false);
    expect(corsOriginAllowed(['https://app.example.com'], 'https://app.example.com.evil')).toBe(false);
  });
});
