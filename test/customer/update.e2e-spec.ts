import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

const Q = '/zhugeleida/qiyeweixin';
const PROFILE = `${Q}/customer`;

describe('customer updates (API.md §6.4–6.6)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  const profile = async (rep = w.reps[0], customer = w.customers[0]) => (await t.get(PROFILE, rep, { customer_id: customer.id })).body.data.ret_data[0];
  const notes = async (rep = w.reps[0], customer = w.customers[0]) =>
    (await t.get(`${Q}/follow_info`, rep, { customer_id: customer.id, length: 0 })).body.data.ret_data.map((n: { follow_info: string }) => n.follow_info);

  describe('update_information', () => {
    const URL = (id: number | string) => `${Q}/customer/update_information/${id}`;

    it("stores the brief's example form body in the rep's own view (200 添加成功)", async () => {
      const body = {
        username: '张三丰',
        superior: 1,
        sex: 2,
        memo_name: '太乙真人',
        phone: '15931788974',
        email: '1224423@qq.com',
        company: '合众康桥',
        position: '开发TTT',
        address: '通州区xxx',
        mem: '我是一个兵',
        birthday: '2018-06-1',
      };
      expect((await t.post(URL(w.customers[0].id), w.reps[0], body)).body).toEqual({ code: 200, msg: '添加成功', data: {} });
      expect(await profile()).toMatchObject({
        username: '张三丰',
        memo_name: '张三丰',
        sex: 2,
        phone: '15931788974',
        email: '1224423@qq.com',
        company: '合众康桥',
        position: '开发TTT',
        address: '通州区xxx',
        mem: '我是一个兵',
        birthday: '2018-06-01',
        superior: null,
      });
      const list = await t.get(`${Q}/tongxunlu`, w.reps[0], { order: 'create_date' });
      expect(list.body.data.ret_data.find((i: { customer_id: number }) => i.customer_id === w.customers[0].id).customer_username).toBe('张三丰');
    });

    it('is per rep: another rep of the company and the WeChat nickname are untouched', async () => {
      expect(await profile(w.reps[1])).toMatchObject({ username: 'Customer0', memo_name: null, sex: 1, phone: '', mem: '', birthday: '' });
      const [customer] = await t.dataSource.query(`SELECT username, sex FROM customer WHERE id = $1`, [w.customers[0].id]);
      expect(customer).toEqual({ username: 'Customer0', sex: 1 });
    });

    it('accepts JSON bodies; an absent field keeps its value and "" clears it', async () => {
      const res = await t.post(URL(w.customers[0].id), w.reps[0], { sex: 1, phone: '', mem: '新的备注', birthday: '1990-12-31', password: 'ignored', superior: 5 }, 'json');
      expect(res.body).toEqual({ code: 200, msg: '添加成功', data: {} });
      expect(await profile()).toMatchObject({ sex: 1, phone: '', mem: '新的备注', birthday: '1990-12-31', username: '张三丰', company: '合众康桥' });
      expect((await t.post(URL(w.customers[0].id), w.reps[0], { sex: '2', phone: 13912345678 }, 'json')).body.code).toBe(200);
      expect(await profile()).toMatchObject({ sex: 2, phone: '13912345678' });
      // Not a follow-up (API.md §6.2 lists what moves last_follow_at).
      const [rel] = await t.dataSource.query(`SELECT last_follow_at FROM relation WHERE rep_id = $1 AND customer_id = $2`, [w.reps[0].id, w.customers[0].id]);
      expect(rel.last_follow_at).toBeNull();
    });

    it('answers 303 with the field errors in msg, and stores nothing', async () => {
      const before = await profile();
      const res = await t.post(URL(w.customers[0].id), w.reps[0], { phone: '12345', email: 'not-mail', birthday: '2018-02-30', company: 'x' });
      expect(res.body).toEqual({
        code: 303,
        msg: {
          sex: [{ message: '这个字段是必填项。', code: 'required' }],
          phone: [{ message: '请输入有效的手机号码。', code: 'invalid' }],
          email: [{ message: '请输入有效的电子邮件地址。', code: 'invalid' }],
          birthday: [{ message: '日期格式应为 YYYY-MM-DD。', code: 'invalid' }],
        },
        data: {},
      });
      const badSex = await t.post(URL(w.customers[0].id), w.reps[0], { sex: 3 }, 'json');
      expect(badSex.body).toEqual({ code: 303, msg: { sex: [{ message: '请输入有效的值。', code: 'invalid' }] }, data: {} });
      const tooLong = await t.post(URL(w.customers[0].id), w.reps[0], { sex: 1, mem: 'x'.repeat(1025) });
      expect(tooLong.body.msg).toEqual({ mem: [{ message: '长度超出限制。', code: 'too_long' }] });
      expect(await profile()).toEqual(before);
    });

    it('answers 307 without a relation', async () => {
      expect((await t.post(URL(w.customers[1].id), w.reps[1], { sex: 1, mem: 'x' })).body).toEqual({ code: 307, msg: '用户-客户关系不存在', data: {} });
    });
  });

  describe('update_expected_time', () => {
    const URL = (id: number) => `${Q}/customer/update_expected_time/${id}`;

    it('sets the date, notes it as a follow-up and sets last_follow_at (form and JSON)', async () => {
      const customer = w.customers[1];
      expect((await t.post(URL(customer.id), w.reps[0], { expected_time: '2018-06-06' })).body).toEqual({ code: 200, msg: '添加成功', data: {} });
      expect((await profile(w.reps[0], customer)).expected_time).toBe('2018-06-06');
      expect(await notes(w.reps[0], customer)).toEqual(['更新预计成交日期: 2018-06-06']);
      const list = await t.get(`${Q}/tongxunlu`, w.reps[0], { order: '-last_follow_time', length: 1 });
      expect(list.body.data.ret_data[0]).toMatchObject({ customer_id: customer.id, expected_time: '2018-06-06', last_follow_time: '今天', follow_status: '今天跟进' });

      expect((await t.post(URL(customer.id), w.reps[0], { expected_time: '2026-7-4' }, 'json')).body.code).toBe(200);
      expect((await profile(w.reps[0], customer)).expected_time).toBe('2026-07-04');
      expect((await notes(w.reps[0], customer))[0]).toBe('更新预计成交日期: 2026-07-04');
    });

    it('clears the date with an empty value', async () => {
      const customer = w.customers[1];
      expect((await t.post(URL(customer.id), w.reps[0], { expected_time: '' })).body.code).toBe(200);
      expect((await profile(w.reps[0], customer)).expected_time).toBeNull();
      expect((await notes(w.reps[0], customer))[0]).toBe('清空预计成交日期');
    });

    it('answers 303 with the field errors as a JSON string in msg, and changes nothing', async () => {
      const customer = w.customers[2];
      const res = await t.post(URL(customer.id), w.reps[0], { expected_time: '2018-13-01' });
      expect(res.body.code).toBe(303);
      expect(typeof res.body.msg).toBe('string');
      expect(JSON.parse(res.body.msg)).toEqual({ expected_time: [{ message: '日期格式应为 YYYY-MM-DD。', code: 'invalid' }] });
      expect(res.body.data).toEqual({});
      expect(await notes(w.reps[0], customer)).toEqual([]);
      expect((await profile(w.reps[0], customer)).expected_time).toBeNull();
    });

    it('answers 307 without a relation', async () => {
      expect((await t.post(URL(w.customers[2].id), w.reps[1], { expected_time: '2026-01-01' })).body.code).toBe(307);
    });
  });

  describe('update_expected_pr', () => {
    const URL = (id: number) => `${Q}/customer/update_expected_pr/${id}`;

    it.each([
      ['form 80', { expedted_pr: 80 }, 'form', 80],
      ['form "80%"', { expedted_pr: '80%' }, 'form', 80],
      ['JSON 35', { expedted_pr: 35 }, 'json', 35],
      ['JSON "100%"', { expedted_pr: '100%' }, 'json', 100],
      ['form 0', { expedted_pr: '0' }, 'form', 0],
    ] as const)('accepts %s', async (_name, body, encoding, expected) => {
      const customer = w.customers[2];
      expect((await t.post(URL(customer.id), w.reps[0], body, encoding)).body).toEqual({ code: 200, msg: '添加成功', data: {} });
      expect((await profile(w.reps[0], customer)).expedted_pr).toBe(expected);
      expect((await notes(w.reps[0], customer))[0]).toBe(`更新预计成交率为: ${expected}`);
      const list = await t.get(`${Q}/tongxunlu`, w.reps[0], { order: '-last_follow_time', length: 1 });
      expect(list.body.data.ret_data[0]).toMatchObject({ customer_id: customer.id, expedted_pr: expected, last_follow_time: '今天', follow_status: '今天跟进' });
    });

    it('answers 303 with the field errors in msg for missing, out of range or malformed values', async () => {
      const customer = w.customers[2];
      const count = (await notes(w.reps[0], customer)).length;
      expect((await t.post(URL(customer.id), w.reps[0], {})).body).toEqual({ code: 303, msg: { expedted_pr: [{ message: '这个字段是必填项。', code: 'required' }] }, data: {} });
      expect((await t.post(URL(customer.id), w.reps[0], { expedted_pr: '101' })).body).toEqual({
        code: 303,
        msg: { expedted_pr: [{ message: '超出允许的范围。', code: 'out_of_range' }] },
        data: {},
      });
      expect((await t.post(URL(customer.id), w.reps[0], { expedted_pr: -1 }, 'json')).body.msg.expedted_pr[0].code).toBe('out_of_range');
      expect((await t.post(URL(customer.id), w.reps[0], { expedted_pr: 'high' })).body.msg.expedted_pr[0].code).toBe('invalid');
      expect((await t.post(URL(customer.id), w.reps[0], { expedted_pr: 50.5 }, 'json')).body.msg.expedted_pr[0].code).toBe('invalid');
      expect(await notes(w.reps[0], customer)).toHaveLength(count);
      expect((await profile(w.reps[0], customer)).expedted_pr).toBe(0);
    });

    it('answers 307 without a relation', async () => {
      expect((await t.post(URL(w.customers[2].id), w.outsiderRep, { expedted_pr: 50 })).body).toEqual({ code: 307, msg: '用户-客户关系不存在', data: {} });
    });
  });
});
