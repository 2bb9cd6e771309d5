import { randomToken, Signer, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';
import { countQueries } from '../support/query-counter';

const PATH = '/zhugeleida/qiyeweixin/tongxunlu';

describe('GET tongxunlu (API.md §6.1)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('lists the rep\'s customers with every documented field, default order -expedted_pr', async () => {
    await t.dataSource.query(`UPDATE relation SET expected_pr = 60, expected_time = '2026-12-31' WHERE rep_id = $1 AND customer_id = $2`, [
      w.reps[0].id,
      w.customers[1].id,
    ]);
    const res = await t.get(PATH, w.reps[0]);
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(200);
    expect(res.body.msg).toBe('查询成功');
    expect(res.body.data.data_count).toBe(3);
    const items = res.body.data.ret_data;
    // 60 first, then the two at 0 by id descending (the tie-breaker follows the direction).
    expect(items.map((i: { customer_id: number }) => i.customer_id)).toEqual([w.customers[1].id, w.customers[2].id, w.customers[0].id]);
    expect(items[0]).toEqual({
      customer_id: w.customers[1].id,
      customer_username: 'Customer1',
      headimgurl: 'http://img/c1.png',
      expected_time: '2026-12-31',
      expedted_pr: 60,
      source: 4,
      source_text: '公众号文章',
      last_follow_time: '',
      last_activity_time: '',
      follow_status: '未跟进过',
      article_id: w.articleId,
      title: 'An article',
    });
    expect(items[1]).toMatchObject({ source: 2, source_text: '转发', article_id: null, title: null, expected_time: null, expedted_pr: 0 });
    expect(items[2]).toMatchObject({ source: 1, source_text: '扫码' });
  });

  it('renders relative follow-up and activity times by calendar day', async () => {
    const rel = [w.reps[0].id, w.customers[2].id];
    await t.dataSource.query(`UPDATE relation SET last_follow_at = now(), last_activity_at = now() - interval '10 days' WHERE rep_id = $1 AND customer_id = $2`, rel);
    const res = await t.get(PATH, w.reps[0]);
    const item = res.body.data.ret_data.find((i: { customer_id: number }) => i.customer_id === w.customers[2].id);
    expect(item.last_follow_time).toBe('今天');
    expect(item.follow_status).toBe('今天跟进');
    expect(item.last_activity_time).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await t.dataSource.query(`UPDATE relation SET last_follow_at = NULL, last_activity_at = NULL WHERE rep_id = $1 AND customer_id = $2`, rel);
  });

  it('filters by customer__source and answers 302 没有数据 when nothing matches', async () => {
    const article = await t.get(PATH, w.reps[0], { customer__source: 4 });
    expect(article.body.data.ret_data.map((i: { customer_id: number }) => i.customer_id)).toEqual([w.customers[1].id]);
    expect(article.body.data.data_count).toBe(1);
    const none = await t.get(PATH, w.reps[0], { customer__source: 3 });
    expect(none.body).toEqual({ code: 302, msg: '没有数据', data: {} });
  });

  it('answers 302 for a rep without customers', async () => {
    const base = await t.idBlock();
    const lonely = { id: base + 1, token: randomToken() };
    await t.importFixture({
      companies: [{ id: base, name: 'Lonely' }],
      reps: [{ id: lonely.id, company_id: base, name: 'Lonely rep', token: lonely.token }],
    });
    expect((await t.get(PATH, lonely)).body).toEqual({ code: 302, msg: '没有数据', data: {} });
  });

  it('rejects an unknown order, a bad source and bad paging with 402 field errors', async () => {
    const order = await t.get(PATH, w.reps[0], { order: '-token' });
    expect(order.body).toEqual({ code: 402, msg: '请求异常', data: { order: [{ message: '不支持的排序方式。', code: 'invalid' }] } });
    const source = await t.get(PATH, w.reps[0], { customer__source: 9 });
    expect(source.body.code).toBe(402);
    expect(source.body.data.customer__source[0].code).toBe('invalid');
    const length = await t.get(PATH, w.reps[0], { length: 101 });
    expect(length.body.code).toBe(402);
    expect(length.body.data.length[0].code).toBe('out_of_range');
    const page = await t.get(PATH, w.reps[0], { current_page: 'x' });
    // Empty parameters (what legacy pages send when nothing is chosen) mean "not given".
    const empty = await t.get(PATH, w.reps[0], { order: '', customer__source: '' });
    expect(empty.body.code).toBe(200);
    expect(empty.body.data.data_count).toBe(3);
    expect(page.body.data.current_page[0].code).toBe('invalid');
  });

  it('shows each rep only their own relations, with their own memo name', async () => {
    await t.dataSource.query(`UPDATE relation SET memo_name = '老客户' WHERE rep_id = $1 AND customer_id = $2`, [w.reps[0].id, w.customers[0].id]);
    const rep1 = await t.get(PATH, w.reps[1]);
    expect(rep1.body.data.data_count).toBe(1);
    expect(rep1.body.data.ret_data[0]).toMatchObject({ customer_id: w.customers[0].id, customer_username: 'Customer0', source: 3, source_text: '搜索' });
    const rep0 = await t.get(PATH, w.reps[0], { order: 'create_date' });
    expect(rep0.body.data.ret_data.find((i: { customer_id: number }) => i.customer_id === w.customers[0].id).customer_username).toBe('老客户');
    const outsider = await t.get(PATH, w.outsiderRep);
    expect(outsider.body.data.ret_data.map((i: { customer_id: number }) => i.customer_id)).toEqual([w.outsiderCustomer.id]);
  });

  it('costs a constant number of queries however many contacts are listed (no N+1)', async () => {
    const seeded = async (n: number): Promise<Signer> => {
      const base = await t.idBlock();
      const rep = { id: base + 1, token: randomToken() };
      const ids = Array.from({ length: n }, (_, i) => base + 100 + i);
      await t.importFixture({
        companies: [{ id: base, name: `N+1 ${n}` }],
        reps: [{ id: rep.id, company_id: base, name: 'Rep', token: rep.token }],
        customers: ids.map((id) => ({ id, company_id: base, username: `C${id}`, token: randomToken() })),
        articles: [1, 2, 3].map((k) => ({ id: base + k * 10, company_id: base, title: `A${k}` })),
        relations: ids.map((id, i) => ({ rep_id: rep.id, customer_id: id, source: 4, article_id: base + ((i % 3) + 1) * 10, superior_customer_id: ids[0] })),
      });
      return rep;
    };
    // Both lists are longer than the page, so the count query runs in both.
    const small = await seeded(12);
    const large = await seeded(120);
    let smallRes: any, largeRes: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    // The first request of a rep reads its credentials; later ones find them in the guard's cache.
    await Promise.all([t.get(PATH, small), t.get(PATH, large)]);
    const smallQueries = await countQueries(t.dataSource, async () => (smallRes = await t.get(PATH, small, { length: 10 })));
    const largeQueries = await countQueries(t.dataSource, async () => (largeRes = await t.get(PATH, large, { length: 100 })));
    expect(smallRes.body.data.ret_data).toHaveLength(10);
    expect(largeRes.body.data.data_count).toBe(120);
    expect(largeRes.body.data.ret_data).toHaveLength(100);
    expect(largeRes.body.data.ret_data.every((i: { title: string }) => /^A[123]$/.test(i.title))).toBe(true);
    expect(largeQueries.length).toBe(smallQueries.length);
    // One statement: the page with its customers and articles, and the maintained total (the
    // caller's credentials come from the guard's cache after the first request).
    expect(largeQueries).toHaveLength(1);
  });
});
