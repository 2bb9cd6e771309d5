import { computeSignature } from '../../src/common/auth/signature';
import { DEMO_FIXTURE } from '../../src/modules/seed/demo-fixture';
import { ProbeModule } from '../support/probe.module';
import { signedUrl, TestApp } from '../support/test-app';
import { eventually } from '../support/eventually';
import { createWorld, World } from '../support/world';

const BRIEF_TOKEN = '93b5f91eb56b8a4f8d96b7182920d68d';
const BRIEF_QUERY = 'user_id=1&timestamp=1537514281502&rand_str=8bd0ac475c5c60e46a358b3e6bcc49cf';

const refused = (reason: string) => ({ code: 400, msg: 'token异常', data: { reason } });

describe('signature guard (API.md §1)', () => {
  let windowOff: TestApp;
  let windowOn: TestApp;
  let w: World;

  beforeAll(async () => {
    windowOff = await TestApp.start({ signatureMaxSkewSeconds: 0 }, [ProbeModule]);
    windowOn = await TestApp.start({ signatureMaxSkewSeconds: 300 }, [ProbeModule]);
    // The demo company has rep 1 with the brief's token (and customer 1).
    await windowOff.importFixture(DEMO_FIXTURE);
    w = await createWorld(windowOff);
  });
  afterAll(async () => {
    await windowOff.close();
    await windowOn.close();
  });

  it("accepts the brief's vector with the window off", async () => {
    expect(computeSignature('1537514281502', BRIEF_TOKEN)).toBe('8bd0ac475c5c60e46a358b3e6bcc49cf');
    const res = await windowOff.request('GET', `/zhugeleida/qiyeweixin/probe?${BRIEF_QUERY}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, msg: 'ok', data: { role: 'rep', id: 1, companyId: 1 } });
  });

  it("refuses the brief's vector as expired with the window on", async () => {
    const res = await windowOn.request('GET', `/zhugeleida/qiyeweixin/probe?${BRIEF_QUERY}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(refused('expired'));
  });

  it('accepts a fresh signature with the window on, and refuses one from the future', async () => {
    const rep = w.reps[0];
    expect((await windowOn.get('/zhugeleida/qiyeweixin/probe', rep)).body.data).toEqual({ role: 'rep', id: rep.id, companyId: w.companyId });
    const future = signedUrl('/zhugeleida/qiyeweixin/probe', rep, {}, Date.now() + 10 * 60_000);
    expect((await windowOn.request('GET', future)).body).toEqual(refused('expired'));
  });

  it('refuses a wrong hash as bad_signature', async () => {
    const rep = w.reps[0];
    const url = signedUrl('/zhugeleida/qiyeweixin/probe', { id: rep.id, token: 'f'.repeat(32) });
    expect((await windowOn.request('GET', url)).body).toEqual(refused('bad_signature'));
  });

  it('refuses an unknown user', async () => {
    const url = signedUrl('/zhugeleida/qiyeweixin/probe', { id: 999_999_999, token: BRIEF_TOKEN });
    expect((await windowOn.request('GET', url)).body).toEqual(refused('unknown_user'));
  });

  it.each([
    ['no parameters', ''],
    ['no rand_str', 'user_id=1&timestamp=1537514281502'],
    ['no timestamp', 'user_id=1&rand_str=8bd0ac475c5c60e46a358b3e6bcc49cf'],
    ['no user_id', 'timestamp=1537514281502&rand_str=8bd0ac475c5c60e46a358b3e6bcc49cf'],
    ['a non-numeric user_id', 'user_id=abc&timestamp=1537514281502&rand_str=8bd0ac475c5c60e46a358b3e6bcc49cf'],
  ])('refuses %s as missing_params', async (_name, query) => {
    expect((await windowOff.request('GET', `/zhugeleida/qiyeweixin/probe?${query}`)).body).toEqual(refused('missing_params'));
  });

  it("refuses a customer's signature on the rep surface and a rep's on the customer surface", async () => {
    const customer = w.customers[0];
    const rep = w.reps[0];
    // Ids of the world's customers are not rep ids: unknown on the other surface.
    expect((await windowOn.get('/zhugeleida/qiyeweixin/probe', customer)).body).toEqual(refused('unknown_user'));
    expect((await windowOn.get('/zhugeleida/gongzhonghao/probe', rep)).body).toEqual(refused('unknown_user'));
    // Demo rep 1 and demo customer 1 share an id: the other table's token does not match.
    const demoCustomer = { id: 1, token: (DEMO_FIXTURE.customers![0] as { token: string }).token };
    expect((await windowOn.get('/zhugeleida/qiyeweixin/probe', demoCustomer)).body).toEqual(refused('bad_signature'));
    expect((await windowOn.get('/zhugeleida/gongzhonghao/probe', demoCustomer)).body.data).toEqual({ role: 'customer', id: 1, companyId: 1 });
  });

  it('refuses disabled and token-less principals as unknown_user', async () => {
    const [a, b] = [w.customers[1], w.customers[2]];
    await windowOn.dataSource.query('UPDATE customer SET disabled = true WHERE id = $1', [a.id]);
    await windowOn.dataSource.query('UPDATE customer SET token = NULL WHERE id = $1', [b.id]);
    try {
      // Cached credentials are dropped when the change's NOTIFY arrives: milliseconds after the commit.
      await eventually(async () => expect((await windowOn.get('/zhugeleida/gongzhonghao/probe', a)).body).toEqual(refused('unknown_user')));
      await eventually(async () => expect((await windowOn.get('/zhugeleida/gongzhonghao/probe', b)).body).toEqual(refused('unknown_user')));
    } finally {
      await windowOn.dataSource.query('UPDATE customer SET disabled = false WHERE id = $1', [a.id]);
      await windowOn.dataSource.query('UPDATE customer SET token = $2 WHERE id = $1', [b.id, b.token]);
    }
  });

  it('lets @Public routes through and refuses routes with neither a surface nor @Public', async () => {
    expect((await windowOn.request('GET', '/probe-public')).body).toEqual({ code: 200, msg: 'ok', data: {} });
    expect((await windowOn.request('GET', '/probe-public/unmarked')).body).toEqual(refused('missing_params'));
  });

  it('checks the signature before the body: a bad signature on a POST is refused', async () => {
    const url = signedUrl('/zhugeleida/gongzhonghao/probe/data', { id: w.customers[0].id, token: 'e'.repeat(32) });
    const res = await windowOn.request('POST', url, { body: { name: 'a', score: 1 }, encoding: 'json' });
    expect(res.body).toEqual(refused('bad_signature'));
  });
});
