import { Signer, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

const Q = '/zhugeleida/qiyeweixin';

/**
 * Every endpoint of §6.1–6.7, called about customer 1 (related only to rep 0) by a rep of
 * another company and by rep 1 of the same company: 307 (or, for the list, nothing of
 * customer 1) and the database unchanged.
 */
describe('tenant isolation over the contacts and customer endpoints', () => {
  let t: TestApp;
  let w: World;
  let tagId: number;
  let foreignTagId: number;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
    tagId = w.companyId + 601;
    foreignTagId = w.companyId + 602;
    await t.importFixture({
      tags: [
        { id: tagId, company_id: w.companyId, name: '重要客户' },
        { id: foreignTagId, company_id: w.otherCompanyId, name: '外部' },
      ],
      customer_tags: [{ customer_id: w.customers[1].id, tag_id: tagId }],
    });
    // Something for the intruders to try to read.
    await t.post(`${Q}/follow_info/add/${w.customers[1].id}`, w.reps[0], { follow_info: '秘密备注' });
    await t.post(`${Q}/customer/update_information/${w.customers[1].id}`, w.reps[0], { sex: 2, username: '大客户', phone: '13800138000' });
  });
  afterAll(async () => t.close());

  /** Everything the endpoints could change, for both companies. */
  const snapshot = async () => ({
    relations: await t.dataSource.query(`SELECT * FROM relation WHERE company_id IN ($1, $2) ORDER BY id`, [w.companyId, w.otherCompanyId]),
    followUps: await t.dataSource.query(`SELECT * FROM follow_up WHERE company_id IN ($1, $2) ORDER BY id`, [w.companyId, w.otherCompanyId]),
    tags: await t.dataSource.query(`SELECT * FROM tag WHERE company_id IN ($1, $2) ORDER BY id`, [w.companyId, w.otherCompanyId]),
    customerTags: await t.dataSource.query(`SELECT * FROM customer_tag WHERE company_id IN ($1, $2) ORDER BY customer_id, tag_id`, [w.companyId, w.otherCompanyId]),
    customers: await t.dataSource.query(`SELECT id, username, sex FROM customer WHERE company_id IN ($1, $2) ORDER BY id`, [w.companyId, w.otherCompanyId]),
  });

  const target = () => w.customers[1].id;
  const calls: [string, (who: Signer) => Promise<{ body: any }>][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    ['GET follow_info', (who) => t.get(`${Q}/follow_info`, who, { customer_id: target() })],
    ['POST follow_info/add (form)', (who) => t.post(`${Q}/follow_info/add/${target()}`, who, { follow_info: 'intrusion' })],
    ['POST follow_info/add (json)', (who) => t.post(`${Q}/follow_info/add/${target()}`, who, { follow_info: 'intrusion' }, 'json')],
    ['GET customer', (who) => t.get(`${Q}/customer`, who, { customer_id: target() })],
    ['POST update_information', (who) => t.post(`${Q}/customer/update_information/${target()}`, who, { sex: 1, username: 'hacked', mem: 'x' })],
    ['POST update_expected_time', (who) => t.post(`${Q}/customer/update_expected_time/${target()}`, who, { expected_time: '2030-01-01' }, 'json')],
    ['POST update_expected_pr', (who) => t.post(`${Q}/customer/update_expected_pr/${target()}`, who, { expedted_pr: '99%' })],
    ['POST update_tag ([])', (who) => t.post(`${Q}/customer/update_tag/${target()}`, who, { tag_list: '[]' })],
    ['POST update_tag (own tag)', (who) => t.post(`${Q}/customer/update_tag/${target()}`, who, { tag_list: [foreignTagId] }, 'json')],
    ['GET tag_list', (who) => t.get(`${Q}/tag_list`, who, { customer_id: target() })],
    ['POST tag_list/add_tag', (who) => t.post(`${Q}/tag_list/add_tag/${target()}`, who, { name: '入侵' })],
  ];

  for (const [who, name] of [
    [() => w.outsiderRep, 'a rep of another company'],
    [() => w.reps[1], 'a rep of the same company without a relation'],
  ] as const) {
    it.each(calls)(`%s by ${name}: 307 and nothing changes`, async (_label, call) => {
      const before = await snapshot();
      const res = await call(who());
      expect(res.body).toEqual({ code: 307, msg: '用户-客户关系不存在', data: {} });
      expect(await snapshot()).toEqual(before);
    });

    it(`the contact list of ${name} does not include the customer`, async () => {
      const res = await t.get(`${Q}/tongxunlu`, who(), { length: 0 });
      expect(res.body.code).toBe(200);
      const ids = res.body.data.ret_data.map((i: { customer_id: number }) => i.customer_id);
      expect(ids).not.toContain(target());
      expect(JSON.stringify(res.body)).not.toContain('大客户');
    });
  }

  it('a tag of another company is 301 even for the related rep, and nothing changes', async () => {
    const before = await snapshot();
    const res = await t.post(`${Q}/customer/update_tag/${target()}`, w.reps[0], { tag_list: [foreignTagId] }, 'json');
    expect(res.body).toEqual({ code: 301, msg: '用户标签不存在', data: {} });
    expect(await snapshot()).toEqual(before);
  });

  it('the tag list of another company never shows this company\'s tags', async () => {
    const res = await t.get(`${Q}/tag_list`, w.outsiderRep, { customer_id: w.outsiderCustomer.id });
    expect(res.body.data.ret_data.map((r: { id: number }) => r.id)).toEqual([foreignTagId]);
  });

  it('ids beyond the integer range are rejected and huge page numbers are empty, never a 500', async () => {
    const huge = 2 ** 31;
    expect((await t.get(`${Q}/customer`, w.reps[0], { customer_id: huge })).body.code).toBe(402);
    expect((await t.post(`${Q}/customer/update_tag/${huge}`, w.reps[0], { tag_list: '[]' })).body.code).toBe(303);
    expect((await t.post(`${Q}/customer/update_tag/${target()}`, w.reps[0], { tag_list: [huge] }, 'json')).body.code).toBe(303);
    expect((await t.post(`${Q}/follow_info/add/${huge}`, w.reps[0], { follow_info: 'x' })).body.code).toBe(402);
    const page = await t.get(`${Q}/tongxunlu`, w.reps[0], { current_page: 1e20 });
    expect(page.status).toBe(200);
    // A page far past the end is empty (the offset is bounded in pageOf), never an SQL overflow.
    expect(page.body).toMatchObject({ code: 200, data: { ret_data: [] } });
  });
});
