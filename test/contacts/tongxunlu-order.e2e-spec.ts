import { randomToken, Signer, TestApp } from '../support/test-app';
import { countQueries } from '../support/query-counter';

const PATH = '/zhugeleida/qiyeweixin/tongxunlu';
const N = 31;
const PAGE = 7;

interface Row {
  id: number;
  pr: number;
  follow: string | null;
  activity: string | null;
  created: string;
}

/** Wire order field → the value it sorts by. */
const KEY: Record<string, (r: Row) => number | string | null> = {
  expedted_pr: (r) => r.pr,
  last_follow_time: (r) => r.follow,
  last_activity_time: (r) => r.activity,
  create_date: (r) => r.created,
};

/** The documented ordering: by the key (NULLs last either way), then id in the same direction. */
function expectedOrder(rows: Row[], order: string): number[] {
  const desc = order.startsWith('-');
  const key = KEY[desc ? order.slice(1) : order];
  const dir = desc ? -1 : 1;
  return [...rows]
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === null || kb === null) {
        if (ka !== kb) return ka === null ? 1 : -1;
      } else if (ka !== kb) {
        return (ka < kb ? -1 : 1) * dir;
      }
      return (a.id - b.id) * dir;
    })
    .map((r) => r.id);
}

describe('tongxunlu ordering (API.md §3, §6.1)', () => {
  let t: TestApp;
  let rep: Signer;
  let rows: Row[];
  beforeAll(async () => {
    t = await TestApp.start();
    const base = await t.idBlock();
    rep = { id: base + 1, token: randomToken() };
    // Few distinct values, many ties and NULLs: paging must still see every customer once.
    rows = Array.from({ length: N }, (_, i) => ({
      id: base + 100 + i,
      pr: [0, 50, 50, 100][i % 4],
      follow: i % 3 === 0 ? null : `2026-11-2${i % 2}T10:00:00.000Z`,
      activity: i % 5 === 0 ? `2026-11-25T08:00:00.000Z` : null,
      created: `2026-11-0${(i % 3) + 1}T00:00:00.000Z`,
    }));
    await t.importFixture({
      companies: [{ id: base, name: 'Ordering' }],
      reps: [{ id: rep.id, company_id: base, name: 'Rep', token: rep.token }],
      customers: rows.map((r) => ({ id: r.id, company_id: base, username: `C${r.id}`, token: randomToken() })),
      relations: rows.map((r) => ({ rep_id: rep.id, customer_id: r.id, expedted_pr: r.pr, create_date: r.created })),
    });
    for (const r of rows) {
      await t.dataSource.query(`UPDATE relation SET last_follow_at = $3, last_activity_at = $4 WHERE rep_id = $1 AND customer_id = $2`, [
        rep.id,
        r.id,
        r.follow,
        r.activity,
      ]);
    }
  });
  afterAll(async () => t.close());

  const orders = Object.keys(KEY).flatMap((f) => [`-${f}`, f]);

  it.each(orders)('pages through order=%s seeing every customer exactly once, in order', async (order) => {
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(N / PAGE); page++) {
      const res = await t.get(PATH, rep, { order, length: PAGE, current_page: page });
      expect(res.body.code).toBe(200);
      expect(res.body.data.data_count).toBe(N);
      seen.push(...res.body.data.ret_data.map((i: { customer_id: number }) => i.customer_id));
    }
    expect(new Set(seen).size).toBe(N);
    expect(seen).toEqual(expectedOrder(rows, order));
  });

  it('uses -expedted_pr when no order is given', async () => {
    const res = await t.get(PATH, rep, { length: 0 });
    expect(res.body.data.ret_data.map((i: { customer_id: number }) => i.customer_id)).toEqual(expectedOrder(rows, '-expedted_pr'));
  });

  it('reads every ordering from its own index, without sorting', async () => {
    for (const order of orders) {
      const queries = await countQueries(t.dataSource, () => t.get(PATH, rep, { order, length: PAGE }));
      const sql = queries.find((q) => q.includes('ORDER BY'));
      expect(sql).toBeDefined();
      const runner = t.dataSource.createQueryRunner();
      try {
        await runner.query('BEGIN');
        await runner.query('SET LOCAL enable_seqscan = off');
        await runner.query('SET LOCAL enable_sort = off');
        await runner.query('SET LOCAL enable_bitmapscan = off');
        const company = await runner.query(`SELECT company_id FROM rep WHERE id = $1`, [rep.id]);
        const plan = (await runner.query(`EXPLAIN ${sql}`, [company[0].company_id, rep.id, PAGE, 0])) as { 'QUERY PLAN': string }[];
        const text = plan.map((p) => p['QUERY PLAN']).join('\n');
        const column = { expedted_pr: 'expected_pr', last_follow_time: 'last_follow_at', last_activity_time: 'last_activity_at', create_date: 'created_at' }[
          order.replace('-', '')
        ];
        expect(text).toContain(`relation_list_${column}_${order.startsWith('-') ? 'desc' : 'asc'}_idx`);
        // The page's rows come straight from the index under the Limit (no sort of the rep's
        // relations); only the page itself (at most `length` rows) may be put in order on top.
        const lines = text.split('\n');
        const limit = lines.findIndex((l) => /->\s+Limit\b/.test(l));
        expect(limit).toBeGreaterThanOrEqual(0);
        const depth = (l: string) => l.search(/\S/);
        const subtree = lines.slice(limit + 1).filter((_, i, rest) => rest.slice(0, i + 1).every((l) => depth(l) > depth(lines[limit])));
        expect(subtree.join('\n')).toMatch(/Index Scan using relation_list_/);
        expect(subtree.join('\n')).not.toMatch(/\bSort\b/);
      } finally {
        await runner.query('ROLLBACK');
        await runner.release();
      }
    }
  });
});
