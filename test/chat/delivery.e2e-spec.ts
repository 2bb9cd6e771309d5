import { Client } from 'pg';
import { eventually } from '../support/eventually';
import { itOnPostgres, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';
import { CUSTOMER_CHATS, R, text } from './chat-paths';

/**
 * A message must never drop out of the live view (issue 10, delivery 1–3): getmsg marks read
 * only what its answer can carry, a client whose answer was lost gets it again with `last_id`,
 * and opening the history marks read only what the page saw.
 */
describe.each(CUSTOMER_CHATS)('chat delivery: nothing marked read that the caller was not given (customer chat: $label)', ({ C }) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  beforeEach(async () => {
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  const ids = (res: { body: { data: { ret_data: { id: number }[] } } }) => res.body.data.ret_data.map((m) => m.id);
  const repSends = async (n: number) => {
    const sent: number[] = [];
    for (let i = 0; i < n; i++) sent.push((await t.post(R.send, w.reps[0], { customer_id: w.customers[0].id, content: text(`m${i}`) })).body.data.id);
    return sent;
  };

  /** A second connection to the test database, as an operator's psql would be. */
  async function operator(): Promise<Client> {
    const client = new Client({ connectionString: process.env.LEIDA_TEST_DATABASE_URL });
    await client.connect();
    return client;
  }

  /** The pid of the app's statement that waits for a lock the operator holds. */
  const blockedBackend = (op: Client) =>
    eventually(async () => {
      const { rows } = await op.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pg_backend_pid() = ANY(pg_blocking_pids(pid))`,
      );
      if (rows.length !== 1) throw new Error(`expected one blocked backend, found ${rows.length}`);
      return rows[0].pid as number;
    }, 5000);

  itOnPostgres('1. getmsg whose connection dies before the answer is complete marks nothing read', async () => {
    const sent = await repSends(2);
    const op = await operator();
    try {
      // The profiles getmsg renders live in the rep table: holding it locked makes getmsg wait
      // for them; the connection is then killed, as a restart or failover would.
      await op.query('BEGIN; LOCK TABLE rep IN ACCESS EXCLUSIVE MODE');
      const pending = t.get(C.getmsg, w.customers[0], { u_id: w.reps[0].id });
      const pid = await blockedBackend(op);
      await op.query('SELECT pg_terminate_backend($1)', [pid]);
      const failed = await pending;
      expect(failed.body.code).not.toBe(200);
      expect(failed.body).toEqual(expect.objectContaining({ code: expect.any(Number), msg: expect.any(String) }));
      await op.query('ROLLBACK');
    } finally {
      await op.end();
    }
    const again = await t.get(C.getmsg, w.customers[0], { u_id: w.reps[0].id });
    expect(ids(again)).toEqual(sent);
    expect((await t.get(C.queryNum, w.customers[0], { u_id: w.reps[0].id })).body.data.chatinfo_count).toBe(0);
  });

  it('2. getmsg with last_id returns every message after it, read or not, and moves the position to the newest returned', async () => {
    const [m1, m2, m3] = await repSends(3);
    // The first answer is "lost": the client still shows only m1.
    expect(ids(await t.get(C.getmsg, w.customers[0], { u_id: w.reps[0].id }))).toEqual([m1, m2, m3]);
    expect(ids(await t.get(C.getmsg, w.customers[0], { u_id: w.reps[0].id }))).toEqual([]);
    const resumed = await t.get(C.getmsg, w.customers[0], { u_id: w.reps[0].id, last_id: m1 });
    expect(resumed.body).toMatchObject({ code: 200, msg: '实时获取-最新聊天信息成功', data: { data_count: 2 } });
    expect(ids(resumed)).toEqual([m2, m3]);
    // Up to date: nothing after the newest shown, with or without last_id.
    expect(ids(await t.get(C.getmsg, w.customers[0], { u_id: w.reps[0].id, last_id: m3 }))).toEqual([]);
    expect((await t.get(C.getmsg, w.customers[0], { u_id: w.reps[0].id, last_id: m3 })).body.msg).toBe('没有得到实时聊天信息');
    // A new message after a resumed read comes once, by either form.
    const [m4] = await repSends(1);
    expect((await t.get(C.queryNum, w.customers[0], { u_id: w.reps[0].id })).body.data.chatinfo_count).toBe(1);
    expect(ids(await t.get(C.getmsg, w.customers[0], { u_id: w.reps[0].id, last_id: m3 }))).toEqual([m4]);
    expect((await t.get(C.queryNum, w.customers[0], { u_id: w.reps[0].id })).body.data.chatinfo_count).toBe(0);
    expect(ids(await t.get(C.getmsg, w.customers[0], { u_id: w.reps[0].id }))).toEqual([]);
    // last_id 0: from the start; only the other side's messages.
    await t.post(C.send, w.customers[0], { u_id: w.reps[0].id, content: text('mine') });
    expect(ids(await t.get(C.getmsg, w.customers[0], { u_id: w.reps[0].id, last_id: 0 }))).toEqual([m1, m2, m3, m4]);
  });

  it('2. last_id on the rep surface: a resumed read after a lost answer, and the unread counts stay exact', async () => {
    const c = w.customers[1];
    const sent: number[] = [];
    for (const msg of ['a', 'b', 'c']) sent.push((await t.post(C.send, c, { u_id: w.reps[0].id, content: text(msg) })).body.data.id);
    const first = await t.get(R.getmsg, w.reps[0], { customer_id: c.id, last_id: 0 });
    expect(ids(first)).toEqual(sent);
    expect((await t.get(R.queryNum, w.reps[0])).body.data.chatinfo_count).toBe(0);
    expect(ids(await t.get(R.getmsg, w.reps[0], { customer_id: c.id, last_id: sent[1] }))).toEqual([sent[2]]);
    expect((await t.get(R.queryNum, w.reps[0])).body.data.chatinfo_count).toBe(0);
  });

  it('2. last_id is validated like the other parameters', async () => {
    for (const [value, code] of [['abc', 'invalid'], ['-1', 'out_of_range'], ['1.5', 'invalid'], ['99999999999999999999', 'out_of_range']]) {
      const res = await t.get(C.getmsg, w.customers[0], { u_id: w.reps[0].id, last_id: value });
      expect(res.body).toEqual({ code: 402, msg: '请求异常', data: { last_id: [{ message: expect.any(String), code }] } });
    }
  });

  itOnPostgres('3. a message committed while the history is being opened stays unread and comes with getmsg', async () => {
    const [m1] = await repSends(1);
    const [{ id: conversationId }] = await t.dataSource.query(`SELECT id FROM conversation WHERE rep_id = $1 AND customer_id = $2`, [w.reps[0].id, w.customers[0].id]);
    const op = await operator();
    let m2: number;
    try {
      // Hold the conversation as a concurrent send does; the history reads its page, then waits.
      await op.query('BEGIN');
      await op.query('SELECT id FROM conversation WHERE id = $1 FOR UPDATE', [conversationId]);
      const pending = t.get(C.history, w.customers[0], { u_id: w.reps[0].id });
      await blockedBackend(op);
      // The concurrent send commits m2 (what ChatStore.appendMessage writes).
      const { rows } = await op.query(
        `WITH msg AS (
           INSERT INTO chat_message (company_id, conversation_id, seq, send_type, info_type, content)
           VALUES ($1, $2, 2, 1, 1, '{"msg":"m2"}') RETURNING id),
         conv AS (UPDATE conversation SET message_count = 2, last_message_id = (SELECT id FROM msg), last_message_at = now() WHERE id = $2),
         unread AS (UPDATE chat_read_position SET unread_count = unread_count + 1 WHERE conversation_id = $2 AND side = 'customer')
         SELECT id FROM msg`,
        [w.companyId, conversationId],
      );
      m2 = rows[0].id;
      await op.query('COMMIT');
      const history = await pending;
      expect(ids(history)).toEqual([m1]);
    } finally {
      await op.end();
    }
    expect((await t.get(C.queryNum, w.customers[0], { u_id: w.reps[0].id })).body.data.chatinfo_count).toBe(1);
    expect(ids(await t.get(C.getmsg, w.customers[0], { u_id: w.reps[0].id }))).toEqual([m2]);
  });

  it('3. opening the history marks read what the page saw, older pages included', async () => {
    const sent = await repSends(3);
    const page2 = await t.get(C.history, w.customers[0], { u_id: w.reps[0].id, length: 2, current_page: 2 });
    expect(ids(page2)).toEqual([sent[0]]);
    expect((await t.get(C.queryNum, w.customers[0], { u_id: w.reps[0].id })).body.data.chatinfo_count).toBe(0);
    expect(ids(await t.get(C.getmsg, w.customers[0], { u_id: w.reps[0].id }))).toEqual([]);
  });
});
