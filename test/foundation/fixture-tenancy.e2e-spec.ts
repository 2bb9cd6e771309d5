import { randomToken, TestApp } from '../support/test-app';

/** A fixture never moves a row to another tenant, and names the record it refuses. */
describe('fixture import keeps tenants apart', () => {
  let t: TestApp;
  let base: number;
  beforeAll(async () => {
    t = await TestApp.start();
    base = await t.idBlock();
    await t.importFixture({
      companies: [
        { id: base, name: 'A' },
        { id: base + 1, name: 'B' },
      ],
      reps: [{ id: base + 10, company_id: base, name: 'rep', token: randomToken() }],
      customers: [{ id: base + 20, company_id: base, username: 'c', token: randomToken() }],
      articles: [{ id: base + 30, company_id: base, title: 'A article' }],
      tags: [{ id: base + 40, company_id: base, name: 'A tag' }],
    });
  });
  afterAll(async () => t.close());

  it.each([
    ['reps', { reps: [{ id: 0, company_id: 0, name: 'x', token: 'a'.repeat(32) }] }, 'reps[0] (id {rep}): already belongs to company {A}'],
    ['customers', { customers: [{ id: 0, company_id: 0, username: 'x', token: 'a'.repeat(32) }] }, 'customers[0] (id {customer}): already belongs to company {A}'],
    ['articles', { articles: [{ id: 0, company_id: 0, title: 'hijacked' }] }, 'articles[0] (id {article}): already belongs to company {A}'],
    ['tags', { tags: [{ id: 0, company_id: 0, name: 'hijacked' }] }, 'tags[0] (id {tag}): already belongs to company {A}'],
  ])('refuses %s that would move a row of company A to company B', async (section, shape, message) => {
    const ids: Record<string, number> = { reps: base + 10, customers: base + 20, articles: base + 30, tags: base + 40 };
    const record = { ...(shape as Record<string, Record<string, unknown>[]>)[section][0], id: ids[section], company_id: base + 1 };
    const expected = message
      .replace(/\{(rep|customer|article|tag)\}/, String(ids[section]))
      .replace('{A}', String(base));
    await expect(t.importFixture({ [section]: [record] })).rejects.toThrow(expected);
    const [row] = await t.dataSource.query(`SELECT company_id FROM ${section === 'reps' ? 'rep' : section.slice(0, -1)} WHERE id = $1`, [ids[section]]);
    expect(row.company_id).toBe(base);
  });

  it('refuses a record of a company that does not exist, naming it', async () => {
    await expect(t.importFixture({ reps: [{ id: base + 11, company_id: base + 999, name: 'x', token: randomToken() }] })).rejects.toThrow(
      `reps[0] (id ${base + 11}): company ${base + 999} does not exist`,
    );
  });
});
