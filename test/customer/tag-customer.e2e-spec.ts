import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

/**
 * tag_customer and tag_customer/add/0 (issue 12): the by-tag page and bulk tagging. Expected
 * bodies written from the legacy view (views_dir/qiyeweixin/tag_customer.py): tags that have
 * customers, each `{id, name, tag_id, customer_num, customer_list: [{id, headimgurl, name}]}`,
 * the most customers first, and `ret_count`; add answers 添加成功, 301 with field errors in msg,
 * or 302 标签关联客户不能为空. Leida also checks the tenant: only the rep's related customers.
 */
const Q = '/zhugeleida/qiyeweixin/tag_customer';

describe('tag_customer', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  const tagCount = async (name: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM tag WHERE company_id = $1 AND name = $2`, [w.companyId, name]))[0].n as number;

  it("tags several of the rep's customers at once (form and JSON) and lists tags with the most customers first", async () => {
    const [rep] = w.reps;
    const [c0, c1, c2] = w.customers;
    const form = await t.post(`${Q}/add/0`, rep, { name: '重点跟进', customer_list: JSON.stringify([c0.id, c1.id]) });
    expect(form.body).toEqual({ code: 200, msg: '添加成功', data: {} });
    const json = await t.post(`${Q}/add/0`, rep, { name: '已报价', customer_list: [c0.id, c1.id, c2.id] }, 'json');
    expect(json.body).toEqual({ code: 200, msg: '添加成功', data: {} });
    // The same name again reuses the tag.
    expect((await t.post(`${Q}/add/0`, rep, { name: '重点跟进', customer_list: [c2.id] }, 'json')).body.code).toBe(200);
    expect(await tagCount('重点跟进')).toBe(1);

    const res = await t.get(Q, rep);
    expect(res.body.code).toBe(200);
    expect(res.body.msg).toBe('');
    const byName = Object.fromEntries(res.body.data.ret_data.map((g: { name: string }) => [g.name, g]));
    expect(byName['重点跟进']).toEqual({
      id: expect.any(Number),
      name: '重点跟进',
      tag_id: byName['重点跟进'].id,
      customer_num: 3,
      customer_list: [
        { id: c0.id, headimgurl: 'http://img/c0.png', name: 'Customer0' },
        { id: c1.id, headimgurl: 'http://img/c1.png', name: 'Customer1' },
        { id: c2.id, headimgurl: 'http://img/c2.png', name: 'Customer2' },
      ],
    });
    const filtered = await t.get(Q, rep, { name: '跟进' });
    expect(filtered.body.data.ret_data.map((g: { name: string }) => g.name)).toEqual(['重点跟进']);
    expect((await t.get(Q, rep, { id: byName['已报价'].id })).body.data.ret_count).toBe(1);
    expect((await t.get(Q, rep, { id: 'x' })).body.code).toBe(402);
    const counts = res.body.data.ret_data.map((g: { customer_num: number }) => g.customer_num);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(res.body.data.ret_count).toBe(res.body.data.ret_data.length);
  });

  it("shows a rep only their own customers under a tag, and no tag that none of them carries", async () => {
    await t.post(`${Q}/add/0`, w.reps[1], { name: 'rep1的标签', customer_list: [w.customers[0].id] }, 'json');
    const rep1 = await t.get(Q, w.reps[1]);
    for (const group of rep1.body.data.ret_data) expect(group.customer_list.map((c: { id: number }) => c.id)).toEqual([w.customers[0].id]);
    const outsider = await t.get(Q, w.outsiderRep);
    expect(outsider.body.data).toEqual({ ret_data: [], ret_count: 0 });
  });

  it('refuses a customer of another company or without a relation with 301, and changes nothing', async () => {
    const [rep0, rep1] = w.reps;
    const notRelated = await t.post(`${Q}/add/0`, rep1, { name: '越权标签', customer_list: [w.customers[0].id, w.customers[1].id] }, 'json');
    expect(notRelated.body).toEqual({ code: 301, msg: { customer_list: [{ message: '客户不存在或不是您的客户。', code: 'not_found' }] }, data: {} });
    const otherCompany = await t.post(`${Q}/add/0`, rep0, { name: '越权标签', customer_list: [w.outsiderCustomer.id] }, 'json');
    expect(otherCompany.body.code).toBe(301);
    expect(await tagCount('越权标签')).toBe(0);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM customer_tag WHERE customer_id = $1`, [w.outsiderCustomer.id]);
    expect(n).toBe(0);
  });

  it('answers an empty list with 302 and a bad name or list with 301', async () => {
    const rep = w.reps[0];
    expect((await t.post(`${Q}/add/0`, rep, { name: '空', customer_list: '[]' })).body).toEqual({ code: 302, msg: '标签关联客户不能为空', data: {} });
    expect((await t.post(`${Q}/add/0`, rep, { customer_list: [w.customers[0].id] }, 'json')).body).toEqual({
      code: 301,
      msg: { name: [{ message: '这个字段是必填项。', code: 'required' }] },
      data: {},
    });
    expect((await t.post(`${Q}/add/0`, rep, { name: 'x' })).body.code).toBe(301);
    expect((await t.post(`${Q}/add/0`, rep, { name: 'x', customer_list: 'not json' })).body.code).toBe(301);
    expect(await tagCount('空')).toBe(0);
  });
});
