import { ProbeModule } from '../support/probe.module';
import { signedUrl, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

describe('envelope, bodies and errors (API.md §2, §3)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start({}, [ProbeModule]);
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  const customer = () => w.customers[0];

  it.each(['form', 'json'] as const)('accepts a %s body, converting numeric strings', async (encoding) => {
    const res = await t.post('/zhugeleida/gongzhonghao/probe/data', customer(), { name: '张三', score: '80', extra: 'dropped' }, encoding);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, msg: 'ok', data: { name: '张三', score: 80 } });
  });

  it('puts field errors in data with code 402 by default, Django-shaped', async () => {
    const res = await t.post('/zhugeleida/gongzhonghao/probe/data', customer(), { score: '101' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 402,
      msg: '请求异常',
      data: {
        name: [{ message: '这个字段是必填项。', code: 'required' }],
        score: [{ message: expect.any(String), code: 'out_of_range' }],
      },
    });
  });

  it('reports too_long and invalid codes', async () => {
    const res = await t.post('/zhugeleida/gongzhonghao/probe/data', customer(), { name: '123456', score: 'abc' }, 'json');
    expect(res.body.code).toBe(402);
    expect(res.body.data.name[0].code).toBe('too_long');
    expect(res.body.data.score[0].code).toBe('invalid');
  });

  it('puts field errors in msg as an object on 303 routes', async () => {
    const res = await t.post('/zhugeleida/gongzhonghao/probe/msg', customer(), { score: '5' });
    expect(res.body).toEqual({ code: 303, msg: { name: [{ message: '这个字段是必填项。', code: 'required' }] }, data: {} });
  });

  it('puts field errors in msg as a JSON string on msg-json routes', async () => {
    const res = await t.post('/zhugeleida/gongzhonghao/probe/msg-json', customer(), { score: '5' });
    expect(res.body.code).toBe(303);
    expect(typeof res.body.msg).toBe('string');
    expect(JSON.parse(res.body.msg)).toEqual({ name: [{ message: '这个字段是必填项。', code: 'required' }] });
  });

  it('answers a malformed JSON body with the route validation envelope, not a 400 page', async () => {
    const url = signedUrl('/zhugeleida/gongzhonghao/probe/msg', customer());
    const res = await t.request('POST', url, { body: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 303, msg: { body: [{ message: '请求体格式错误。', code: 'invalid' }] }, data: {} });
  });

  it('accepts a multipart/form-data body (FormData from a legacy page) like a form', async () => {
    const url = signedUrl('/zhugeleida/gongzhonghao/probe/data', customer());
    const boundary = '----leida-test-boundary';
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = part('name', '张三') + part('score', '42') + `--${boundary}--\r\n`;
    const res = await t.request('POST', url, { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, msg: 'ok', data: { name: '张三', score: 42 } });
  });

  it('refuses a file in a multipart body with the envelope, never a 500', async () => {
    const url = signedUrl('/zhugeleida/gongzhonghao/probe/data', customer());
    const boundary = '----leida-test-boundary';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nab\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n` +
      `--${boundary}--\r\n`;
    const res = await t.request('POST', url, { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    // No upload endpoint exists: a file is over the limit of this API (0 files), answered 413.
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ code: 413, msg: '请求体过大', data: {} });
  });

  it('accepts a body with an unusual content type by sniffing it', async () => {
    const url = signedUrl('/zhugeleida/gongzhonghao/probe/data', customer());
    const res = await t.request('POST', url, { body: 'name=ab&score=3', headers: { 'content-type': 'text/plain' } });
    expect(res.body).toEqual({ code: 200, msg: 'ok', data: { name: 'ab', score: 3 } });
  });

  it('answers bodies over 64 KiB with 413 and the envelope', async () => {
    const url = signedUrl('/zhugeleida/gongzhonghao/probe/data', customer());
    const res = await t.request('POST', url, { body: `name=${'x'.repeat(70 * 1024)}&score=1`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ code: 413, msg: '请求体过大', data: {} });
  });

  it('answers an unexpected error with 500, an error_id and no detail', async () => {
    const res = await t.get('/zhugeleida/gongzhonghao/probe/boom', customer());
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 500, msg: '服务器内部错误', data: { error_id: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    expect(res.text).not.toContain('secret internal detail');
    expect(res.headers['content-type']).toContain('application/json');
  });

  it('answers an unknown route with the envelope (code 404), never HTML', async () => {
    const res = await t.request('GET', '/zhugeleida/nothing-here');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 404, msg: '接口不存在', data: {} });
    const wrongMethod = await t.request('DELETE', '/health');
    expect(wrongMethod.body.code).toBe(404);
  });

  it('refuses NUL characters per field instead of failing in the database', async () => {
    const res = await t.post('/zhugeleida/gongzhonghao/probe/data', customer(), { name: 'a\u0000b', score: '1' }, 'json');
    expect(res.body).toEqual({ code: 402, msg: '请求异常', data: { name: [{ message: '不能包含空字符。', code: 'invalid' }] } });
  });

  it('turns a database data exception into the validation envelope, not a 500', async () => {
    const res = await t.post('/zhugeleida/gongzhonghao/probe/raw-int', customer(), { n: '99999999999' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 402, msg: '请求异常', data: { body: [{ message: '请输入有效的值。', code: 'invalid' }] } });
  });

  it('echoes a request id header', async () => {
    const res = await t.request('GET', '/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-request-id']).toBe('abc-123');
    const generated = await t.request('GET', '/health');
    expect(String(generated.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
  });
});
