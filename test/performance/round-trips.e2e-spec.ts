import { countQueries } from '../support/query-counter';
import { onRealPostgres, Signer, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

const C = '/zhugeleida/gongzhonghao';
/** Realtime events are a NOTIFY inside the transaction on PostgreSQL; PGlite publishes in process. */
const NOTIFY = onRealPostgres() ? 1 : 0;
const R = '/zhugeleida/qiyeweixin';

/**
 * SQL round trips per request on the hot paths (issue 9), counted at the driver on every pooled
 * connection, with the caller's credentials already in the guard's cache (the first request of
 * a principal reads them: one more). A change that adds a statement to one of these paths fails
 * here and has to update the number on purpose.
 */
describe('SQL round trips per request', () => {
  let t: TestApp;
  let w: World;
  let rep: Signer;
  let customer: Signer;

  beforeAll(async () => {
    // The credential cache on in every mode (no test here changes credentials).
    t = await TestApp.start({ principalCacheSeconds: 5 });
    w = await createWorld(t);
    rep = w.reps[0];
    customer = w.customers[0];
    // A conversation with messages both ways, some unread on each side, and radar rows.
    for (let i = 0; i < 3; i++) {
      expect((await t.post(`${C}/chat/send_msg/0`, customer, { u_id: rep.id, content: { info_type: 1, msg: `c${i}` } })).body.code).toBe(200);
      expect((await t.post(`${R}/chat/send_msg/0`, rep, { customer_id: customer.id, content: { info_type: 1, msg: `r${i}` } })).body.code).toBe(200);
    }
    expect((await t.post(`${C}/action/record/0`, customer, { u_id: rep.id, action: 1 })).body.code).toBe(200);
  });
  afterAll(async () => t.close());

  /** Statements sent while the request runs (after a warm-up request by the same principal). */
  async function roundTrips(request: () => Promise<{ body: { code: number } }>, code = 200): Promise<string[]> {
    let answer: { body: { code: number } } | undefined;
    const statements = await countQueries(t.dataSource, async () => (answer = await request()));
    expect(answer?.body.code).toBe(code);
    return statements;
  }

  beforeEach(async () => {
    // Warm the guard's credential cache for both principals.
    await t.get(`${C}/chat/query_num/0`, customer, { u_id: rep.id });
    await t.get(`${R}/contact/query_num`, rep);
  });

  const cases: Array<[name: string, expected: number, run: () => Promise<{ body: { code: number } }>]> = [
    ['customer chat/query_num/0', 1, () => t.get(`${C}/chat/query_num/0`, customer, { u_id: rep.id })],
    // The poll state; then BEGIN, the lock with both profiles, the unread page with its read
    // mark, total, NOTIFY, COMMIT: everything the answer renders is read before the commit.
    ['customer chat/getmsg/0 with messages', 6 + NOTIFY, () => t.get(`${C}/chat/getmsg/0`, customer, { u_id: rep.id })],
    ['customer chat/getmsg/0, nothing new', 1, () => t.get(`${C}/chat/getmsg/0`, customer, { u_id: rep.id })],
    ['customer chat history (nothing unread)', 1, () => t.get(`${C}/chat`, customer, { u_id: rep.id, current_page: 1, length: 20 })],
    ['customer chat/getmsg/0 with last_id, nothing new', 1, () => t.get(`${C}/chat/getmsg/0`, customer, { u_id: rep.id, last_id: 2 ** 40 })],
    ['rep chat/getmsg/0 with messages', 6 + NOTIFY, () => t.get(`${R}/chat/getmsg/0`, rep, { customer_id: customer.id })],
    ['rep chat/getmsg/0, nothing new', 1, () => t.get(`${R}/chat/getmsg/0`, rep, { customer_id: customer.id })],
    ['rep contact', 1, () => t.get(`${R}/contact`, rep)],
    ['rep contact/query_num', 1, () => t.get(`${R}/contact/query_num`, rep)],
    ['tongxunlu page 1', 1, () => t.get(`${R}/tongxunlu`, rep, { order: '-last_follow_time' })],
    ['tongxunlu deep page (empty, total only)', 1, () => t.get(`${R}/tongxunlu`, rep, { order: '-create_date', current_page: 100 })],
    // The profile with the ai_pr inputs (radar tallies, chat engagement) as one of its columns.
    ['customer profile with ai_pr', 1, () => t.get(`${R}/customer`, rep, { customer_id: customer.id })],
    ['action/time, whole radar', 1, () => t.get(`${R}/action/time`, rep)],
    ['action/time, one customer', 1, () => t.get(`${R}/action/time`, rep, { customer_id: customer.id })],
    // BEGIN, lock + parties + client key, the message with its unread count, the follow-up /
    // activity time, the receiver's total, NOTIFY, COMMIT.
    ['customer send_msg', 6 + NOTIFY, () => t.post(`${C}/chat/send_msg/0`, customer, { u_id: rep.id, content: { info_type: 1, msg: 'counted' } })],
    ['rep send_msg', 6 + NOTIFY, () => t.post(`${R}/chat/send_msg/0`, rep, { customer_id: customer.id, content: { info_type: 1, msg: 'counted' } })],
  ];

  it.each(cases)('%s: %i', async (_name, expected, run) => {
    const statements = await roundTrips(run);
    if (statements.length !== expected) process.stdout.write(`${_name}:\n  ${statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 120)).join('\n  ')}\n`);
    expect(statements).toHaveLength(expected);
  });

  it('a principal not in the cache costs one more statement, once', async () => {
    const other = w.customers[1];
    const first = await roundTrips(() => t.get(`${C}/chat/query_num/0`, other, { u_id: rep.id }));
    const second = await roundTrips(() => t.get(`${C}/chat/query_num/0`, other, { u_id: rep.id }));
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
  });

  it('the maintained totals equal a recount after all of the above', async () => {
    const [drift] = await t.dataSource.query(
      `SELECT
         (SELECT count(*) FROM (SELECT company_id, side, owner_id, sum(unread_count) AS n FROM chat_read_position GROUP BY 1, 2, 3) x
            FULL JOIN chat_owner_total t USING (company_id, side, owner_id) WHERE COALESCE(x.n, 0) <> COALESCE(t.unread, 0))::int AS unread,
         (SELECT count(*) FROM (SELECT company_id, rep_id, count(*) AS n FROM conversation WHERE last_message_id IS NOT NULL GROUP BY 1, 2) x
            FULL JOIN (SELECT company_id, owner_id AS rep_id, conversations FROM chat_owner_total WHERE side = 'rep') t USING (company_id, rep_id)
            WHERE COALESCE(x.n, 0) <> COALESCE(t.conversations, 0))::int AS conversations,
         (SELECT count(*) FROM (SELECT company_id, rep_id, source, count(*) AS n FROM relation GROUP BY 1, 2, 3) x
            FULL JOIN relation_total t USING (company_id, rep_id, source) WHERE COALESCE(x.n, 0) <> COALESCE(t.relations, 0))::int AS relations,
         (SELECT count(*) FROM (SELECT company_id, rep_id, count(*) AS n FROM radar_action GROUP BY 1, 2) x
            FULL JOIN radar_total t USING (company_id, rep_id) WHERE COALESCE(x.n, 0) <> COALESCE(t.actions, 0))::int AS radar`,
    );
    expect(drift).toEqual({ unread: 0, conversations: 0, relations: 0, radar: 0 });
  });
});
