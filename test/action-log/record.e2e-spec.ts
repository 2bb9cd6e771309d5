import { TransactionRunner } from '../../src/database/transaction-runner';
import { RadarActionRecorder } from '../../src/modules/action-log/radar-ports';
import { EventBus, RealtimeEvent } from '../../src/realtime/realtime-event';
import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';
import { drainBus } from '../support/drain';
import { eventually } from '../support/eventually';

const RECORD = '/zhugeleida/gongzhonghao/action/record/0';
const TIME = '/zhugeleida/qiyeweixin/action/time';

/** Every code of API.md §6.10 with the remark a rep reads after the customer's name (`article_id: ARTICLE`: the world's article). */
const ARTICLE = 'world article';
const CATALOGUE: [number, Record<string, unknown>, string][] = [
  [1, {}, '访问了您的名片'],
  [2, { product_name: '智能手环' }, '访问了产品《智能手环》'],
  [4, {}, '访问了您的官网'],
  [5, {}, '复制了您的微信'],
  [6, {}, '转发了您的名片'],
  [7, { product_name: '智能手环' }, '咨询了产品《智能手环》'],
  [8, {}, '保存了您的电话'],
  [9, {}, '觉得靠谱'],
  [10, {}, '拨打了您的电话'],
  [12, {}, '复制了您的邮箱'],
  [14, { article_id: ARTICLE, title: '选购指南' }, '访问了文章《选购指南》'],
  [15, { article_id: ARTICLE, title: '选购指南' }, '转发了文章《选购指南》给朋友'],
  [16, { article_id: ARTICLE, title: '选购指南' }, '转发了文章《选购指南》到朋友圈'],
];

