import { readFileSync } from 'node:fs';
import { directRoutesOf } from '../../src/common/http/direct-routes';
import { Reply, Signer, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';
import { C, R, text } from '../chat/chat-paths';

interface OpenApi {
  paths: Record<string, Record<string, { security?: unknown[] }>>;
}

/** Every signed GET of the committed contract. */
const signedGets = Object.entries((JSON.parse(readFileSync(`${process.cwd()}/docs/openapi.json`, 'utf8')) as OpenApi).paths)
  .filter(([, ops]) => ops.get?.security?.length)
  .map(([path]) => path);

/** What a client can see of an answer (the request id is new on every request). */
const seen = (r: Reply) => ({ status: r.status, type: r.headers['content-type'], text: r.text });

/**
 * Signed GETs run without Nest's router plumbing (common/http/direct-routes.ts, issue 9). The
 * same requests to an app with them and to one without (DIRECT_GET_ROUTES=false) must get the
 * same answers, byte for byte: successes, every kind of refusal, and the state they leave.
 */
describe('direct GET routes', () => {
  let direct: TestApp;
  let nest: TestApp;
  let w: World;
  beforeAll(async () => {
    direct = await TestApp.start();
    nest = await TestApp.start({ directGetRoutes: false });
    w = await createWorld(direct);
  });
  afterAll(async () => {
    await direct.close();
    await nest.close();
  });

  it('covers every signed GET of the contract, and only GETs', async () => {
    await direct.app.getHttpAdapter().getInstance().ready();
    await nest.app.getHttpAdapter().getInstance().ready();
    const routes = [...directRoutesOf(direct.app.getHttpAdapter().getInstance())];
    expect(signedGets.length).toBeGreaterThanOrEqual(20);
    expect(routes.sort()).toEqual(signedGets.map((p) => `GET ${p}`).sort());
    expect(directRoutesOf(nest.app.getHttpAdapter().getInstance())).toEqual([]);
  });

  it('answers every signed GET exactly as Nest does: refusals of every kind', async () => {
    const [rep] = w.reps;
    const [customer] = w.customers;
    for (const path of signedGets) {
      const who: Signer = path.includes('/qiyeweixin/') ? rep : customer;
      const cases: [string, (t: TestApp) => Promise<Reply>][] = [
        ['unsigned', (t) => t.request('GET', path)],
        ['bad signature', (t) => t.request('GET', `${path}?user_id=${who.id}&timestamp=${Math.floor(Date.now() / 1000)}&rand_str=${'0'.repeat(32)}`)],
        ['other surface', (t) => t.get(path, { id: who === rep ? customer.id : rep.id, token: who === rep ? customer.token : rep.token })],
        ['no parameters', (t) => t.get(path, who)],
        ['invalid values', (t) => t.get(path, who, { u_id: 'x', customer_id: 'x', current_page: -1, length: 'a', order: 'zz', action: 'q' })],
        ['a NUL character', (t) => t.get(path, who, { u_id: 'a\u0000', customer_id: '1\u0000' })],
        ['an unrelated party', (t) => t.get(path, who, { u_id: w.outsiderRep.id, customer_id: w.outsiderCustomer.id })],
      ];
      for (const [name, send] of cases) {
        const a = await send(direct);
        const b = await send(nest);
        expect({ path, name, ...seen(a) }).toEqual({ path, name, ...seen(b) });
      }
    }
  });

  it('answers successes and moves read state exactly as Nest does', async () => {
    const [rep] = w.reps;
    const [customer, other] = w.customers;
    const reads: [string, Signer, Record<string, string | number>][] = [
      [C.queryNum, customer, { u_id: rep.id }],
      [C.getmsg, customer, { u_id: rep.id }],
      [C.history, customer, { u_id: rep.id }],
      [R.getmsg, rep, { customer_id: customer.id }],
      ['/zhugeleida/qiyeweixin/contact', rep, { current_page: 1, length: 20 }],
      ['/zhugeleida/qiyeweixin/contact/query_num', rep, {}],
      ['/zhugeleida/qiyeweixin/tongxunlu', rep, { current_page: 1, length: 10, order: '-last_activity_time' }],
      ['/zhugeleida/qiyeweixin/customer', rep, { customer_id: customer.id }],
      ['/zhugeleida/qiyeweixin/action/time', rep, { current_page: 1, length: 10 }],
      ['/zhugeleida/qiyeweixin/action/count', rep, {}],
      ['/zhugeleida/qiyeweixin/tag_list', rep, {}],
    ];
    for (const [path, who, query] of reads) expect({ path, ...seen(await direct.get(path, who, query)) }).toEqual({ path, ...seen(await nest.get(path, who, query)) });

    // A fetch that takes messages: each app takes its own message, in the same shape.
    for (const t of [direct, nest]) {
      expect((await t.post(R.send, rep, { customer_id: other.id, content: text('一条') })).body.code).toBe(200);
      expect((await t.get(C.queryNum, other, { u_id: rep.id })).body.data.chatinfo_count).toBe(1);
      const fetched = await t.get(C.getmsg, other, { u_id: rep.id });
      expect(fetched.body.data.data_count).toBe(1);
      expect(fetched.body.data.ret_data[0].msg).toBe('一条');
      expect((await t.get(C.queryNum, other, { u_id: rep.id })).body.data.chatinfo_count).toBe(0);
    }
  });
});
