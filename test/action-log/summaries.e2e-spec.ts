import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';
import { ago, DAY, localDate } from './support';

const COUNT = '/zhugeleida/qiyeweixin/action/count';
const PER_CUSTOMER = '/zhugeleida/qiyeweixin/action/customer';
const ALL_CODES = [1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 14, 15, 16];

describe('radar summaries: action/count and action/customer', () => {
  let t: TestApp;
  let w: World;
  let c: number[];

  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
    c = w.customers.map((x) => x.id);
    const rep0 = w.reps[0].id;
    // "Today" is the business zone's calendar day: times inside it, whatever the time of day the
    // test runs (hours ago can be yesterday just after local midnight).
    const sinceMidnight = Date.now() - new Date(`${localDate(0)}T00:00:00+08:00`).getTime();
    const today = (fraction: number) => ago(fraction * sinceMidnight);
    await t.importFixture({
      actions: [
        { rep_id: rep0, customer_id: c[0], action: 1, create_date: today(0.3) },
        { rep_id: rep0, customer_id: c[0], action: 1, create_date: today(0.5) },
        { rep_id: rep0, customer_id: c[0], action: 9, create_date: ago(6 * DAY) },
        { rep_id: rep0, customer_id: c[0], action: 2, create_date: ago(8 * DAY), product_name: '旧产品' },
        { rep_id: rep0, customer_id: c[1], action: 7, create_date: today(0.7) },
        { rep_id: rep0, customer_id: c[1], action: 1, create_date: today(0.1) },
        { rep_id: w.reps[1].id, customer_id: c[0], action: 6, create_date: today(0.3) },
        { rep_id: w.outsiderRep.id, customer_id: w.outsiderCustomer.id, action: 1, create_date: today(0.3) },
      ],
    });
    await t.dataSource.query(`UPDATE relation SET memo_name = '王总' WHERE rep_id = $1 AND customer_id = $2`, [rep0, c[0]]);
  });
  afterAll(async () => t.close());

  const countsOf = (data: { ret_data: { action: number; count: number }[] }) =>
    Object.fromEntries(data.ret_data.filter((r) => r.count).map((r) => [r.action, r.count]));

  describe('GET action/count', () => {
    it('counts every catalogue action over the last 7 days by default', async () => {
      const res = await t.get(COUNT, w.reps[0]);
      expect(res.body.code).toBe(200);
      expect(res.body.msg).toBe('查询成功');
      expect(res.body.data.ret_data.map((r: { action: number }) => r.action)).toEqual(ALL_CODES);
      expect(res.body.data.ret_data[0]).toEqual({ action: 1, action_name: '查看名片', count: 3 });
      expect(countsOf(res.body.data)).toEqual({ 1: 3, 7: 1, 9: 1 });
      expect(res.body.data.data_count).toBe(5);
      expect(res.body.data.create_date__gte).toBe(localDate(-6));
      expect(res.body.data.create_date__lt).toBe(localDate(1));
    });

    it('takes an explicit range of calendar days and a customer filter', async () => {
      const range = await t.get(COUNT, w.reps[0], { create_date__gte: localDate(-8), create_date__lt: localDate(-5) });
      expect(countsOf(range.body.data)).toEqual({ 2: 1, 9: 1 });
      expect(range.body.data.data_count).toBe(2);
      const forC1 = await t.get(COUNT, w.reps[0], { customer_id: c[1] });
      expect(countsOf(forC1.body.data)).toEqual({ 1: 1, 7: 1 });
    });

    it('counts only the signed-in rep’s rows', async () => {
      const rep1 = await t.get(COUNT, w.reps[1]);
      expect(countsOf(rep1.body.data)).toEqual({ 6: 1 });
      const outsider = await t.get(COUNT, w.outsiderRep, { customer_id: c[0] });
      expect(outsider.body.data.data_count).toBe(0);
    });

    it('answers 402 for invalid dates', async () => {
      const res = await t.get(COUNT, w.reps[0], { create_date__gte: '2026-02-30' });
      expect(res.body).toMatchObject({ code: 402, msg: '请求异常', data: { create_date__gte: [{ code: 'invalid' }] } });
    });
  });

  describe('GET action/customer', () => {
    it('ranks the rep’s customers by number of actions, with a per-action breakdown', async () => {
      const res = await t.get(PER_CUSTOMER, w.reps[0]);
      expect(res.body.code).toBe(200);
      expect(res.body.data.data_count).toBe(2);
      const [first, second] = res.body.data.ret_data;
      expect(first).toEqual({
        customer_id: c[0],
        customer_username: '王总',
        headimgurl: 'http://img/c0.png',
        count: 4,
        create_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?$/),
        action_list: [
          { action: 1, action_name: '查看名片', count: 2 },
          { action: 2, action_name: '查看产品', count: 1 },
          { action: 9, action_name: '觉得靠谱', count: 1 },
        ],
      });
      expect(second).toMatchObject({ customer_id: c[1], customer_username: 'Customer1', count: 2 });
      // create_date is the customer's latest action, as action/time shows it.
      const latest = await t.get('/zhugeleida/qiyeweixin/action/time', w.reps[0], { customer_id: c[0], length: 1 });
      expect(first.create_date).toBe(latest.body.data.ret_data[0].create_date);
    });

    it('breaks ties by the latest action (most recent first)', async () => {
      // Today only: both customers did 2 actions; customer 1's latest is more recent.
      const res = await t.get(PER_CUSTOMER, w.reps[0], { create_date__gte: localDate(0) });
      expect(res.body.data.ret_data.map((r: { customer_id: number; count: number }) => [r.customer_id, r.count])).toEqual([
        [c[1], 2],
        [c[0], 2],
      ]);
    });

    it('pages and filters by action', async () => {
      const page2 = await t.get(PER_CUSTOMER, w.reps[0], { length: 1, current_page: 2 });
      expect(page2.body.data.ret_data.map((r: { customer_id: number }) => r.customer_id)).toEqual([c[1]]);
      expect(page2.body.data.data_count).toBe(2);
      const inquiries = await t.get(PER_CUSTOMER, w.reps[0], { action: 7 });
      expect(inquiries.body.data).toMatchObject({ data_count: 1, ret_data: [{ customer_id: c[1], count: 1, action_list: [{ action: 7, count: 1 }] }] });
    });

    it('shows only the signed-in rep’s customers', async () => {
      const rep1 = await t.get(PER_CUSTOMER, w.reps[1]);
      expect(rep1.body.data).toMatchObject({ data_count: 1, ret_data: [{ customer_id: c[0], customer_username: 'Customer0', count: 1 }] });
      const outsider = await t.get(PER_CUSTOMER, w.outsiderRep);
      expect(outsider.body.data.ret_data.map((r: { customer_id: number }) => r.customer_id)).toEqual([w.outsiderCustomer.id]);
    });

    it('answers 402 for invalid parameters', async () => {
      const res = await t.get(PER_CUSTOMER, w.reps[0], { action: 'x' });
      expect(res.body).toMatchObject({ code: 402, data: { action: [{ code: 'invalid' }] } });
    });
  });
});
