import { DEMO_FIXTURE } from '../../src/modules/seed/demo-fixture';
import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

describe('fixture sections tags and customer_tags (API.md §9)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  const rows = async () => ({
    tags: await t.dataSource.query(`SELECT id, company_id, name FROM tag WHERE company_id IN ($1, $2) ORDER BY id`, [w.companyId, w.otherCompanyId]),
    customerTags: await t.dataSource.query(`SELECT company_id, customer_id, tag_id FROM customer_tag WHERE company_id IN ($1, $2) ORDER BY customer_id, tag_id`, [
      w.companyId,
      w.otherCompanyId,
    ]),
  });

  it('loads tags and customer tags, and loading twice changes nothing', async () => {
    const fixture = {
      tags: [
        { id: w.companyId + 701, company_id: w.companyId, name: '在意质量' },
        { id: w.companyId + 702, company_id: w.companyId, name: '已婚' },
      ],
      customer_tags: [
        { customer_id: w.customers[0].id, tag_id: w.companyId + 701 },
        { customer_id: w.customers[0].id, tag_id: w.companyId + 702 },
        { customer_id: w.customers[2].id, tag_id: w.companyId + 702 },
      ],
    };
    expect((await t.importFixture(fixture)).loaded).toEqual({ tags: 2, customer_tags: 3 });
    const first = await rows();
    expect(first.tags).toHaveLength(2);
    expect(first.customerTags).toEqual([
      { company_id: w.companyId, customer_id: w.customers[0].id, tag_id: w.companyId + 701 },
      { company_id: w.companyId, customer_id: w.customers[0].id, tag_id: w.companyId + 702 },
      { company_id: w.companyId, customer_id: w.customers[2].id, tag_id: w.companyId + 702 },
    ]);
    await t.importFixture(fixture);
    expect(await rows()).toEqual(first);
    const profile = await t.get('/zhugeleida/qiyeweixin/customer', w.reps[0], { customer_id: w.customers[0].id });
    expect(profile.body.data.ret_data[0].tag).toEqual(['在意质量', '已婚']);
  });

  it.each([
    ['an unknown key', { tags: [{ id: 1, company_id: 1, name: 'x', color: 'red' }] }, /tags\[0\] \(id 1\): unknown key "color"/],
    ['an empty name', { tags: [{ id: 5, company_id: 1, name: '' }] }, /tags\[0\] \(id 5\): "name" must be 1\.\.32 characters/],
    ['a too long name', { tags: [{ id: 5, company_id: 1, name: 'x'.repeat(33) }] }, /tags\[0\] \(id 5\)/],
    ['a non-integer tag id', { customer_tags: [{ customer_id: 1, tag_id: 'a' }] }, /customer_tags\[0\] \(id 1\): "tag_id" must be a positive integer/],
  ])('rejects %s naming the record', async (_name, fixture, message) => {
    await expect(t.importFixture(fixture)).rejects.toThrow(message);
  });

  it('rejects references across companies and duplicate names, naming the record, and loads nothing', async () => {
    const before = await rows();
    await expect(
      t.importFixture({
        tags: [{ id: w.companyId + 710, company_id: w.companyId, name: '新标签' }],
        customer_tags: [{ customer_id: w.outsiderCustomer.id, tag_id: w.companyId + 710 }],
      }),
    ).rejects.toThrow(new RegExp(`customer_tags\\[0\\].*customer ${w.outsiderCustomer.id} does not exist in company ${w.companyId}`));
    await expect(t.importFixture({ customer_tags: [{ customer_id: w.customers[0].id, tag_id: 2_000_000_000 }] })).rejects.toThrow(
      /customer_tags\[0\].*tag 2000000000 does not exist/,
    );
    await expect(t.importFixture({ tags: [{ id: w.companyId + 711, company_id: w.companyId, name: '已婚' }] })).rejects.toThrow(
      new RegExp(`tags\\[0\\] \\(id ${w.companyId + 711}\\): company ${w.companyId} already has tag ${w.companyId + 702}`),
    );
    await expect(t.importFixture({ tags: [{ id: w.companyId + 701, company_id: w.otherCompanyId, name: 'moved' }] })).rejects.toThrow(
      /already belongs to company/,
    );
    expect(await rows()).toEqual(before);
  });

  it('the demo fixture carries tags that the demo rep sees on the demo customer', async () => {
    await t.importFixture(DEMO_FIXTURE);
    await t.importFixture(DEMO_FIXTURE);
    const rep = DEMO_FIXTURE.reps![0] as { id: number; token: string };
    const profile = await t.get('/zhugeleida/qiyeweixin/customer', rep, { customer_id: 1 });
    expect(profile.body.data.ret_data[0].tag).toEqual(['重要客户', '在意质量']);
    const tags = await t.get('/zhugeleida/qiyeweixin/tag_list', rep, { customer_id: 1 });
    expect(tags.body.data.data_count).toBe(4);
  });
});
