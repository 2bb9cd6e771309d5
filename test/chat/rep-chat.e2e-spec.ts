import { createWorld, World } from '../support/world';
import { TestApp } from '../support/test-app';
import { C, R, text } from './chat-paths';

describe('chat, rep surface (API.md §5)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('5.1 send_msg (form and JSON) stores rep messages; a body user_id/u_id cannot change the sender', async () => {
    const [rep, rep1] = w.reps;
    const [c] = w.customers;
    const form = await t.post(R.send, rep, { customer_id: c.id, u_id: rep1.id, send_type: 2, content: JSON.stringify(text('form')) }, 'form');
    expect(form.body).toEqual({ code: 200, msg: 'send msg successful', data: { id: expect.any(Number) } });
    const json = await t.post(R.send, rep, { customer_id: c.id, content: text('json') }, 'json');
    expect(json.body).toEqual({ code: 200, msg: 'send msg successful', data: { id: expect.any(Number) } });
    const got = await t.get(C.getmsg, c, { u_id: rep.id });
    expect(got.body.data.ret_data.map((m: { msg: string; send_type: number; user_id: number }) => [m.msg, m.send_type, m.user_id])).toEqual([
      ['form', 1, rep.id],
      ['json', 1, rep.id],
    ]);
    expect((await t.get(C.getmsg, c, { u_id: rep1.id })).body.data.ret_data).toEqual([]);
  });

  it('5.2 getmsg returns customer messages with customer_avatar, src and name (the rep memo name wins)', async () => {
    const [rep] = w.reps;
    const c = w.customers[1];
    await t.dataSource.query(`UPDATE relation SET memo_name = '王总' WHERE rep_id = $1 AND customer_id = $2`, [rep.id, c.id]);
    const sent = await t.post(C.send, c, { u_id: rep.id, content: { info_type: 5, url: 'http://v/x.mp4' } }, 'json');
    const res = await t.get(R.getmsg, rep, { customer_id: c.id });
    expect(res.body.msg).toBe('实时获取-最新聊天信息成功');
    expect(res.body.data.data_count).toBe(1);
    const [item] = res.body.data.ret_data;
    expect(Object.keys(item)).toEqual(['id', 'customer_id', 'user_id', 'customer_avatar', 'src', 'name', 'dateTime', 'send_type', 'is_first_info', 'info_type', 'url']);
    expect(item).toMatchObject({ id: sent.body.data.id, customer_id: c.id, user_id: rep.id, customer_avatar: 'http://img/c1.png', src: 'http://img/c1.png', name: '王总', send_type: 2, is_first_info: true, info_type: 5, url: 'http://v/x.mp4' });
    // The customer's own view keeps the WeChat nickname (the memo is private to the rep).
    const history = await t.get(C.history, c, { u_id: rep.id });
    expect(history.body.data.ret_data[0]).toMatchObject({ customer: 'Customer1', from_user_name: 'Customer1' });
    expect((await t.get(R.getmsg, rep, { customer_id: c.id })).body).toEqual({ code: 200, msg: '没有得到实时聊天信息', data: { ret_data: [], data_count: 0 } });
  });

  it('5.3 history pages the conversation for the rep and marks it read', async () => {
    const [rep] = w.reps;
    const c = w.customers[2];
    for (const m of ['c1', 'c2', 'c3']) await t.post(C.send, c, { u_id: rep.id, content: text(m) });
    await t.post(R.send, rep, { customer_id: c.id, content: text('r1') });
    const before = await t.get(R.queryNum, rep);
    const page = await t.get(R.history, rep, { customer_id: c.id, current_page: 1, length: 3 });
    expect(page.body.code).toBe(200);
    expect(page.body.msg).toBe('分页获取-全部聊天消息成功');
    expect(page.body.data.data_count).toBe(4);
    expect(page.body.data.ret_data.map((m: { msg: string }) => m.msg)).toEqual(['c2', 'c3', 'r1']);
    expect(page.body.data.ret_data[2]).toMatchObject({ from_user_name: 'Rep0', send_type: 1, name: 'Customer2' });
    expect(page.body.data.ret_data[0]).toMatchObject({ from_user_name: 'Customer2', send_type: 2 });
    const page2 = await t.get(R.history, rep, { customer_id: c.id, current_page: 2, length: 3 });
    expect(page2.body.data.ret_data).toEqual([expect.objectContaining({ msg: 'c1', is_first_info: true })]);
    const after = await t.get(R.queryNum, rep);
    expect(after.body.data.chatinfo_count).toBe(before.body.data.chatinfo_count - 3);
    expect((await t.get(R.getmsg, rep, { customer_id: c.id })).body.data.ret_data).toEqual([]);
  });

  it('5.4 contact lists conversations newest first with preview, short time and unread counts', async () => {
    const world = await createWorld(t);
    const rep = world.reps[0];
    const [c0, c1, c2] = world.customers;
    await t.post(C.send, c0, { u_id: rep.id, content: text('hello from c0') });
    await t.post(C.send, c1, { u_id: rep.id, content: { info_type: 2, product_name: '雷达', product_price: 99 } }, 'json');
    await t.post(C.send, c1, { u_id: rep.id, content: { info_type: 4, url: 'statics/a.png' } });
    await t.post(R.send, rep, { customer_id: c2.id, content: { info_type: 5, url: 'statics/v.mp4' } });
    await t.post(C.send, c0, { u_id: rep.id, content: { info_type: 3, msg: '13800000000' } });

    const res = await t.get(R.contact, rep);
    expect(res.body.code).toBe(200);
    expect(res.body.msg).toBe('查询成功');
    expect(Object.keys(res.body.data)).toEqual(['ret_data', 'data_count', 'unread_msg_num']);
    expect(res.body.data.data_count).toBe(3);
    expect(res.body.data.unread_msg_num).toBe(4);
    const rows = res.body.data.ret_data;
    expect(Object.keys(rows[0])).toEqual(['customer_id', 'src', 'name', 'dateTime', 'msg', 'count']);
    expect(rows.map((r: { customer_id: number; msg: string; count: number }) => [r.customer_id, r.msg, r.count])).toEqual([
      [c0.id, '13800000000', 2],
      [c2.id, '[视频]', 0],
      [c1.id, '[图片]', 2],
    ]);
    expect(rows[0]).toMatchObject({ src: 'http://img/c0.png', name: 'Customer0', dateTime: expect.stringMatching(/^\d{2}:\d{2}$/) });

    // Previews of the other kinds, and paging.
    await t.post(C.send, c1, { u_id: rep.id, content: { info_type: 2, product_name: '雷达' } });
    const paged = await t.get(R.contact, rep, { current_page: 1, length: 1 });
    expect(paged.body.data.ret_data).toEqual([expect.objectContaining({ customer_id: c1.id, msg: '向您咨询:雷达', count: 3 })]);
    expect(paged.body.data.data_count).toBe(3);

    // getmsg agrees with the counts it reads.
    const got = await t.get(R.getmsg, rep, { customer_id: c1.id });
    expect(got.body.data.data_count).toBe(3);
    const after = await t.get(R.contact, rep);
    expect(after.body.data.unread_msg_num).toBe(2);
    expect(after.body.data.ret_data.find((r: { customer_id: number }) => r.customer_id === c1.id).count).toBe(0);
  });

  it('5.4 contact answers an empty list with 200 for a rep without conversations', async () => {
    const world = await createWorld(t);
    const res = await t.get(R.contact, world.reps[1]);
    expect(res.body).toEqual({ code: 200, msg: '查询成功', data: { ret_data: [], data_count: 0, unread_msg_num: 0 } });
  });

  it('5.5 contact/query_num counts all unread customer messages and agrees with getmsg', async () => {
    const world = await createWorld(t);
    const rep = world.reps[0];
    await t.post(C.send, world.customers[0], { u_id: rep.id, content: text('1') });
    await t.post(C.send, world.customers[1], { u_id: rep.id, content: text('2') });
    await t.post(C.send, world.customers[1], { u_id: rep.id, content: text('3') });
    await t.post(R.send, rep, { customer_id: world.customers[1].id, content: text('not counted for the rep') });
    expect((await t.get(R.queryNum, rep)).body).toEqual({ code: 200, msg: '查询成功', data: { chatinfo_count: 3 } });
    await t.get(R.getmsg, rep, { customer_id: world.customers[1].id });
    expect((await t.get(R.queryNum, rep)).body.data.chatinfo_count).toBe(1);
  });

  it('answers 402 with field errors for invalid rep parameters', async () => {
    const [rep] = w.reps;
    expect((await t.post(R.send, rep, { content: text('x') })).body).toEqual({ code: 402, msg: '请求异常', data: { customer_id: [{ message: '这个字段是必填项。', code: 'required' }] } });
    expect((await t.post(R.send, rep, { customer_id: 'x', content: text('x') }, 'json')).body).toMatchObject({ code: 402, data: { customer_id: [{ code: 'invalid' }] } });
    expect((await t.get(R.getmsg, rep)).body).toMatchObject({ code: 402, msg: '请求异常', data: { customer_id: [{ code: 'required' }] } });
    expect((await t.get(R.history, rep, { customer_id: w.customers[0].id, current_page: 0 })).body).toMatchObject({ code: 402, data: { current_page: [{ code: 'out_of_range' }] } });
    expect((await t.get(R.contact, rep, { length: 'many' })).body).toMatchObject({ code: 402, msg: '请求异常', data: { length: [{ message: expect.any(String) }] } });
  });
});
