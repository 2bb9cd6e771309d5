import { createWorld, World } from '../support/world';
import { TestApp } from '../support/test-app';
import { CUSTOMER_CHATS, R, text } from './chat-paths';

describe.each(CUSTOMER_CHATS)('chat, customer surface (API.md §4) (customer chat: $label)', ({ C }) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('4.1 send_msg stores a message through a form body with content as a JSON string', async () => {
    const [rep] = w.reps;
    const [c] = w.customers;
    const res = await t.post(C.send, c, { u_id: rep.id, customer_id: c.id, send_type: 1, content: JSON.stringify(text('你好')) }, 'form');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, msg: 'send msg successful', data: { id: expect.any(Number) } });
    // The rep sees it as a customer message (send_type 2 whatever the client sent).
    const got = await t.get(R.getmsg, rep, { customer_id: c.id });
    expect(got.body.data.ret_data).toEqual([expect.objectContaining({ id: res.body.data.id, send_type: 2, info_type: 1, msg: '你好' })]);
  });

  it('4.1 send_msg accepts a JSON body with content as an object', async () => {
    const [rep] = w.reps;
    const c = w.customers[1];
    const res = await t.post(C.send, c, { u_id: rep.id, content: text('json body') }, 'json');
    expect(res.body).toEqual({ code: 200, msg: 'send msg successful', data: { id: expect.any(Number) } });
  });

  it('4.2 getmsg returns the rep messages with the documented fields in order, then nothing', async () => {
    const [rep] = w.reps;
    const c = w.customers[2];
    const sent = await t.post(R.send, rep, { customer_id: c.id, content: text('第一条') });
    await t.post(R.send, rep, { customer_id: c.id, content: { info_type: 2, product_cover_url: 'statics/p.png', product_name: '产品', product_price: '9.9', evil: 'x' } }, 'json');
    const res = await t.get(C.getmsg, c, { u_id: rep.id });
    expect(res.body.code).toBe(200);
    expect(res.body.msg).toBe('实时获取-最新聊天信息成功');
    expect(res.body.data.data_count).toBe(2);
    const [first, second] = res.body.data.ret_data;
    expect(Object.keys(first)).toEqual([
      'id', 'customer_id', 'user_id', 'user_avator', 'user_avatar', 'customer_headimgurl', 'customer', 'dateTime', 'send_type', 'is_first_info', 'info_type', 'msg',
    ]);
    expect(first).toEqual({
      id: sent.body.data.id,
      customer_id: c.id,
      user_id: rep.id,
      user_avator: 'http://img/rep0.png',
      user_avatar: 'http://img/rep0.png',
      customer_headimgurl: 'http://img/c2.png',
      customer: 'Customer2',
      dateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?$/),
      send_type: 1,
      is_first_info: true,
      info_type: 1,
      msg: '第一条',
    });
    expect(second).toMatchObject({ send_type: 1, is_first_info: false, info_type: 2, product_cover_url: 'statics/p.png', product_name: '产品', product_price: '9.9' });
    expect(second).not.toHaveProperty('evil');

    const again = await t.get(C.getmsg, c, { u_id: rep.id });
    expect(again.body).toEqual({ code: 200, msg: '没有得到实时聊天信息', data: { ret_data: [], data_count: 0 } });
  });

  it('4.2 getmsg returns at most 100, oldest first, and the rest on the next call', async () => {
    const rep = w.reps[1];
    const c = w.customers[0];
    for (let i = 0; i < 105; i++) await t.post(R.send, rep, { customer_id: c.id, content: text(`m${i}`) }, 'json');
    const first = await t.get(C.getmsg, c, { u_id: rep.id });
    expect(first.body.data.ret_data).toHaveLength(100);
    expect(first.body.data.ret_data.map((m: { msg: string }) => m.msg).slice(0, 3)).toEqual(['m0', 'm1', 'm2']);
    expect((await t.get(C.queryNum, c, { u_id: rep.id })).body.data.chatinfo_count).toBe(5);
    const second = await t.get(C.getmsg, c, { u_id: rep.id });
    expect(second.body.data.ret_data.map((m: { msg: string }) => m.msg)).toEqual(['m100', 'm101', 'm102', 'm103', 'm104']);
  });

  it('4.3 history pages newest-first pages, each oldest first, with from_user_name, phone and wechat, and marks read', async () => {
    const rep = w.reps[1];
    const c = w.customers[0];
    await t.post(C.send, c, { u_id: rep.id, content: text('customer says') });
    await t.post(R.send, rep, { customer_id: c.id, content: text('unread for customer') }, 'json');
    expect((await t.get(C.queryNum, c, { u_id: rep.id })).body.data.chatinfo_count).toBe(1);

    const page1 = await t.get(C.history, c, { u_id: rep.id, current_page: 1, length: 2 });
    expect(page1.body.code).toBe(200);
    expect(page1.body.msg).toBe('分页获取-全部聊天消息成功');
    expect(Object.keys(page1.body.data)).toEqual(['ret_data', 'mingpian_phone', 'wechat', 'data_count']);
    expect(page1.body.data.mingpian_phone).toBe('13800000001');
    expect(page1.body.data.wechat).toBe('wx_rep1');
    expect(page1.body.data.data_count).toBe(107);
    const [older, newer] = page1.body.data.ret_data;
    expect(older).toMatchObject({ msg: 'customer says', send_type: 2, from_user_name: 'Customer0', is_first_info: false });
    expect(newer).toMatchObject({ msg: 'unread for customer', send_type: 1, from_user_name: 'Rep1' });
    expect(Object.keys(older).slice(0, 4)).toEqual(['id', 'customer_id', 'from_user_name', 'user_id']);
    expect(older.id).toBeLessThan(newer.id);

    // The deepest page holds the first message.
    const last = await t.get(C.history, c, { u_id: rep.id, current_page: 54, length: 2 });
    expect(last.body.data.ret_data).toEqual([expect.objectContaining({ msg: 'm0', is_first_info: true })]);
    const beyond = await t.get(C.history, c, { u_id: rep.id, current_page: 55, length: 2 });
    expect(beyond.body.data.ret_data).toEqual([]);
    // Opening the history marked everything read for the customer.
    expect((await t.get(C.queryNum, c, { u_id: rep.id })).body.data.chatinfo_count).toBe(0);
    expect((await t.get(C.getmsg, c, { u_id: rep.id })).body.data.ret_data).toEqual([]);
  });

  it('4.3 history defaults to 20 items and answers an empty history with 200', async () => {
    const rep = w.reps[1];
    const c = w.customers[0];
    const res = await t.get(C.history, c, { u_id: rep.id });
    expect(res.body.data.ret_data).toHaveLength(20);
    // A pair that never talked.
    const fresh = await createWorld(t);
    const empty = await t.get(C.history, fresh.customers[0], { u_id: fresh.reps[0].id });
    expect(empty.body).toEqual({ code: 200, msg: '分页获取-全部聊天消息成功', data: { ret_data: [], mingpian_phone: '13800000000', wechat: 'wx_rep0', data_count: 0 } });
  });

  it('4.4 query_num counts unread rep messages; invalid parameters answer 302', async () => {
    const [rep] = w.reps;
    const c = w.customers[1];
    await t.post(R.send, rep, { customer_id: c.id, content: text('a') });
    await t.post(R.send, rep, { customer_id: c.id, content: { info_type: 4, url: 'http://img/x.png' } }, 'json');
    const res = await t.get(C.queryNum, c, { u_id: rep.id });
    expect(res.body).toEqual({ code: 200, msg: '查询成功', data: { chatinfo_count: 2 } });
    const bad = await t.get(C.queryNum, c, { u_id: 'abc' });
    expect(bad.body).toEqual({ code: 302, msg: '请求异常', data: { u_id: [{ message: expect.any(String), code: 'invalid' }] } });
    const missing = await t.get(C.queryNum, c);
    expect(missing.body).toEqual({ code: 302, msg: '请求异常', data: { u_id: [{ message: '这个字段是必填项。', code: 'required' }] } });
  });

  it('answers 402 with field errors for invalid parameters on send, getmsg and history', async () => {
    const [rep] = w.reps;
    const [c] = w.customers;
    const noUid = await t.post(C.send, c, { content: text('x') });
    expect(noUid.body).toEqual({ code: 402, msg: '请求异常', data: { u_id: [{ message: '这个字段是必填项。', code: 'required' }] } });
    const noContent = await t.post(C.send, c, { u_id: rep.id }, 'json');
    expect(noContent.body).toEqual({ code: 402, msg: '请求异常', data: { content: [{ message: '这个字段是必填项。', code: 'required' }] } });
    expect((await t.get(C.getmsg, c, { u_id: 0 })).body).toMatchObject({ code: 402, data: { u_id: [{ code: 'out_of_range' }] } });
    expect((await t.get(C.history, c, { u_id: rep.id, length: 101 })).body).toMatchObject({ code: 402, data: { length: [{ code: 'out_of_range' }] } });
    expect((await t.get(C.history, c, {})).body).toMatchObject({ code: 402, data: { u_id: [{ code: 'required' }] } });
  });
});
