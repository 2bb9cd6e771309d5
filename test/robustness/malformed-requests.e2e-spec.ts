import { connect } from 'node:net';
import { MAX_INPUT_DEPTH } from '../../src/common/validation/input-guards';
import { C, text } from '../chat/chat-paths';
import { signedUrl, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';
import { WsProbe } from '../support/ws-probe';

const Q = '/zhugeleida/qiyeweixin';
const RECORD = '/zhugeleida/gongzhonghao/action/record/0';
/** Two code points (U+2764 U+FE0F) that class-validator's MaxLength counted as one. */
const HEART = '❤️';

/**
 * Requests an attacker or a broken client sends (issue 10, 6–10b): each gets the documented
 * envelope, never a 500, a framework body, an echo of the URL or a connection held open.
 */
describe('malformed requests get the envelope', () => {
  let t: TestApp;
  let w: World;
  let host: string;
  beforeAll(async () => {
    t = await TestApp.start({ requestTimeoutMs: 1500, headersTimeoutMs: 1500 });
    w = await createWorld(t);
    host = await t.listen();
  });
  afterAll(async () => t.close());

  /** Writes `request` on a fresh TCP connection; resolves with what came back once the server closes it. */
  function raw(request: string | Buffer, timeoutMs = 5000): Promise<{ text: string; closedByServer: boolean }> {
    return new Promise((resolve) => {
      const [hostname, port] = host.split(':');
      const socket = connect(Number(port), hostname);
      const chunks: Buffer[] = [];
      const timer = setTimeout(() => {
        socket.destroy();
        resolve({ text: Buffer.concat(chunks).toString('utf8'), closedByServer: false });
      }, timeoutMs);
      socket.on('data', (d) => chunks.push(d));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve({ text: Buffer.concat(chunks).toString('utf8'), closedByServer: true });
      });
      socket.write(request);
    });
  }
  const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));

  describe('6. lengths in code points, as PostgreSQL counts them', () => {
    it('tag names: 32 code points with a variation selector pass, 33 are too long (not a 500)', async () => {
      const add = (name: string) => t.post(`${Q}/tag_list/add_tag/${w.customers[0].id}`, w.reps[0], { name });
      expect((await add('a'.repeat(30) + HEART)).body).toMatchObject({ code: 200, data: { name: 'a'.repeat(30) + HEART } });
      const res = await add('b'.repeat(31) + HEART);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ code: 303, msg: { name: [{ message: expect.any(String), code: 'too_long' }] }, data: {} });
    });

    it('follow-up notes: 256 code points pass, 257 are too long', async () => {
      const add = (note: string) => t.post(`${Q}/follow_info/add/${w.customers[0].id}`, w.reps[0], { follow_info: note });
      expect((await add('a'.repeat(254) + HEART)).body.code).toBe(200);
      expect((await add('b'.repeat(255) + HEART)).body).toEqual({ code: 402, msg: '请求异常', data: { follow_info: [{ message: expect.any(String), code: 'too_long' }] } });
    });

    it('radar product names: 100 code points pass, 101 are too long', async () => {
      const record = (name: string) => t.post(RECORD, w.customers[0], { u_id: w.reps[0].id, action: 2, product_name: name });
      expect((await record('a'.repeat(98) + HEART)).body.code).toBe(200);
      expect((await record('b'.repeat(99) + HEART)).body).toEqual({ code: 402, msg: '请求异常', data: { product_name: [{ message: expect.any(String), code: 'too_long' }] } });
    });
  });

  describe('7, 10a. multipart bodies', () => {
    const multipart = (boundary: string, body: string, contentType = `multipart/form-data; boundary=${boundary}`) =>
      t.request('POST', signedUrl(C.send, w.customers[0]), { body, headers: { 'content-type': contentType } });
    const form = (boundary: string, fields: Record<string, string>) =>
      Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;

    it('a well-formed one is read like a form', async () => {
      const res = await multipart('XyZ', form('XyZ', { u_id: String(w.reps[0].id), content: JSON.stringify(text('multipart')) }));
      expect(res.body).toMatchObject({ code: 200, data: { id: expect.any(Number) } });
    });

    it.each([
      ['no boundary', 'multipart/form-data', form('XyZ', { u_id: '1' })],
      ['a wrong boundary', 'multipart/form-data; boundary=Other', form('XyZ', { u_id: '1' })],
      ['a truncated body', 'multipart/form-data; boundary=XyZ', form('XyZ', { u_id: '1', content: 'x' }).slice(0, 60)],
      ['garbage', 'multipart/form-data; boundary=XyZ', '\u0000\u0001--XyZ\r\n\r\n\r\n'],
    ])('%s answers the validation envelope (signed and unsigned)', async (_name, contentType, body) => {
      const signed = await multipart('XyZ', body, contentType);
      expect(signed.status).toBe(200);
      expect(signed.body).toEqual({ code: 402, msg: '请求异常', data: expect.any(Object) });
      const unsigned = await t.request('POST', C.send, { body, headers: { 'content-type': contentType } });
      expect(unsigned.status).toBe(200);
      expect(unsigned.body).toMatchObject({ code: 400, msg: 'token异常' });
    });

    it('over 64 KiB answers 413 with the envelope and closes the connection, whatever the field sizes', async () => {
      const big = await multipart('XyZ', form('XyZ', { u_id: '1', content: 'x'.repeat(70 * 1024) }));
      expect(big.status).toBe(413);
      expect(big.body).toEqual({ code: 413, msg: '请求体过大', data: {} });
      expect(big.headers.connection).toBe('close');
      const many = await multipart('XyZ', form('XyZ', Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, 'y'.repeat(2000)]))));
      expect(many.status).toBe(413);
    });

    it('a 10 MB multipart body is refused without being read to the end', async () => {
      const [hostname, port] = host.split(':');
      const socket = connect(Number(port), hostname);
      const chunks: Buffer[] = [];
      let written = 0;
      const done = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.on('data', (d) => chunks.push(d));
      socket.on('error', () => undefined);
      const url = signedUrl(C.send, w.customers[0]);
      socket.write(`POST ${url} HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n`);
      socket.write(`--XyZ\r\nContent-Disposition: form-data; name="content"\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, 'z');
      const pump = () => {
        while (written < 10 * 1024 * 1024 && !socket.destroyed) {
          written += chunk.length;
          if (!socket.write(chunk)) return socket.once('drain', pump);
        }
      };
      pump();
      await done;
      const response = Buffer.concat(chunks).toString('utf8');
      expect(response).toMatch(/^HTTP\/1\.1 413/);
      expect(bodyOf(response)).toEqual({ code: 413, msg: '请求体过大', data: {} });
      expect(written).toBeLessThan(10 * 1024 * 1024);
    });
  });

  describe('8. deeply nested JSON', () => {
    it(`nesting deeper than ${MAX_INPUT_DEPTH} levels is a 402 on the field, even thousands deep`, async () => {
      for (const depth of [MAX_INPUT_DEPTH + 1, 2_000, 30_000]) {
        const deep = '['.repeat(depth) + ']'.repeat(depth);
        const res = await t.request('POST', signedUrl(C.send, w.customers[0]), {
          body: `{"u_id":${w.reps[0].id},"content":${deep}}`,
          headers: { 'content-type': 'application/json' },
        });
        expect([depth, res.status, res.body]).toEqual([depth, 200, { code: 402, msg: '请求异常', data: { content: [{ message: expect.stringContaining(String(MAX_INPUT_DEPTH)), code: 'invalid' }] } }]);
      }
      const objects = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
      const res = await t.request('POST', signedUrl(C.send, w.customers[0]), { body: objects, headers: { 'content-type': 'application/json' } });
      expect(res.body).toMatchObject({ code: 402, data: { a: [{ code: 'invalid' }] } });
    });

    it('nesting within the bound still works (a chat content object)', async () => {
      const res = await t.post(C.send, w.customers[0], { u_id: w.reps[0].id, content: { info_type: 1, msg: 'shallow' } }, 'json');
      expect(res.body.code).toBe(200);
    });
  });

  describe('9. router and protocol errors', () => {
    it.each(['/zhugeleida/gongzhonghao/chat/%ff', '/zhugeleida/gongzhonghao/chat/%zz', '/zhugeleida/qiyeweixin/follow_info/delete/%', '/zhugeleida/%E0%A4%A'])(
      'a path that cannot be percent-decoded (%s) gets the envelope without echoing the URL',
      async (path) => {
        const url = signedUrl(path, w.customers[0]);
        const res = await t.request('GET', url);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ code: 402, msg: '请求异常', data: { path: [{ message: '请求路径格式错误。', code: 'invalid' }] } });
        expect(res.text).not.toContain('rand_str');
      },
    );

    it('a path parameter over 100 characters gets the envelope (not 414 with the URL)', async () => {
      const res = await t.request('POST', signedUrl(`${Q}/follow_info/add/${'1'.repeat(150)}`, w.reps[0]), { body: { follow_info: 'x' } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ code: 402, msg: '请求异常', data: { path: [{ message: '请求路径格式错误。', code: 'invalid' }] } });
    });

    it('bad percent-encoding in the query is an invalid parameter, not a 500', async () => {
      const res = await t.request('GET', `${signedUrl(C.queryNum, w.customers[0])}&u_id=%zz%`);
      expect(res.status).toBe(200);
      expect([302, 402]).toContain(res.body.code);
    });

    it('raw bytes in the request line get a 400 envelope on the socket, then the connection closes', async () => {
      const { text, closedByServer } = await raw(Buffer.concat([Buffer.from('GET /zhugeleida/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1')]));
      expect(closedByServer).toBe(true);
      expect(text).toMatch(/^HTTP\/1\.1 400 /);
      expect(bodyOf(text)).toEqual({ code: 400, msg: '请求格式错误', data: {} });
    });

    it('headers over 16 KiB get a 431 envelope', async () => {
      const { text } = await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`);
      expect(text).toMatch(/^HTTP\/1\.1 431 /);
      expect(bodyOf(text)).toEqual({ code: 431, msg: '请求头过大', data: {} });
    });
  });

  describe('10b. slow clients are cut off', () => {
    it('a body that never completes gets 408 and the connection closed (REQUEST_TIMEOUT_MS)', async () => {
      const started = Date.now();
      const url = signedUrl(C.send, w.customers[0]);
      const { text, closedByServer } = await raw(`POST ${url} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"u_id":`, 8000);
      expect(closedByServer).toBe(true);
      expect(Date.now() - started).toBeLessThan(6000);
      expect(text).toMatch(/^HTTP\/1\.1 408 /);
      expect(bodyOf(text)).toEqual({ code: 408, msg: '请求超时', data: {} });
    });

    it('headers that never complete are cut off too', async () => {
      const { text, closedByServer } = await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: `, 8000);
      expect(closedByServer).toBe(true);
      expect(text).toMatch(/^HTTP\/1\.1 408 /);
    });
  });

  describe('10. WebSocket frames', () => {
    it('a client frame over 4 KiB closes the socket with 1009 before it is buffered', async () => {
      const probe = await WsProbe.connect(host, 'customer', w.customers[0]);
      probe.socket.send('x'.repeat(64 * 1024));
      expect((await probe.closed as { code: number }).code).toBe(1009);
    });

    it('the ping frame still works', async () => {
      const probe = await WsProbe.connect(host, 'customer', w.customers[0]);
      probe.socket.send(JSON.stringify({ event: 'ping' }));
      await probe.next('pong');
      await probe.close();
    });
  });
});
