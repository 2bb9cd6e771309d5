import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

const TIME = '/zhugeleida/qiyeweixin/action/time';

describe('GET action/time (the rep’s radar timeline)', () => {
  let t: TestApp;
  let w: World;
  let rep0: World['reps'][0];
  let c: number[];

  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
    rep0 = w.reps[0];
    c = w.customers.map((x) => x.id);
    await t.importFixture({
      actions: [
        { rep_id: rep0.id, customer_id: c[0], action: 1, create_date: '2026-11-20T10:00:00+08:00' },
        // 00:30 local on 11-21 is still 11-20 in UTC: the date filters must use the business zone.
        { rep_id: rep0.id, customer_id: c[1], action: 2, create_date: '2026-11-21T00:30:00+08:00', product_name: '智能手环' },
        { rep_id: rep0.id, customer_id: c[1], action: 9, create_date: '2026-11-22T09:15:30.250+08:00' },
        // Two rows at the same instant: the later id comes first.
        { rep_id: rep0.id, customer_id: c[2], action: 5, create_date: '2026-11-23T12:00:00+08:00' },
        { rep_id: rep0.id, customer_id: c[0], action: 9, create_date: '2026-11-23T12:00:00+08:00', remark: '觉得您非常靠谱' },
        // Rep 1 and the outsider rep have their own rows.
        { rep_id: w.reps[1].id, customer_id: c[0], action: 6, create_date: '2026-11-23T13:00:00+08:00' },
        { rep_id: w.outsiderRep.id, customer_id: w.outsiderCustomer.id, action: 1, create_date: '2026-11-23T14:00:00+08:00' },
      ],
    });
    // The rep's memo name for customer 0 is what the rep reads.
    await t.dataSource.query(`UPDATE relation SET memo_name = '张聪' WHERE rep_id = $1 AND customer_id = $2`, [rep0.id, c[0]]);
  });
  afterAll(async () => t.close());

  const ids = (res: { body: { data: { ret_data: { id: number }[] } } }) => res.body.data.ret_data.map((i) => i.id);
  const idOf = async (customerId: number, action: number) =>
    (await t.dataSource.query(`SELECT id FROM radar_action WHERE rep_id = $1 AND customer_id = $2 AND action = $3`, [rep0.id, customerId, action]))[0].id;

  it('lists the rep’s rows newest first (id tie-breaker) with the documented fields', async () => {
    const res = await t.get(TIME, rep0);
    expect(res.body.code).toBe(200);
    expect(res.body.msg).toBe('查询日志记录成功');
    expect(res.body.data.data_count).toBe(5);
    const items = res.body.data.ret_data;
    expect(items.map((i: { log: string }) => i.log)).toEqual([
      '张聪觉得您非常靠谱',
      'Customer2复制了您的微信',
      'Customer1觉得靠谱',
      'Customer1访问了产品《智能手环》',
      '张聪访问了您的名片',
    ]);
    expect(items[0].id).toBeGreaterThan(items[1].id);
    expect(items[2]).toEqual({
      id: await idOf(c[1], 9),
      user_id: rep0.id,
      customer_id: c[1],
      headimgurl: 'http://img/c1.png',
      customer_username: 'Customer1',
      action: 9,
      log: 'Customer1觉得靠谱',
      create_date: '2026-11-22T09:15:30.250',
    });
    expect(items[0]).toMatchObject({ customer_username: '张聪', create_date: '2026-11-23T12:00:00' });
  });

  it('pages with length (default 10) and current_page; data_count is the total', async () => {
    const all = ids(await t.get(TIME, rep0));
    const p1 = await t.get(TIME, rep0, { length: 2, current_page: 1 });
    const p3 = await t.get(TIME, rep0, { length: 2, current_page: 3 });
    expect(ids(p1)).toEqual(all.slice(0, 2));
    expect(ids(p3)).toEqual(all.slice(4, 6));
    expect(p3.body.data.data_count).toBe(5);
    expect(ids(await t.get(TIME, rep0, { length: 0 }))).toEqual(all);
    // A page far past the end is empty, not an error.
    const farAway = await t.get(TIME, rep0, { current_page: '1000000000000000000' });
    expect(farAway.body).toEqual({ code: 200, msg: '查询日志记录成功', data: { ret_data: [], data_count: 5 } });
  });

  it('filters by customer_id and action', async () => {
    const byCustomer = await t.get(TIME, rep0, { customer_id: c[1] });
    expect(byCustomer.body.data.ret_data.map((i: { action: number }) => i.action)).toEqual([9, 2]);
    const byAction = await t.get(TIME, rep0, { action: 9 });
    expect(byAction.body.data.ret_data.map((i: { customer_id: number }) => i.customer_id)).toEqual([c[0], c[1]]);
    expect(byAction.body.data.data_count).toBe(2);
  });

  it('filters by calendar days in the business time zone (gte inclusive, lt exclusive)', async () => {
    const from21 = await t.get(TIME, rep0, { create_date__gte: '2026-11-21' });
    expect(from21.body.data.data_count).toBe(4);
    const before21 = await t.get(TIME, rep0, { create_date__lt: '2026-11-21' });
    expect(before21.body.data.ret_data.map((i: { action: number }) => i.action)).toEqual([1]);
    const day22 = await t.get(TIME, rep0, { create_date__gte: '2026-11-22', create_date__lt: '2026-11-23' });
    expect(day22.body.data.ret_data.map((i: { action: number }) => i.action)).toEqual([9]);
    const legacyShape = await t.get(TIME, rep0, { create_date__gte: '2026-11-2', create_date__lt: '2026-11-21', customer_id: '' });
    expect(legacyShape.body.data.data_count).toBe(1);
  });

  it('marks the returned rows seen, and only those', async () => {
    await t.dataSource.query(`UPDATE radar_action SET seen = false WHERE company_id = $1`, [w.companyId]);
    await t.get(TIME, rep0, { length: 2 });
    const seen = await t.dataSource.query(`SELECT rep_id, seen, count(*)::int AS n FROM radar_action WHERE company_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`, [w.companyId]);
    expect(seen).toEqual([
      { rep_id: rep0.id, seen: false, n: 3 },
      { rep_id: rep0.id, seen: true, n: 2 },
      { rep_id: w.reps[1].id, seen: false, n: 1 },
    ]);
  });

  it('marks rows seen without waiting for a row another transaction holds, and never deadlocks', async () => {
    await t.dataSource.query(`UPDATE radar_action SET seen = false WHERE company_id = $1`, [w.companyId]);
    const held = await idOf(c[1], 9);
    const other = t.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query(`SELECT id FROM radar_action WHERE id = $1 FOR UPDATE`, [held]);
      // Before SKIP LOCKED this waited for the other transaction (and two timelines deadlocked).
      const answer = await Promise.race([t.get(TIME, rep0, { length: 10 }), new Promise<'waited'>((r) => setTimeout(() => r('waited'), 3000))]);
      expect(answer === 'waited' ? answer : answer.body.code).toBe(200);
      const unseen = await t.dataSource.query(`SELECT id FROM radar_action WHERE rep_id = $1 AND NOT seen`, [rep0.id]);
      expect(unseen).toEqual([{ id: held }]);
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
    // Many timelines of one rep at once, over the same rows through different filters.
    await t.dataSource.query(`UPDATE radar_action SET seen = false WHERE company_id = $1`, [w.companyId]);
    const queries: Record<string, number>[] = [{ length: 10 }, { length: 3 }, { customer_id: c[1] }, { action: 9 }, { customer_id: c[0], length: 1 }];
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => t.get(TIME, rep0, queries[i % queries.length])));
    expect(answers.map((a) => a.body.code)).toEqual(answers.map(() => 200));
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM radar_action WHERE rep_id = $1 AND NOT seen`, [rep0.id])).toEqual([{ n: 0 }]);
  });

  it('never shows another rep’s or another company’s rows', async () => {
    const rep1 = await t.get(TIME, w.reps[1]);
    expect(rep1.body.data.ret_data.map((i: { log: string }) => i.log)).toEqual(['Customer0转发了您的名片']);
    const rep1OnRep0Customer = await t.get(TIME, w.reps[1], { customer_id: c[1] });
    expect(rep1OnRep0Customer.body.data).toEqual({ ret_data: [], data_count: 0 });
    const outsider = await t.get(TIME, w.outsiderRep, { customer_id: c[0] });
    expect(outsider.body.data).toEqual({ ret_data: [], data_count: 0 });
    const outsiderOwn = await t.get(TIME, w.outsiderRep);
    expect(outsiderOwn.body.data.data_count).toBe(1);
    expect(outsiderOwn.body.data.ret_data[0].customer_id).toBe(w.outsiderCustomer.id);
  });

  it('answers 402 with field errors for invalid parameters', async () => {
    const cases: [Record<string, string | number>, string, string][] = [
      [{ customer_id: 'abc' }, 'customer_id', 'invalid'],
      [{ customer_id: 2_147_483_648 }, 'customer_id', 'out_of_range'],
      [{ action: 3 }, 'action', 'invalid'],
      [{ create_date__gte: '2026-13-01' }, 'create_date__gte', 'invalid'],
      [{ create_date__lt: 'yesterday' }, 'create_date__lt', 'invalid'],
      [{ length: 101 }, 'length', 'out_of_range'],
      [{ current_page: 0 }, 'current_page', 'out_of_range'],
    ];
    for (const [query, field, code] of cases) {
      const res = await t.get(TIME, rep0, query);
      expect(res.body).toMatchObject({ code: 402, msg: '请求异常', data: { [field]: [{ code }] } });
    }
  });

  it('is signed: a customer signature is refused on the rep surface', async () => {
    const res = await t.get(TIME, w.customers[0]);
    expect(res.body.code).toBe(400);
  });
});
