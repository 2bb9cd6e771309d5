import { createTestDatabase, TestDatabase } from '../support/test-database';
import { TestApp } from '../support/test-app';

/**
 * The brief's own example requests (brief-api-doc.zh.md), replayed byte for byte: its URLs
 * were signed with token 93b5f91eb56b8a4f8d96b7182920d68d for users 1 and 55, in 2018, so the
 * freshness window is off (SIGNATURE_MAX_SKEW_SECONDS=0, the setting for migrating legacy
 * clients). The brief's ids (1, 2, 55, 60) need a database of their own.
 */
const TOKEN = '93b5f91eb56b8a4f8d96b7182920d68d';
const BRIEF = {
  sendMsg: '/zhugeleida/gongzhonghao/chat/send_msg/0?rand_str=8bd0ac475c5c60e46a358b3e6bcc49cf&timestamp=1537514281502&user_id=1',
  getMsg: '/zhugeleida/gongzhonghao/chat/getmsg/0?rand_str=b223adf172e809f5b91d2b6864788045&timestamp=1537514484951&user_id=1&u_id=1',
  tongxunlu: '/zhugeleida/qiyeweixin/tongxunlu?rand_str=9b7905e5a1887cc3809e410e3847146b&timestamp=1528783998540&user_id=1',
  updateInformation: '/zhugeleida/qiyeweixin/customer/update_information/2?rand_str=4c75edb76b06a2983040980f171b83e7&timestamp=1528169127235&user_id=1',
  updateExpectedTime: '/zhugeleida/qiyeweixin/customer/update_expected_time/1?rand_str=4c75edb76b06a2983040980f171b83e7&timestamp=1528169127235&user_id=1',
  updateExpectedPr: '/zhugeleida/qiyeweixin/customer/update_expected_pr/1?rand_str=4c75edb76b06a2983040980f171b83e7&timestamp=1528169127235&user_id=1',
  updateTag: '/zhugeleida/qiyeweixin/customer/update_tag/1?rand_str=4c75edb76b06a2983040980f171b83e7&timestamp=1528169127235&user_id=1',
  actionTime: '/zhugeleida/qiyeweixin/action/time?length=10&current_page=1&customer_id=60&rand_str=18440ec408ae9ba825651358e29f35d3&timestamp=1537603223134&user_id=55',
};
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' };
const form = (body: Record<string, string | number>) => new URLSearchParams(Object.entries(body).map(([k, v]): [string, string] => [k, String(v)])).toString();

