import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

const LIST = '/zhugeleida/qiyeweixin/follow_info';
const ADD = (id: number | string) => `/zhugeleida/qiyeweixin/follow_info/add/${id}`;
const LEGACY_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?$/;

describe('follow_info (API.md §6.2)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  const lastFollowAt = async (repId: number, customerId: number): Promise<Date | null> => {
    const [row] = await t.dataSource.query(`SELECT last_follow_at FROM relation WHERE rep_id = $1 AND customer_id = $2`, [repId, customerId]);
    return row.last_follow_at;
  };

  it('adds notes from form and JSON bodies, lists them newest first and sets last_follow_at', async () => {
    const [rep, customer] = [w.reps[0], w.customers[0]];
    expect(await lastFollowAt(rep.id, customer.id)).toBeNull();
    const empty = await t.get(LIST, rep, { customer_id: customer.id });
    expect(empty.body).toEqual({ code: 200, msg: '', data: { ret_data: [], data_count: 0 } });

    const form = await t.post(ADD(customer.id), rep, { follow_info: '第一次电话沟通' });
    expect(form.body).toEqual({ code: 200, msg: '添加成功', data: {} });
    const json = await t.post(ADD(customer.id), rep, { follow_info: '  约了下周见面  ' }, 'json');
    expect(json.body).toEqual({ code: 200, msg: '添加成功', data: {} });
    expect(await lastFollowAt(rep.id, customer.id)).not.toBeNull();

    const res = await t.get(LIST, rep, { customer_id: customer.id });
    expect(res.body.code).toBe(200);
    expect(res.body.msg).toBe('');
    expect(res.body.data.data_count).toBe(2);
    const [newest, oldest] = res.body.data.ret_data;
    // The legacy item (views_dir/qiyeweixin/follow_info.py): both faces, both ids, the note, its time.
    expect(newest).toEqual({
      user_customer_flowup__customer__headimgurl: 'http://img/c0.png',
      user_customer_flowup__user__avatar: 'http://img/rep0.png',
      user_customer_flowup__user_id: rep.id,
      user_customer_flowup__customer_id: customer.id,
      follow_info: '约了下周见面',
      create_date: expect.stringMatching(LEGACY_DATETIME),
    });
    expect(oldest.follow_info).toBe('第一次电话沟通');
    expect(newest.create_date >= oldest.create_date).toBe(true);

    const contacts = await t.get('/zhugeleida/qiyeweixin/tongxunlu', rep, { order: '-last_follow_time' });
    expect(contacts.body.data.ret_data[0]).toMatchObject({ customer_id: customer.id, last_follow_time: '今天', follow_status: '今天跟进' });
  });

  it('pages the notes', async () => {
    const [rep, customer] = [w.reps[0], w.customers[2]];
    for (let i = 1; i <= 12; i++) expect((await t.post(ADD(customer.id), rep, { follow_info: `note ${i}` })).body.code).toBe(200);
    const first = await t.get(LIST, rep, { customer_id: customer.id });
    expect(first.body.data.data_count).toBe(12);
    expect(first.body.data.ret_data).toHaveLength(10);
    expect(first.body.data.ret_data[0].follow_info).toBe('note 12');
    const second = await t.get(LIST, rep, { customer_id: customer.id, current_page: 2 });
    expect(second.body.data.ret_data.map((n: { follow_info: string }) => n.follow_info)).toEqual(['note 2', 'note 1']);
  });

  it('keeps notes per rep: another rep related to the same customer does not see them', async () => {
    const customer = w.customers[0];
    await t.post(ADD(customer.id), w.reps[1], { follow_info: 'rep 1 only' });
    const rep1 = await t.get(LIST, w.reps[1], { customer_id: customer.id });
    expect(rep1.body.data.ret_data.map((n: { follow_info: string }) => n.follow_info)).toEqual(['rep 1 only']);
    const rep0 = await t.get(LIST, w.reps[0], { customer_id: customer.id });
    expect(rep0.body.data.ret_data.map((n: { follow_info: string }) => n.follow_info)).not.toContain('rep 1 only');
  });

  it('validates the note: required, at most 256 characters (402 with field errors)', async () => {
    const [rep, customer] = [w.reps[0], w.customers[1]];
    const missing = await t.post(ADD(customer.id), rep, {});
    expect(missing.body).toEqual({ code: 402, msg: '请求异常', data: { follow_info: [{ message: '这个字段是必填项。', code: 'required' }] } });
    const blank = await t.post(ADD(customer.id), rep, { follow_info: '   ' }, 'json');
    expect(blank.body.data.follow_info[0].code).toBe('required');
    const tooLong = await t.post(ADD(customer.id), rep, { follow_info: '长'.repeat(257) });
    expect(tooLong.body).toEqual({ code: 402, msg: '请求异常', data: { follow_info: [{ message: '长度超出限制。', code: 'too_long' }] } });
    const notText = await t.post(ADD(customer.id), rep, { follow_info: 12 }, 'json');
    expect(notText.body.data.follow_info[0].code).toBe('invalid');
    expect((await t.post(ADD(customer.id), rep, { follow_info: '长'.repeat(256) })).body.code).toBe(200);
    const badId = await t.post(ADD('abc'), rep, { follow_info: 'x' });
    expect(badId.body).toEqual({ code: 402, msg: '请求异常', data: { customer_id: [{ message: '请输入有效的值。', code: 'invalid' }] } });
    const noCustomer = await t.get(LIST, rep);
    expect(noCustomer.body.data.customer_id[0].code).toBe('required');
  });

  it('renders note times in the configured business time zone', async () => {
    const [rep, customer] = [w.reps[0], w.customers[0]];
    const ny = await TestApp.start({ businessTimezone: 'America/New_York' });
    try {
      const [sh, us] = await Promise.all([t.get(LIST, rep, { customer_id: customer.id }), ny.get(LIST, rep, { customer_id: customer.id })]);
      const [rows] = await t.dataSource.query(
        `SELECT f.created_at FROM follow_up f JOIN relation r ON r.id = f.relation_id WHERE r.rep_id = $1 AND r.customer_id = $2 ORDER BY f.created_at DESC, f.id DESC LIMIT 1`,
        [rep.id, customer.id],
      );
      const instant: Date = rows.created_at;
      const asUtc = (local: string) => Date.parse(`${local}Z`);
      // Shanghai is UTC+8 all year; New York is UTC-5 in winter (UTC-4 in summer).
      expect(asUtc(sh.body.data.ret_data[0].create_date) - instant.getTime()).toBe(8 * 3600_000);
      expect([-5, -4].map((h) => h * 3600_000)).toContain(asUtc(us.body.data.ret_data[0].create_date) - instant.getTime());
    } finally {
      await ny.close();
    }
  });
});
