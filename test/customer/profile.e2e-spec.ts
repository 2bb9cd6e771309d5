import { AiPrScorer } from '../../src/modules/action-log/radar-ports';
import { C, text } from '../chat/chat-paths';
import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

const PATH = '/zhugeleida/qiyeweixin/customer';

describe('GET customer (API.md §6.3)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
    const tagBase = w.companyId;
    await t.importFixture({
      tags: [
        { id: tagBase + 1, company_id: w.companyId, name: '重要客户' },
        { id: tagBase + 2, company_id: w.companyId, name: '爱撸串' },
        { id: tagBase + 3, company_id: w.companyId, name: '未使用' },
      ],
      customer_tags: [
        { customer_id: w.customers[1].id, tag_id: tagBase + 2 },
        { customer_id: w.customers[1].id, tag_id: tagBase + 1 },
      ],
    });
  });
  afterAll(async () => t.close());

  it('returns one item with every documented field', async () => {
    await t.dataSource.query(`UPDATE relation SET expected_pr = 80, expected_time = '2026-06-14' WHERE rep_id = $1 AND customer_id = $2`, [
      w.reps[0].id,
      w.customers[1].id,
    ]);
    const res = await t.get(PATH, w.reps[0], { customer_id: w.customers[1].id });
    expect(res.body).toEqual({
      code: 200,
      msg: '查询成功',
      data: {
        ret_data: [
          {
            id: w.customers[1].id,
            username: 'Customer1',
            headimgurl: 'http://img/c1.png',
            expected_time: '2026-06-14',
            expedted_pr: 80,
            ai_pr: 0, // the ActionLog score: this customer has no radar activity or chat yet
            superior: 'Customer0',
            source: '公众号文章',
            memo_name: null,
            sex: 1,
            phone: '',
            email: '',
            company: '',
            position: '',
            address: '',
            birthday: '',
            mem: '',
            tag: ['重要客户', '爱撸串'],
            day_interval: 0,
          },
        ],
        data_count: 1,
      },
    });
  });

  it('shows the superior by the name this rep gave them, and null without a referrer', async () => {
    await t.dataSource.query(`UPDATE relation SET memo_name = '张聪[客户1]' WHERE rep_id = $1 AND customer_id = $2`, [w.reps[0].id, w.customers[0].id]);
    const referred = await t.get(PATH, w.reps[0], { customer_id: w.customers[1].id });
    expect(referred.body.data.ret_data[0].superior).toBe('张聪[客户1]');
    const direct = await t.get(PATH, w.reps[0], { customer_id: w.customers[0].id });
    expect(direct.body.data.ret_data[0]).toMatchObject({ superior: null, source: '扫码', username: '张聪[客户1]', memo_name: '张聪[客户1]', tag: [] });
    await t.dataSource.query(`UPDATE relation SET memo_name = NULL WHERE rep_id = $1 AND customer_id = $2`, [w.reps[0].id, w.customers[0].id]);
  });

  it('counts day_interval in calendar days since the customer first appeared', async () => {
    await t.dataSource.query(`UPDATE customer SET created_at = now() - interval '3 days' WHERE id = $1`, [w.customers[2].id]);
    const res = await t.get(PATH, w.reps[0], { customer_id: w.customers[2].id });
    expect(res.body.data.ret_data[0].day_interval).toBe(3);
    expect(res.body.data.ret_data[0].source).toBe('转发');
  });

  it('answers 307 without a relation and 402 for a missing or bad customer_id', async () => {
    expect((await t.get(PATH, w.reps[1], { customer_id: w.customers[1].id })).body).toEqual({ code: 307, msg: '用户-客户关系不存在', data: {} });
    expect((await t.get(PATH, w.outsiderRep, { customer_id: w.customers[1].id })).body.code).toBe(307);
    expect((await t.get(PATH, w.reps[0], { customer_id: 99999999 })).body.code).toBe(307);
    expect((await t.get(PATH, w.reps[0])).body).toEqual({ code: 402, msg: '请求异常', data: { customer_id: [{ message: '这个字段是必填项。', code: 'required' }] } });
    expect((await t.get(PATH, w.reps[0], { customer_id: 'abc' })).body.data.customer_id[0].code).toBe('invalid');
  });
});

describe('GET customer: ai_pr comes from the ActionLog scorer (API.md §6.8)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('rises when the customer acts on the rep\'s pages, for that rep only', async () => {
    const customer = w.customers[0];
    const before = await t.get(PATH, w.reps[0], { customer_id: customer.id });
    expect(before.body.data.ret_data[0].ai_pr).toBe(0);
    for (const action of [1, 9, 7]) {
      const rec = await t.post('/zhugeleida/gongzhonghao/action/record/0', customer, { u_id: w.reps[0].id, action, product_name: '手环' });
      expect(rec.body.code).toBe(200);
    }
    // And chats: the profile's one-statement column counts the messages like the batch scorer.
    for (const msg of ['在吗', '价格多少']) {
      expect((await t.post(C.send, customer, { u_id: w.reps[0].id, content: text(msg) })).body.code).toBe(200);
    }
    const after = (await t.get(PATH, w.reps[0], { customer_id: customer.id })).body.data.ret_data[0];
    const expected = (await t.app.get(AiPrScorer).scores(w.companyId, w.reps[0].id, [customer.id])).get(customer.id);
    expect(after.ai_pr).toBeGreaterThan(0);
    expect(after.ai_pr).toBe(expected);
    // Rep 1 is also related to customer 0, but the actions were on rep 0's pages.
    expect((await t.get(PATH, w.reps[1], { customer_id: customer.id })).body.data.ret_data[0].ai_pr).toBe(0);
  });
});
