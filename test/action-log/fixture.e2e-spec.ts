import { DEMO_FIXTURE } from '../../src/modules/seed/demo-fixture';
import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

describe('fixture section "actions"', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  const rowsOf = (repId: number) =>
    t.dataSource.query(`SELECT customer_id, action, remark, product_name, seen FROM radar_action WHERE rep_id = $1 ORDER BY created_at, id`, [repId]);

  it('loads actions with the standard or given remark, and loading twice changes nothing', async () => {
    const fixture = {
      actions: [
        { rep_id: w.reps[1].id, customer_id: w.customers[0].id, action: 2, product_name: '年卡', create_date: '2026-11-01T08:00:00Z' },
        { rep_id: w.reps[1].id, customer_id: w.customers[0].id, action: 9, remark: '觉得您非常靠谱', create_date: '2026-11-02T08:00:00Z' },
      ],
    };
    await t.importFixture(fixture);
    const once = await rowsOf(w.reps[1].id);
    await t.importFixture(fixture);
    expect(await rowsOf(w.reps[1].id)).toEqual(once);
    expect(once).toEqual([
      { customer_id: w.customers[0].id, action: 2, remark: '访问了产品《年卡》', product_name: '年卡', seen: false },
      { customer_id: w.customers[0].id, action: 9, remark: '觉得您非常靠谱', product_name: null, seen: false },
    ]);
  });

  it('rejects bad records naming them, and loads nothing of a bad file', async () => {
    const good = { rep_id: w.reps[0].id, customer_id: w.customers[1].id, action: 1, create_date: '2026-11-03T08:00:00Z' };
    const cases: [unknown, RegExp][] = [
      [{ ...good, action: 3 }, /actions\[1\] \(id \d+\): "action" 3 is not a radar action code/],
      [{ ...good, create_date: undefined }, /actions\[1\].*"create_date" is required/],
      [{ ...good, colour: 'red' }, /actions\[1\].*unknown key "colour"/],
      [{ ...good, customer_id: w.outsiderCustomer.id }, /actions\[1\].*have no relation/],
      [{ ...good, create_date: 'soon' }, /actions\[1\].*"create_date" must be an ISO 8601 date-time/],
    ];
    for (const [bad, message] of cases) {
      await expect(t.importFixture({ actions: [good, bad] })).rejects.toThrow(message);
    }
    expect(await rowsOf(w.reps[0].id)).toEqual([]);
  });

  it('the demo company comes with a radar for rep 1 (张聪)', async () => {
    await t.importFixture(DEMO_FIXTURE);
    await t.importFixture(DEMO_FIXTURE);
    const rep1 = { id: 1, token: '93b5f91eb56b8a4f8d96b7182920d68d' };
    const res = await t.get('/zhugeleida/qiyeweixin/action/time', rep1, { length: 0, create_date__lt: '2026-11-29' });
    expect(res.body.code).toBe(200);
    const logs = res.body.data.ret_data.map((i: { log: string }) => i.log);
    expect(logs).toEqual(expect.arrayContaining(['张炬访问了产品《智能手环》', '胡蓉💗Rose转发了文章《如何挑选一款靠谱的产品》给朋友', '_zzz จุ๊บ觉得靠谱']));
    expect(res.body.data.data_count).toBe(8);
  });
});
