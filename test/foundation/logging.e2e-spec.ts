import { Writable } from 'node:stream';
import { ProbeModule } from '../support/probe.module';
import { signedUrl, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

describe('structured logs', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await TestApp.start({ logLevel: 'debug' }, [ProbeModule], sink);
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('logs JSON lines with the request id, and never a token or a valid signature', async () => {
    const customer = w.customers[0];
    const url = signedUrl('/zhugeleida/gongzhonghao/probe', customer);
    const signature = new URL(url, 'http://x').searchParams.get('rand_str')!;
    const ok = await t.request('GET', url, { headers: { 'x-request-id': 'req-log-1' } });
    expect(ok.body.code).toBe(200);
    const boom = await t.get('/zhugeleida/gongzhonghao/probe/boom', customer);
    expect(boom.status).toBe(500);

    const parsed = lines.map((l) => JSON.parse(l));
    // The access line (debug): one per request, with the request id and the URL redacted.
    expect(parsed.filter((l) => l.reqId === 'req-log-1' && l.msg === 'request completed')).toHaveLength(1);
    expect(parsed.some((l) => l.reqId === 'req-log-1' && l.req?.url?.includes('rand_str=[redacted]') && l.res?.statusCode === 200)).toBe(true);
    // The 500's error id is in the log with the failing request's id, so support can find it.
    const failure = parsed.find((l) => l.error_id === boom.body.data.error_id);
    expect(failure?.reqId).toEqual(expect.any(String));
    expect(failure?.err?.message).toBeDefined();
    const all = lines.join('\n');
    expect(all).not.toContain(customer.token);
    expect(all).not.toContain(signature);
  });

  it('redacts a signature whose parameter name is percent-encoded (the guard reads rand%5Fstr as rand_str)', async () => {
    const customer = w.customers[0];
    const url = signedUrl('/zhugeleida/gongzhonghao/probe', customer).replace('rand_str=', 'rand%5Fstr=');
    const signature = new URL(url, 'http://x').searchParams.get('rand_str')!;
    const res = await t.request('GET', url, { headers: { 'x-request-id': 'req-log-encoded' } });
    expect(res.body.code).toBe(200);
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.reqId === 'req-log-encoded');
    expect(logged.some((l) => l.req?.url?.includes('rand%5Fstr=[redacted]'))).toBe(true);
    expect(lines.join('\n')).not.toContain(signature);
  });

  it('writes no line per successful request at the default level (info)', async () => {
    const quiet: string[] = [];
    const sink2 = new Writable({
      write(chunk, _enc, done) {
        quiet.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const app = await TestApp.start({ logLevel: 'info' }, [ProbeModule], sink2);
    try {
      const before = quiet.length;
      for (let i = 0; i < 5; i++) expect((await app.get('/zhugeleida/gongzhonghao/probe', w.customers[0])).body.code).toBe(200);
      expect(quiet.slice(before)).toEqual([]);
      // A failure is still logged at info with its error id.
      const boom = await app.get('/zhugeleida/gongzhonghao/probe/boom', w.customers[0]);
      expect(quiet.some((l) => JSON.parse(l).error_id === boom.body.data.error_id)).toBe(true);
    } finally {
      await app.close();
    }
  });
});
