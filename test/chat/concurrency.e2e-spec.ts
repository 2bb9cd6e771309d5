import { createWorld } from '../support/world';
import { itOnPostgres, Signer, TestApp } from '../support/test-app';
import { CUSTOMER_CHATS, R, text } from './chat-paths';

/**
 * Many senders on both sides of one conversation while both sides poll getmsg: nothing may be
 * lost, returned twice or counted wrong, whatever the interleaving of commits.
 */
describe.each(CUSTOMER_CHATS)('chat under concurrency (customer chat: $label)', ({ C }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ dbPoolSize: 20 });
  });
  afterAll(async () => t.close());

  const SENDERS_PER_SIDE = 8;
  const MESSAGES_PER_SENDER = 12;

  async function sender(send: (i: number) => Promise<{ body: { code: number; data: { id: number } } }>): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < MESSAGES_PER_SENDER; i++) {
      const res = await send(i);
      if (res.body.code !== 200) throw new Error(`send failed: ${JSON.stringify(res.body)}`);
      ids.push(res.body.data.id);
    }
    return ids;
  }

  /** Polls getmsg until `done()` and then until a call comes back empty; returns every batch. */
  async function poller(poll: () => Promise<{ body: { code: number; data: { ret_data: { id: number }[] } } }>, done: () => boolean): Promise<number[][]> {
    const batches: number[][] = [];
    for (;;) {
      const finished = done();
      const res = await poll();
      if (res.body.code !== 200) throw new Error(`getmsg failed: ${JSON.stringify(res.body)}`);
      const ids = res.body.data.ret_data.map((m) => m.id);
      if (ids.length) batches.push(ids);
      if (finished && !ids.length) return batches;
    }
  }

  // Real concurrency needs a real server: PGlite runs every connection in one backend session,
  // so row locks never block there and interleaved requests break its protocol handling.
  itOnPostgres('keeps every message exactly once for both pollers, with exact counts', async () => {
    const w = await createWorld(t);
    const rep: Signer = w.reps[0];
    const customer: Signer = w.customers[0];
    let sending = true;

    const customerSenders = Array.from({ length: SENDERS_PER_SIDE }, (_, s) =>
      sender((i) => t.post(C.send, customer, { u_id: rep.id, content: text(`c${s}-${i}`), client_msg_id: `c${s}-${i}` }, i % 2 ? 'json' : 'form')),
    );
    const repSenders = Array.from({ length: SENDERS_PER_SIDE }, (_, s) =>
      sender((i) => t.post(R.send, rep, { customer_id: customer.id, content: text(`r${s}-${i}`) }, i % 2 ? 'form' : 'json')),
    );
    const repPoller = poller(() => t.get(R.getmsg, rep, { customer_id: customer.id }), () => !sending);
    const customerPoller = poller(() => t.get(C.getmsg, customer, { u_id: rep.id }), () => !sending);
    // Retries of already-sent keys racing with everything else must not add messages.
    const retries = Promise.all(
      Array.from({ length: 10 }, async (_, k) => {
        await new Promise((r) => setTimeout(r, 20 * k));
        return t.post(C.send, customer, { u_id: rep.id, content: text('retry'), client_msg_id: 'c0-0' });
      }),
    );

    // Stop the pollers whatever happens to the senders, so a failure cannot leak into other tests.
    const sent = Promise.all([Promise.all(customerSenders).then((x) => x.flat()), Promise.all(repSenders).then((x) => x.flat())]).finally(() => (sending = false));
    const [customerIds, repIds] = await sent;
    const retryIds = new Set((await retries).map((r) => r.body.data.id));
    sending = false;
    const [repBatches, customerBatches] = await Promise.all([repPoller, customerPoller]);

    const total = 2 * SENDERS_PER_SIDE * MESSAGES_PER_SENDER;
    // Stored count is exact (the retries stored nothing) and every retry got the first id.
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM chat_message m JOIN conversation c ON c.id = m.conversation_id WHERE c.rep_id = $1 AND c.customer_id = $2`,
      [rep.id, customer.id],
    );
    expect(n).toBe(total);
    expect(retryIds).toEqual(new Set([customerIds[0]]));

    // Each poller saw every message of the other side exactly once, in id order, never skipping.
    const repSaw = repBatches.flat();
    const customerSaw = customerBatches.flat();
    expect(repSaw).toEqual([...customerIds].sort((a, b) => a - b));
    expect(customerSaw).toEqual([...repIds].sort((a, b) => a - b));

    // Counts agree with getmsg: nothing left unread on either side.
    expect((await t.get(C.queryNum, customer, { u_id: rep.id })).body.data.chatinfo_count).toBe(0);
    expect((await t.get(R.queryNum, rep)).body.data.chatinfo_count).toBe(0);

    // History holds everything, seq-ordered pages in id order, and the newest message is last.
    const history = await t.get(R.history, rep, { customer_id: customer.id, length: 0 });
    expect(history.body.data.data_count).toBe(total);
    const historyIds = history.body.data.ret_data.map((m: { id: number }) => m.id);
    expect(historyIds).toEqual([...customerIds, ...repIds].sort((a, b) => a - b));
    expect(history.body.data.ret_data.filter((m: { is_first_info: boolean }) => m.is_first_info)).toHaveLength(1);
    const [conv] = await t.dataSource.query(`SELECT last_message_id, message_count FROM conversation WHERE rep_id = $1 AND customer_id = $2`, [rep.id, customer.id]);
    expect(conv).toEqual({ last_message_id: Math.max(...historyIds), message_count: total });

    // Unread counts stay exact under parallel sends with no reader.
    await Promise.all(Array.from({ length: 15 }, (_, i) => t.post(C.send, customer, { u_id: rep.id, content: text(`late ${i}`) })));
    const contact = await t.get(R.contact, rep);
    expect(contact.body.data.ret_data[0]).toMatchObject({ customer_id: customer.id, count: 15, msg: expect.stringMatching(/^late \d+$/) });
    expect(contact.body.data.unread_msg_num).toBe(15);
    expect((await t.get(R.queryNum, rep)).body.data.chatinfo_count).toBe(15);
    const drained = await t.get(R.getmsg, rep, { customer_id: customer.id });
    expect(drained.body.data.data_count).toBe(15);
  }, 120_000);
});
