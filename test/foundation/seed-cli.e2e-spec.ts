import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { ProbeModule } from '../support/probe.module';
import { eventually } from '../support/eventually';
import { randomToken, signedUrl, TestApp } from '../support/test-app';

const dir = mkdtempSync(join(tmpdir(), 'leida-fixture-'));
function fixtureFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('npm run seed -- --fixture (API.md §9)', () => {
  let t: TestApp;
  let base: number;
  let fixture: Record<string, unknown[]>;
  const repToken = randomToken();
  const customerToken = randomToken();

  beforeAll(async () => {
    t = await TestApp.start({}, [ProbeModule]);
    base = await t.idBlock();
    fixture = {
      companies: [{ id: base, name: 'Fixture Co' }],
      reps: [{ id: base + 1, company_id: base, name: '王五', token: repToken, avatar: 'a.png', mingpian_phone: '13900000000', wechat: 'wx' }],
      customers: [{ id: base + 2, company_id: base, username: '客户甲', token: customerToken, headimgurl: 'h.png', sex: 2, openid: null }],
      articles: [{ id: base + 3, company_id: base, title: '文章' }],
      relations: [{ rep_id: base + 1, customer_id: base + 2, source: 4, article_id: base + 3, superior_customer_id: null, expected_time: '2026-12-01', expedted_pr: 50, create_date: '2026-11-01T08:00:00Z' }],
    };
  });
  afterAll(async () => t.close());

  const snapshot = async () => ({
    company: await t.dataSource.query('SELECT * FROM company WHERE id = $1', [base]),
    rep: await t.dataSource.query('SELECT * FROM rep WHERE company_id = $1 ORDER BY id', [base]),
    customer: await t.dataSource.query('SELECT * FROM customer WHERE company_id = $1 ORDER BY id', [base]),
    relation: await t.dataSource.query('SELECT * FROM relation WHERE company_id = $1 ORDER BY id', [base]),
  });

  it('loads a fixture with chosen ids and tokens; its principals can sign, a wrong signature cannot', async () => {
    const res = await runCli('seed', ['--fixture', fixtureFile('ok.json', fixture)]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('companies: 1, reps: 1, customers: 1, articles: 1, relations: 1');

    const asRep = await t.get('/zhugeleida/qiyeweixin/probe', { id: base + 1, token: repToken });
    expect(asRep.body).toEqual({ code: 200, msg: 'ok', data: { role: 'rep', id: base + 1, companyId: base } });
    const asCustomer = await t.get('/zhugeleida/gongzhonghao/probe', { id: base + 2, token: customerToken });
    expect(asCustomer.body.data).toEqual({ role: 'customer', id: base + 2, companyId: base });
    const wrong = await t.request('GET', signedUrl('/zhugeleida/qiyeweixin/probe', { id: base + 1, token: customerToken }));
    expect(wrong.body).toEqual({ code: 400, msg: 'token异常', data: { reason: 'bad_signature' } });

    const [relation] = (await snapshot()).relation;
    expect(relation).toMatchObject({ source: 4, article_id: base + 3, expected_time: '2026-12-01', expected_pr: 50 });
    expect(new Date(relation.created_at).toISOString()).toBe('2026-11-01T08:00:00.000Z');
  });

  it('changes nothing when the same file is loaded twice', async () => {
    const before = await snapshot();
    const res = await runCli('seed', ['--fixture', fixtureFile('ok.json', fixture)]);
    expect(res.code).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['an unknown key', { reps: [{ id: 1, company_id: 1, name: 'x', token: 'a'.repeat(32), nickname: 'y' }] }, 'reps[0] (id 1): unknown key "nickname"'],
    ['a bad token', { customers: [{ id: 5, company_id: 1, username: 'x', token: 'short' }] }, 'customers[0] (id 5): "token" must be 32 lowercase hex characters'],
    ['a bad id', { companies: [{ id: -3, name: 'x' }] }, 'companies[0] (id -3): "id" must be a positive integer'],
    ['an unknown section', { users: [] }, 'unknown section "users"'],
  ])('rejects %s naming the record, loading nothing', async (_name, content, message) => {
    const res = await runCli('seed', ['--fixture', fixtureFile('bad.json', content)]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(message);
  });

  it('is atomic: a bad reference late in the file leaves nothing behind', async () => {
    const other = base + 500;
    const res = await runCli('seed', [
      '--fixture',
      fixtureFile('partial.json', {
        companies: [{ id: other, name: 'Partial' }],
        reps: [{ id: other + 1, company_id: other, name: 'r', token: randomToken() }],
        relations: [{ rep_id: other + 1, customer_id: 987654321 }],
      }),
    ]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('relations[0]');
    expect(await t.dataSource.query('SELECT id FROM company WHERE id = $1', [other])).toEqual([]);
  });

  it('rotates a token: the old one stops working, the printed one works', async () => {
    const res = await runCli('rotate-token', ['--customer', String(base + 2)]);
    expect(res.code).toBe(0);
    const fresh = res.stdout.trim();
    expect(fresh).toMatch(/^[0-9a-f]{32}$/);
    // The CLI is another process: its change reaches this app's credential cache by NOTIFY.
    await eventually(async () => expect((await t.get('/zhugeleida/gongzhonghao/probe', { id: base + 2, token: customerToken })).body.data).toEqual({ reason: 'bad_signature' }));
    const now = await t.get('/zhugeleida/gongzhonghao/probe', { id: base + 2, token: fresh });
    expect(now.body.code).toBe(200);
    expect((await runCli('rotate-token', ['--rep', '999999999'])).stderr).toContain('no rep with id 999999999');
  });
});
