import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

const Q = '/zhugeleida/qiyeweixin';
const UPDATE = (id: number) => `${Q}/customer/update_tag/${id}`;
const ADD = (id: number) => `${Q}/tag_list/add_tag/${id}`;

describe('tags (API.md §6.7)', () => {
  let t: TestApp;
  let w: World;
  let tags: { a: number; b: number; c: number; foreign: number };
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
    const base = w.companyId;
    tags = { a: base + 501, b: base + 502, c: base + 503, foreign: base + 504 };
    await t.importFixture({
      tags: [
        { id: tags.a, company_id: w.companyId, name: '一般客户' },
        { id: tags.b, company_id: w.companyId, name: '重要客户' },
        { id: tags.c, company_id: w.companyId, name: '90后' },
        { id: tags.foreign, company_id: w.otherCompanyId, name: '别家的标签' },
      ],
    });
  });
  afterAll(async () => t.close());

  const tagNames = async (customerId: number, rep = w.reps[0]) => (await t.get(`${Q}/customer`, rep, { customer_id: customerId })).body.data.ret_data[0].tag;
  const tagRows = (customerId: number) => t.dataSource.query(`SELECT tag_id FROM customer_tag WHERE customer_id = $1 ORDER BY tag_id`, [customerId]);

  it('replaces the tags from a form body carrying a JSON string (the brief\'s request)', async () => {
    const res = await t.post(UPDATE(w.customers[0].id), w.reps[0], { tag_list: `[${tags.a},${tags.b}]` });
    expect(res.body).toEqual({ code: 200, msg: '添加成功', data: {} });
    expect(await tagNames(w.customers[0].id)).toEqual(['一般客户', '重要客户']);
  });

  it('replaces the tags from a JSON body carrying an array, and the company shares them', async () => {
    expect((await t.post(UPDATE(w.customers[0].id), w.reps[0], { tag_list: [tags.c, tags.b, tags.c] }, 'json')).body.code).toBe(200);
    expect(await tagNames(w.customers[0].id)).toEqual(['重要客户', '90后']);
    // Tags belong to the company: rep 1 (also related to customer 0) sees the same tags.
    expect(await tagNames(w.customers[0].id, w.reps[1])).toEqual(['重要客户', '90后']);
  });

  it('clears the tags with []', async () => {
    expect((await t.post(UPDATE(w.customers[0].id), w.reps[0], { tag_list: '[]' })).body).toEqual({ code: 200, msg: '添加成功', data: {} });
    expect(await tagNames(w.customers[0].id)).toEqual([]);
    expect((await t.post(UPDATE(w.customers[0].id), w.reps[0], { tag_list: [tags.a] }, 'json')).body.code).toBe(200);
    expect((await t.post(UPDATE(w.customers[0].id), w.reps[0], { tag_list: [] }, 'json')).body.code).toBe(200);
    expect(await tagRows(w.customers[0].id)).toEqual([]);
  });

  it('answers 301 for an unknown or foreign tag id and changes nothing', async () => {
    await t.post(UPDATE(w.customers[1].id), w.reps[0], { tag_list: [tags.a] }, 'json');
    const before = await tagRows(w.customers[1].id);
    const foreign = await t.post(UPDATE(w.customers[1].id), w.reps[0], { tag_list: `[${tags.b},${tags.foreign}]` });
    expect(foreign.body).toEqual({ code: 301, msg: '用户标签不存在', data: {} });
    const unknown = await t.post(UPDATE(w.customers[1].id), w.reps[0], { tag_list: [tags.b, 999_999_999] }, 'json');
    expect(unknown.body).toEqual({ code: 301, msg: '用户标签不存在', data: {} });
    expect(await tagRows(w.customers[1].id)).toEqual(before);
  });

  it('answers 303 with field errors in msg for a missing or malformed tag_list', async () => {
    expect((await t.post(UPDATE(w.customers[1].id), w.reps[0], {})).body).toEqual({
      code: 303,
      msg: { tag_list: [{ message: '这个字段是必填项。', code: 'required' }] },
      data: {},
    });
    expect((await t.post(UPDATE(w.customers[1].id), w.reps[0], { tag_list: '[1,' })).body.msg.tag_list[0].code).toBe('invalid');
    expect((await t.post(UPDATE(w.customers[1].id), w.reps[0], { tag_list: { a: 1 } }, 'json')).body.msg.tag_list[0].code).toBe('invalid');
    expect((await t.post(UPDATE(w.customers[1].id), w.reps[0], { tag_list: ['x'] }, 'json')).body.msg.tag_list[0].code).toBe('invalid');
    expect(await tagRows(w.customers[1].id)).toEqual([{ tag_id: tags.a }]);
  });

  it('lists the company tags with is_select for the customer', async () => {
    const res = await t.get(`${Q}/tag_list`, w.reps[0], { customer_id: w.customers[1].id });
    expect(res.body).toEqual({
      code: 200,
      msg: '查询成功',
      data: {
        ret_data: [
          { id: tags.a, name: '一般客户', is_select: true },
          { id: tags.b, name: '重要客户', is_select: false },
          { id: tags.c, name: '90后', is_select: false },
        ],
        data_count: 3,
      },
    });
    expect((await t.get(`${Q}/tag_list`, w.reps[0])).body.data.customer_id[0].code).toBe('required');
  });

  it('add_tag creates a tag, attaches it, and reuses an existing name (form and JSON)', async () => {
    const customer = w.customers[2];
    const created = await t.post(ADD(customer.id), w.reps[0], { name: '爱吃串' });
    expect(created.body).toEqual({ code: 200, msg: '添加成功', data: { id: expect.any(Number), name: '爱吃串' } });
    const again = await t.post(ADD(customer.id), w.reps[0], { name: ' 爱吃串 ' }, 'json');
    expect(again.body.data).toEqual({ id: created.body.data.id, name: '爱吃串' });
    const existing = await t.post(ADD(customer.id), w.reps[0], { name: '重要客户' }, 'json');
    expect(existing.body.data.id).toBe(tags.b);
    expect(await tagNames(customer.id)).toEqual(['重要客户', '爱吃串']);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM tag WHERE company_id = $1 AND name = '爱吃串'`, [w.companyId]);
    expect(n).toBe(1);
    // The same name in another company is another tag.
    const outsider = await t.post(ADD(w.outsiderCustomer.id), w.outsiderRep, { name: '爱吃串' });
    expect(outsider.body.data.id).not.toBe(created.body.data.id);
  });

  it('add_tag validates the name (303 in msg)', async () => {
    const customer = w.customers[2];
    expect((await t.post(ADD(customer.id), w.reps[0], {})).body).toEqual({ code: 303, msg: { name: [{ message: '这个字段是必填项。', code: 'required' }] }, data: {} });
    expect((await t.post(ADD(customer.id), w.reps[0], { name: '标'.repeat(33) })).body.msg).toEqual({ name: [{ message: '长度超出限制。', code: 'too_long' }] });
  });
});

describe('concurrent tag replacement', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('two reps replacing the same customer\'s tags at once leave exactly one of the two sets', async () => {
    const ids = [1, 2, 3, 4].map((k) => w.companyId + 800 + k);
    await t.importFixture({ tags: ids.map((id, i) => ({ id, company_id: w.companyId, name: `并发${i}` })) });
    const customer = w.customers[0]; // related to both reps
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([
        t.post(UPDATE(customer.id), w.reps[0], { tag_list: [ids[0], ids[1]] }, 'json'),
        t.post(UPDATE(customer.id), w.reps[1], { tag_list: [ids[2], ids[3]] }, 'json'),
      ]);
      expect([a.body.code, b.body.code]).toEqual([200, 200]);
      const rows = (await t.dataSource.query(`SELECT tag_id FROM customer_tag WHERE customer_id = $1 ORDER BY tag_id`, [customer.id])).map(
        (r: { tag_id: number }) => r.tag_id,
      );
      expect([JSON.stringify([ids[0], ids[1]]), JSON.stringify([ids[2], ids[3]])]).toContain(JSON.stringify(rows));
    }
  });
});