describe('POST action/record/0 (customer records an action)', () => {
  let t: TestApp;
  let w: World;
  const rows = (customerId: number) =>
    t.dataSource.query(`SELECT id, rep_id, action, remark, product_name, article_id, title FROM radar_action WHERE customer_id = $1 ORDER BY id`, [customerId]);

  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it.each(CATALOGUE)('stores action %i with its standard remark (form body)', async (action, target, remark) => {
    const customer = w.customers[2];
    const res = await t.post(RECORD, customer, { u_id: w.reps[0].id, action, ...target, ...(target.article_id ? { article_id: w.articleId } : {}) });
    expect(res.body).toEqual({ code: 200, msg: '记录成功', data: { id: expect.any(Number) } });
    const [row] = await t.dataSource.query(`SELECT rep_id, customer_id, action, remark, company_id FROM radar_action WHERE id = $1`, [res.body.data.id]);
    expect(row).toEqual({ rep_id: w.reps[0].id, customer_id: customer.id, action, remark, company_id: w.companyId });
    const time = await t.get(TIME, w.reps[0], { customer_id: customer.id, length: 1 });
    expect(time.body.data.ret_data[0]).toMatchObject({ id: res.body.data.id, action, log: `Customer2${remark}` });
  });

  it('accepts a JSON body with real numbers and stores the target fields', async () => {
    const res = await t.post(RECORD, w.customers[1], { u_id: w.reps[0].id, action: 14, article_id: w.articleId, title: ' 一篇文章 ' }, 'json');
    expect(res.body.code).toBe(200);
    const [row] = await t.dataSource.query(`SELECT remark, article_id, title, product_name FROM radar_action WHERE id = $1`, [res.body.data.id]);
    expect(row).toEqual({ remark: '访问了文章《一篇文章》', article_id: w.articleId, title: '一篇文章', product_name: null });
  });

  it('refuses an article_id its company does not have (another company\'s, or none) and stores nothing', async () => {
    const other = await createWorld(t);
    const before = (await rows(w.customers[1].id)).length;
    for (const articleId of [other.articleId, 999_999_999]) {
      const res = await t.post(RECORD, w.customers[1], { u_id: w.reps[0].id, action: 14, article_id: articleId, title: 'x' });
      expect(res.body).toEqual({ code: 402, msg: '请求异常', data: { article_id: [{ message: '对象不存在。', code: 'not_found' }] } });
    }
    expect((await rows(w.customers[1].id)).length).toBe(before);
  });

  it('answers 307 without a relation with u_id (another rep, another company, unknown rep)', async () => {
    for (const repId of [w.reps[1].id, w.outsiderRep.id, 999_999_999]) {
      const res = await t.post(RECORD, w.customers[1], { u_id: repId, action: 1 });
      expect(res.body).toEqual({ code: 307, msg: '用户-客户关系不存在', data: {} });
    }
    expect((await rows(w.customers[1].id)).filter((r: { rep_id: number }) => r.rep_id !== w.reps[0].id)).toEqual([]);
  });

  it('answers 402 with field errors for a bad action or u_id, storing nothing', async () => {
    const before = (await rows(w.customers[0].id)).length;
    const cases: [Record<string, unknown>, 'form' | 'json', string, string][] = [
      [{ u_id: w.reps[0].id, action: 3 }, 'form', 'action', 'invalid'],
      [{ u_id: w.reps[0].id, action: 99 }, 'json', 'action', 'invalid'],
      [{ u_id: w.reps[0].id, action: 'abc' }, 'form', 'action', 'invalid'],
      [{ u_id: w.reps[0].id }, 'form', 'action', 'required'],
      [{ action: 1 }, 'json', 'u_id', 'required'],
      [{ u_id: 'x', action: 1 }, 'form', 'u_id', 'invalid'],
      [{ u_id: w.reps[0].id, action: 2, product_name: 'p'.repeat(101) }, 'form', 'product_name', 'too_long'],
      [{ u_id: w.reps[0].id, action: 14, article_id: -1 }, 'json', 'article_id', 'invalid'],
      [{ u_id: 2_147_483_648, action: 1 }, 'form', 'u_id', 'out_of_range'],
      [{ u_id: [w.reps[0].id], action: { code: 1 } }, 'json', 'u_id', 'invalid'],
      [{ u_id: w.reps[0].id, action: 2, product_name: 'a\u0000b' }, 'form', 'product_name', 'invalid'],
      [{ u_id: w.reps[0].id, action: 14, title: 42 }, 'json', 'title', 'invalid'],
    ];
    for (const [body, encoding, field, code] of cases) {
      const res = await t.post(RECORD, w.customers[0], body, encoding);
      expect(res.body).toMatchObject({ code: 402, msg: '请求异常', data: { [field]: [{ code, message: expect.any(String) }] } });
    }
    expect((await rows(w.customers[0].id)).length).toBe(before);
  });

  it('moves the relation’s last_activity_at (not last_follow_at)', async () => {
    const relation = () =>
      t.dataSource.query(`SELECT last_activity_at, last_follow_at FROM relation WHERE rep_id = $1 AND customer_id = $2`, [w.reps[1].id, w.customers[0].id]);
    const [before] = await relation();
    expect(before.last_activity_at).toBeNull();
    const started = Date.now();
    await t.post(RECORD, w.customers[0], { u_id: w.reps[1].id, action: 5 });
    const [after] = await relation();
    expect(after.last_activity_at.getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(after.last_follow_at).toBeNull();
  });

  it('stores the same action on the same target once within the dedupe window, other targets separately', async () => {
    const c = w.customers[0];
    const first = await t.post(RECORD, c, { u_id: w.reps[0].id, action: 2, product_name: '产品甲' });
    const again = await t.post(RECORD, c, { u_id: w.reps[0].id, action: 2, product_name: '产品甲' }, 'json');
    const other = await t.post(RECORD, c, { u_id: w.reps[0].id, action: 2, product_name: '产品乙' });
    const otherAction = await t.post(RECORD, c, { u_id: w.reps[0].id, action: 7, product_name: '产品甲' });
    expect(again.body).toEqual({ code: 200, msg: '记录成功', data: { id: first.body.data.id } });
    expect(other.body.data.id).not.toBe(first.body.data.id);
    expect(otherAction.body.data.id).not.toBe(first.body.data.id);
    const stored = await t.dataSource.query(`SELECT count(*)::int AS n FROM radar_action WHERE customer_id = $1 AND action = 2 AND product_name = '产品甲'`, [c.id]);
    expect(stored[0].n).toBe(1);
  });

  it('stores concurrent identical requests once', async () => {
    const c = w.customers[1];
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => t.post(RECORD, c, { u_id: w.reps[0].id, action: 8 }, i % 2 ? 'json' : 'form')));
    expect(replies.map((r) => r.body.code)).toEqual(Array(8).fill(200));
    expect(new Set(replies.map((r) => r.body.data.id)).size).toBe(1);
    const stored = await t.dataSource.query(`SELECT count(*)::int AS n FROM radar_action WHERE customer_id = $1 AND action = 8`, [c.id]);
    expect(stored[0].n).toBe(1);
  });

  it('publishes radar.action to the rep after commit, in the action/time item shape', async () => {
    const events: RealtimeEvent[] = [];
    const visibleAtPublish: Promise<boolean>[] = [];
    const unsubscribe = t.app.get(EventBus).subscribe((e) => {
      if (e.event !== 'radar.action') return;
      events.push(e);
      // Another connection must already see the row: the event is sent after the commit.
      const id = (e.data as { id: number }).id;
      visibleAtPublish.push(t.dataSource.query(`SELECT 1 FROM radar_action WHERE id = $1`, [id]).then((r) => r.length === 1));
    });
    try {
      const res = await t.post(RECORD, w.customers[1], { u_id: w.reps[0].id, action: 9 }, 'json');
      await t.post(RECORD, w.customers[1], { u_id: w.reps[0].id, action: 9 }); // deduplicated: no second event
      await drainBus(t);
      expect(events).toHaveLength(1);
      expect(events[0].to).toEqual({ role: 'rep', id: w.reps[0].id });
      expect(await Promise.all(visibleAtPublish)).toEqual([true]);
      const time = await t.get(TIME, w.reps[0], { customer_id: w.customers[1].id, length: 1 });
      expect(events[0].data).toEqual(time.body.data.ret_data[0]);
      expect(events[0].data).toMatchObject({ id: res.body.data.id, user_id: w.reps[0].id, customer_id: w.customers[1].id, action: 9, log: 'Customer1觉得靠谱' });
    } finally {
      unsubscribe();
    }
  });

  it('records through the RadarActionRecorder port inside the caller’s transaction (Chat’s product inquiry)', async () => {
    const recorder = t.app.get(RadarActionRecorder);
    const runner = t.app.get(TransactionRunner);
    const events: RealtimeEvent[] = [];
    const unsubscribe = t.app.get(EventBus).subscribe((e) => events.push(e));
    try {
      const key = { companyId: w.companyId, repId: w.reps[1].id, customerId: w.customers[0].id };
      await expect(
        runner.run(async (tx) => {
          await recorder.record(tx, { ...key, action: 7, productName: '回滚的产品' });
          throw new Error('the caller fails after recording');
        }),
      ).rejects.toThrow('the caller fails');
      await runner.run((tx) => recorder.record(tx, { ...key, action: 7, productName: '会员卡' }));
      const stored = await t.dataSource.query(`SELECT remark FROM radar_action WHERE rep_id = $1 AND customer_id = $2 AND action = 7`, [key.repId, key.customerId]);
      expect(stored).toEqual([{ remark: '咨询了产品《会员卡》' }]);
      // Delivered by the commit's NOTIFY through the listener: asynchronously, and only once.
      await eventually(() => expect(events.map((e) => (e.data as { log: string }).log)).toEqual(['Customer0咨询了产品《会员卡》']));
    } finally {
      unsubscribe();
    }
  });

  it('keeps free text from port callers storable (NULs dropped, at most 200 characters)', async () => {
    const recorder = t.app.get(RadarActionRecorder);
    const key = { companyId: w.companyId, repId: w.reps[1].id, customerId: w.customers[0].id };
    await t.app.get(TransactionRunner).run((tx) => recorder.record(tx, { ...key, action: 2, productName: `A\u0000B${'长'.repeat(300)}` }));
    const [row] = await t.dataSource.query(`SELECT product_name FROM radar_action WHERE rep_id = $1 AND customer_id = $2 AND action = 2`, [key.repId, key.customerId]);
    expect(row.product_name).toBe(`AB${'长'.repeat(198)}`);
  });
});

describe('POST action/record/0 after the dedupe window', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start({ radarDedupeSeconds: 1 });
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('stores the same action again once RADAR_DEDUPE_SECONDS have passed', async () => {
    const body = { u_id: w.reps[0].id, action: 1 };
    const first = await t.post(RECORD, w.customers[0], body);
    const within = await t.post(RECORD, w.customers[0], body);
    await new Promise((r) => setTimeout(r, 1100));
    const after = await t.post(RECORD, w.customers[0], body);
    expect(within.body.data.id).toBe(first.body.data.id);
    expect(after.body.data.id).toBeGreaterThan(first.body.data.id);
  });
});
