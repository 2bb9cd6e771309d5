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
    t = await TestApp.start({ logLevel: 'info' }, [ProbeModule], sink);
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
    expect(parsed.some((l) => l.reqId === 'req-log-1' && l.req?.url?.includes('rand_str=[redacted]'))).toBe(true);
    // The 500's error id is in the log, so support can find the failure from the response.
    expect(parsed.some((l) => l.error_id === boom.body.data.error_id)).toBe(true);
    const all = lines.join('\n');
    expect(all).not.toContain(customer.token);
    expect(all).not.toContain(signature);
  });
});