describe("the brief's example requests, replayed as a legacy client sends them", () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await TestApp.start({ signatureMaxSkewSeconds: 0 }, [], undefined, db.url);
    await t.importFixture({
      companies: [{ id: 1, name: '合众康桥' }],
      reps: [
        { id: 1, company_id: 1, name: '张聪', token: TOKEN, avatar: 'http://shp.qpic.cn/bizmp/avatar/', mingpian_phone: '18932674288', wechat: '18866554433' },
        { id: 55, company_id: 1, name: '雷达用户55', token: TOKEN },
      ],
      customers: [
        { id: 1, company_id: 1, username: '_zzz จุ๊บ', token: TOKEN, headimgurl: 'https://wx.qlogo.cn/mmopen/1/132', sex: 1 },
        { id: 2, company_id: 1, username: '张炬', token: 'a'.repeat(32), headimgurl: 'statics/imgs/setAvator.jpg', sex: 1 },
        { id: 60, company_id: 1, username: '张聪', token: 'b'.repeat(32), headimgurl: 'statics/imgs/setAvator.jpg' },
      ],
      relations: [
        { rep_id: 1, customer_id: 1, source: 1 },
        { rep_id: 1, customer_id: 2, source: 1, superior_customer_id: 1 },
        { rep_id: 55, customer_id: 60, source: 1 },
      ],
      tags: [
        { id: 2, company_id: 1, name: '重要客户' },
        { id: 3, company_id: 1, name: '已婚' },
      ],
      actions: [{ rep_id: 55, customer_id: 60, action: 9, create_date: '2018-06-19T02:03:29Z' }],
    });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('1.1 send_msg: the form body with content as a JSON string and send_type', async () => {
    const body = form({ customer_id: 1, u_id: 1, content: JSON.stringify({ info_type: 1, msg: '这个信息是文字\\表情' }), send_type: 2 });
    const res = await t.request('POST', BRIEF.sendMsg, { body, headers: FORM });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 200, msg: 'send msg successful', data: { id: expect.any(Number) } });
  });

  it('1.2 getmsg: nothing from the rep yet', async () => {
    const res = await t.request('GET', BRIEF.getMsg);
    expect(res.body).toEqual({ code: 200, msg: '没有得到实时聊天信息', data: { ret_data: [], data_count: 0 } });
  });

  it('1.5 tongxunlu: the rep contact list, default order -expedted_pr', async () => {
    const res = await t.request('GET', BRIEF.tongxunlu);
    expect(res.body.code).toBe(200);
    expect(res.body.data.data_count).toBe(2);
    // Customer 1 wrote in 1.1: activity today; nobody followed up yet.
    const c1 = res.body.data.ret_data.find((r: { customer_id: number }) => r.customer_id === 1);
    expect(c1).toMatchObject({ customer_username: '_zzz จุ๊บ', expedted_pr: 0, last_activity_time: '今天', last_follow_time: '', follow_status: '未跟进过' });
  });

  it('1.7 update_information: the brief form body (birthday 2018-06-1, superior, memo_name)', async () => {
    const body = form({
      username: '张三丰',
      superior: 1,
      sex: 1,
      memo_name: '太乙真人',
      phone: '15931788974',
      email: '1224423@qq.com',
      company: '合众康桥',
      position: '开发TTT',
      address: '通州区xxx',
      mem: '我是一个兵',
      birthday: '2018-06-1',
    });
    const res = await t.request('POST', BRIEF.updateInformation, { body, headers: FORM });
    expect(res.body).toEqual({ code: 200, msg: '添加成功', data: {} });
  });

  it('1.7 update_expected_time, 1.8 update_expected_pr, 1.9 update_tag: the brief bodies', async () => {
    const time = await t.request('POST', BRIEF.updateExpectedTime, { body: form({ expected_time: '2018-06-06' }), headers: FORM });
    expect(time.body).toEqual({ code: 200, msg: '添加成功', data: {} });
    const pr = await t.request('POST', BRIEF.updateExpectedPr, { body: form({ expedted_pr: 80 }), headers: FORM });
    expect(pr.body).toEqual({ code: 200, msg: '添加成功', data: {} });
    const tags = await t.request('POST', BRIEF.updateTag, { body: form({ tag_list: '[2,3]' }), headers: FORM });
    expect(tags.body).toEqual({ code: 200, msg: '添加成功', data: {} });
    const list = await t.request('GET', BRIEF.tongxunlu);
    const c1 = list.body.data.ret_data.find((r: { customer_id: number }) => r.customer_id === 1);
    expect(c1).toMatchObject({ expected_time: '2018-06-06', expedted_pr: 80, last_follow_time: '今天', follow_status: '今天跟进' });
  });

  it('action/time: rep 55 reads customer 60\'s radar', async () => {
    const res = await t.request('GET', BRIEF.actionTime);
    expect(res.body).toEqual({
      code: 200,
      msg: '查询日志记录成功',
      data: {
        ret_data: [
          {
            id: expect.any(Number),
            user_id: 55,
            customer_id: 60,
            headimgurl: 'statics/imgs/setAvator.jpg',
            customer_username: '张聪',
            action: 9,
            log: '张聪觉得靠谱',
            create_date: '2018-06-19T10:03:29',
          },
        ],
        data_count: 1,
      },
    });
  });

  it('accepts structured fields as JSON strings inside a JSON body too (content, tag_list)', async () => {
    const json = { 'content-type': 'application/json' };
    const sent = await t.request('POST', BRIEF.sendMsg, {
      body: JSON.stringify({ u_id: '1', content: JSON.stringify({ info_type: 1, msg: 'json string content' }) }),
      headers: json,
    });
    expect(sent.body).toEqual({ code: 200, msg: 'send msg successful', data: { id: expect.any(Number) } });
    const tags = await t.request('POST', BRIEF.updateTag, { body: JSON.stringify({ tag_list: '[3]' }), headers: json });
    expect(tags.body).toEqual({ code: 200, msg: '添加成功', data: {} });
    const pr = await t.request('POST', BRIEF.updateExpectedPr, { body: JSON.stringify({ expedted_pr: '80%' }), headers: json });
    expect(pr.body).toEqual({ code: 200, msg: '添加成功', data: {} });
  });
});
