import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

/**
 * GET qiyeweixin/action/get_new_log (issue 12): the legacy "new activity" badge. Returns the
 * rep's unseen radar rows in the legacy item shape and marks them seen; concurrent calls never
 * return a row twice. Expected bodies written from the legacy view (views_dir/qiyeweixin/action.py,
 * oper_type get_new_log): user_id, customer_id, action = get_action_display(), log = name + remark,
 * create_date; msg 查询日志记录成功; data_count = the number of rows.
 */
const PATH = '/zhugeleida/qiyeweixin/action/get_new_log';

describe('action/get_new_log', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  const importActions = (actions: object[]) => t.importFixture({ actions });

  it('answers the unseen rows in the legacy shape, newest first, once', async () => {
    const [rep] = w.reps;
    const [c0, c1] = w.customers;
    await importActions([
      { rep_id: rep.id, customer_id: c0.id, action: 1, create_date: '2026-11-20T10:00:00+08:00' },
      { rep_id: rep.id, customer_id: c1.id, action: 2, product_name: '智能手环', create_date: '2026-11-21T09:15:30.250+08:00' },
    ]);
    const first = await t.get(PATH, rep);
    expect(first.body).toEqual({
      code: 200,
      msg: '查询日志记录成功',
      data: {
        ret_data: [
          { user_id: rep.id, customer_id: c1.id, action: '查看产品', log: 'Customer1访问了产品《智能手环》', create_date: '2026-11-21T09:15:30.250' },
          { user_id: rep.id, customer_id: c0.id, action: '查看名片', log: 'Customer0访问了您的名片', create_date: '2026-11-20T10:00:00' },
        ],
        data_count: 2,
      },
    });
    const again = await t.get(PATH, rep);
    expect(again.body).toEqual({ code: 200, msg: '查询日志记录成功', data: { ret_data: [], data_count: 0 } });
  });

  it('filters by action and orders oldest first with order=create_date; action/time marks rows seen too', async () => {
    const rep = w.reps[1];
    const [c0] = w.customers;
    await importActions([
      { rep_id: rep.id, customer_id: c0.id, action: 9, create_date: '2026-11-22T08:00:00+08:00' },
      { rep_id: rep.id, customer_id: c0.id, action: 9, create_date: '2026-11-22T09:00:00+08:00' },
      { rep_id: rep.id, customer_id: c0.id, action: 1, create_date: '2026-11-22T10:00:00+08:00' },
    ]);
    const nines = await t.get(PATH, rep, { action: 9, order: 'create_date' });
    expect(nines.body.data.ret_data.map((i: { create_date: string; action: string }) => [i.create_date, i.action])).toEqual([
      ['2026-11-22T08:00:00', '觉得靠谱'],
      ['2026-11-22T09:00:00', '觉得靠谱'],
    ]);
    await t.get('/zhugeleida/qiyeweixin/action/time', rep);
    expect((await t.get(PATH, rep)).body.data.data_count).toBe(0);
  });

  it('refuses a bad action or order with 402 and marks nothing', async () => {
    const [rep] = w.reps;
    await importActions([{ rep_id: rep.id, customer_id: w.customers[2].id, action: 5, create_date: '2026-11-23T12:00:00+08:00' }]);
    expect((await t.get(PATH, rep, { action: 3 })).body.code).toBe(402);
    expect((await t.get(PATH, rep, { order: 'id' })).body.code).toBe(402);
    expect((await t.get(PATH, rep)).body.data.data_count).toBe(1);
  });

  it('gives each row to exactly one of several concurrent calls', async () => {
    const [rep] = w.reps;
    const rows = Array.from({ length: 40 }, (_, i) => ({ rep_id: rep.id, customer_id: w.customers[i % 3].id, action: 1, create_date: new Date(Date.UTC(2026, 10, 24, 0, i)).toISOString() }));
    await importActions(rows);
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.get(PATH, rep)));
    const dates = answers.flatMap((a) => a.body.data.ret_data.map((i: { create_date: string }) => i.create_date));
    expect(dates).toHaveLength(40);
    expect(new Set(dates).size).toBe(40);
  });

  it("shows a rep only their own company's and their own rows", async () => {
    await importActions([{ rep_id: w.outsiderRep.id, customer_id: w.outsiderCustomer.id, action: 1, create_date: '2026-11-25T10:00:00+08:00' }]);
    await importActions([{ rep_id: w.reps[1].id, customer_id: w.customers[0].id, action: 6, create_date: '2026-11-25T11:00:00+08:00' }]);
    const mine = await t.get(PATH, w.reps[0]);
    expect(mine.body.data.ret_data).toEqual([]);
    const outsider = await t.get(PATH, w.outsiderRep);
    expect(outsider.body.data.ret_data.map((i: { customer_id: number }) => i.customer_id)).toEqual([w.outsiderCustomer.id]);
    const other = await t.get(PATH, w.reps[1]);
    expect(other.body.data.ret_data.map((i: { action: string }) => i.action)).toEqual(['转发名片']);
  });
});
