import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';
import { C, MP, R, text } from './chat-paths';

/**
 * The mini-program (小程序) chat is the customer chat under another prefix (issue 12): the chat
 * tests run over both prefixes (CUSTOMER_CHATS); these check what joins them.
 */
describe('mini-program chat (/zhugeleida/xiaochengxu/)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('is one conversation with the Official Account chat: the same customer, the same messages and read state', async () => {
    const [rep] = w.reps;
    const [customer] = w.customers;
    const sent = await t.post(MP.send, customer, { u_id: rep.id, content: text('从小程序发来的') });
    expect(sent.body.code).toBe(200);
    const history = await t.get(C.history, customer, { u_id: rep.id });
    expect(history.body.data.ret_data.map((m: { id: number }) => m.id)).toContain(sent.body.data.id);
    await t.post(R.send, rep, { customer_id: customer.id, content: text('收到') });
    expect((await t.get(MP.queryNum, customer, { u_id: rep.id })).body.data.chatinfo_count).toBe(1);
    expect((await t.get(C.getmsg, customer, { u_id: rep.id })).body.data.data_count).toBe(1);
    expect((await t.get(MP.queryNum, customer, { u_id: rep.id })).body.data.chatinfo_count).toBe(0);
  });

  it('is signed with a customer token: a rep token is an unknown user there', async () => {
    const [rep] = w.reps;
    const res = await t.get(MP.queryNum, { id: rep.id, token: rep.token }, { u_id: rep.id });
    expect(res.body).toEqual({ code: 400, msg: 'token异常', data: { reason: 'unknown_user' } });
  });

  it('has only the chat routes: other customer routes stay on the Official Account prefix', async () => {
    const res = await t.post('/zhugeleida/xiaochengxu/action/record/0', w.customers[0], { u_id: w.reps[0].id, action: 1 });
    expect(res.body).toEqual({ code: 404, msg: '接口不存在', data: {} });
  });
});
