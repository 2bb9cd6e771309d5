import { ChatEngagementSource } from '../../src/modules/action-log/radar-ports';
import { createWorld, World } from '../support/world';
import { TestApp } from '../support/test-app';
import { CUSTOMER_CHATS, R, text } from './chat-paths';

describe.each(CUSTOMER_CHATS)('chat rules: content, isolation, idempotency, side effects (customer chat: $label)', ({ C }) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  const messageCount = async (repId: number, customerId: number): Promise<number> => {
    const [row] = await t.dataSource.query(
      `SELECT count(m.id)::int AS n FROM conversation c LEFT JOIN chat_message m ON m.conversation_id = c.id WHERE c.rep_id = $1 AND c.customer_id = $2`,
      [repId, customerId],
    );
    return row?.n ?? 0;
  };

  describe('content per info_type', () => {
    const send = (content: unknown, encoding: 'form' | 'json' = 'json') => t.post(C.send, w.customers[0], { u_id: w.reps[0].id, content }, encoding);
    const err = (field: string, code: string) => ({ code: 402, msg: '请求异常', data: { [field]: [{ message: expect.any(String), code }] } });

    it.each([
      ['a form value that is not JSON', 'not json', 'form', 'content', 'invalid'],
      ['a JSON array', [1, 2], 'json', 'content', 'invalid'],
      ['an empty string', '', 'form', 'content', 'required'],
      ['no info_type', { msg: 'x' }, 'json', 'content.info_type', 'required'],
      ['a non-integer info_type', { info_type: 'abc', msg: 'x' }, 'json', 'content.info_type', 'invalid'],
      ['info_type 6', { info_type: 6, msg: 'x' }, 'json', 'content.info_type', 'out_of_range'],
      ['an empty text', { info_type: 1, msg: '   ' }, 'form', 'content.msg', 'required'],
      ['a text over 2000 characters', { info_type: 1, msg: 'a'.repeat(2001) }, 'json', 'content.msg', 'too_long'],
      ['a text that is an object', { info_type: 1, msg: { a: 1 } }, 'json', 'content.msg', 'invalid'],
      ['a product card without product_name', { info_type: 2, product_price: '1' }, 'json', 'content.product_name', 'required'],
      ['an image without url', { info_type: 4 }, 'form', 'content.url', 'required'],
      ['a script url', { info_type: 5, url: 'javascript:alert(1)' }, 'json', 'content.url', 'invalid'],
      ['a customer phone message without msg', { info_type: 3 }, 'json', 'content.msg', 'required'],
    ])('refuses %s with a 402 field error', async (_name, content, encoding, field, code) => {
      const before = await messageCount(w.reps[0].id, w.customers[0].id);
      expect((await send(content, encoding as 'form' | 'json')).body).toEqual(err(field, code));
      expect(await messageCount(w.reps[0].id, w.customers[0].id)).toBe(before);
    });

    it('accepts 2000 characters counted as characters (emoji included) and a string info_type', async () => {
      const long = '😀'.repeat(2000);
      const res = await send(JSON.stringify({ info_type: '1', msg: long }), 'form');
      expect(res.body.code).toBe(200);
      const got = await t.get(R.getmsg, w.reps[0], { customer_id: w.customers[0].id });
      expect(got.body.data.ret_data.at(-1)).toMatchObject({ info_type: 1, msg: long });
    });

    it('drops keys outside the table: content can never overwrite server fields', async () => {
      const forged = { info_type: 1, msg: 'real', id: 1, send_type: 1, user_id: 1, customer_id: 1, dateTime: 'x', is_first_info: 'x', user_avatar: 'evil', name: 'evil', extra: 'x' };
      const res = await send(forged);
      const [stored] = await t.dataSource.query(`SELECT content FROM chat_message WHERE id = $1`, [res.body.data.id]);
      expect(stored.content).toEqual({ msg: 'real' });
      const got = await t.get(R.getmsg, w.reps[0], { customer_id: w.customers[0].id });
      const item = got.body.data.ret_data.at(-1);
      expect(item).toMatchObject({ id: res.body.data.id, send_type: 2, user_id: w.reps[0].id, customer_id: w.customers[0].id, name: 'Customer0', msg: 'real' });
      expect(item).not.toHaveProperty('extra');
      expect(item.dateTime).not.toBe('x');
    });

    it('stores the fixed phone request on the rep side and the customer text on the customer side', async () => {
      const [rep] = w.reps;
      const c = w.customers[2];
      await t.post(R.send, rep, { customer_id: c.id, content: { info_type: 3, msg: 'anything' } }, 'form');
      await t.post(C.send, c, { u_id: rep.id, content: { info_type: 3, msg: '13912345678' } });
      const [toCustomer] = (await t.get(C.getmsg, c, { u_id: rep.id })).body.data.ret_data;
      const [toRep] = (await t.get(R.getmsg, rep, { customer_id: c.id })).body.data.ret_data;
      expect(toCustomer).toMatchObject({ info_type: 3, msg: '您好,请问能否告诉我您的手机号?' });
      expect(toRep).toMatchObject({ info_type: 3, msg: '13912345678' });
    });
  });

  describe('tenant isolation (307)', () => {
    const noRelation = { code: 307, msg: '用户-客户关系不存在', data: {} };

    it('refuses a customer talking to a rep of another company, an unrelated rep or an unknown rep', async () => {
      const c = w.customers[1]; // related to reps[0] only
      for (const repId of [w.outsiderRep.id, w.reps[1].id, 999_999_999]) {
        expect((await t.post(C.send, c, { u_id: repId, content: text('x') })).body).toEqual(noRelation);
        expect((await t.get(C.getmsg, c, { u_id: repId })).body).toEqual(noRelation);
        expect((await t.get(C.history, c, { u_id: repId })).body).toEqual(noRelation);
        expect((await t.get(C.queryNum, c, { u_id: repId })).body).toEqual(noRelation);
      }
      const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM conversation WHERE customer_id = $1 AND rep_id <> $2`, [c.id, w.reps[0].id]);
      expect(row.n).toBe(0);
    });

    it('refuses a rep talking to a customer of another company or an unrelated one', async () => {
      const rep = w.reps[1]; // related to customers[0] only
      for (const customerId of [w.outsiderCustomer.id, w.customers[2].id]) {
        expect((await t.post(R.send, rep, { customer_id: customerId, content: text('x') }, 'json')).body).toEqual(noRelation);
        expect((await t.get(R.getmsg, rep, { customer_id: customerId })).body).toEqual(noRelation);
        expect((await t.get(R.history, rep, { customer_id: customerId })).body).toEqual(noRelation);
      }
    });

    it('keeps other companies out of the contact list and unread totals', async () => {
      await t.post(C.send, w.outsiderCustomer, { u_id: w.outsiderRep.id, content: text('outsider') });
      const list = await t.get(R.contact, w.reps[0]);
      expect(list.body.data.ret_data.map((r: { customer_id: number }) => r.customer_id)).not.toContain(w.outsiderCustomer.id);
      expect((await t.get(R.queryNum, w.outsiderRep)).body.data.chatinfo_count).toBe(1);
    });
  });

  describe('idempotent send (client_msg_id)', () => {
    it('returns the first id for a retry and stores nothing new; the key is per conversation and side', async () => {
      const [rep] = w.reps;
      const c = w.customers[1];
      const before = await messageCount(rep.id, c.id);
      const first = await t.post(C.send, c, { u_id: rep.id, content: text('once'), client_msg_id: 'k-1' });
      const retry = await t.post(C.send, c, { u_id: rep.id, content: text('once'), client_msg_id: 'k-1' }, 'json');
      expect(retry.body).toEqual({ code: 200, msg: 'send msg successful', data: { id: first.body.data.id } });
      const repSame = await t.post(R.send, rep, { customer_id: c.id, content: text('rep side'), client_msg_id: 'k-1' });
      expect(repSame.body.data.id).not.toBe(first.body.data.id);
      expect(await messageCount(rep.id, c.id)).toBe(before + 2);
      const otherConversation = await t.post(C.send, w.customers[0], { u_id: rep.id, content: text('once'), client_msg_id: 'k-1' });
      expect(otherConversation.body.data.id).not.toBe(first.body.data.id);
    });

    it('stores one message for many concurrent retries and counts it unread once', async () => {
      const rep = w.reps[1];
      const c = w.customers[0];
      await t.get(R.history, rep, { customer_id: c.id });
      const before = await messageCount(rep.id, c.id);
      const replies = await Promise.all(
        Array.from({ length: 12 }, (_, i) => t.post(C.send, c, { u_id: rep.id, content: text('retry'), client_msg_id: 'same-key' }, i % 2 ? 'json' : 'form')),
      );
      const ids = new Set(replies.map((r) => r.body.data.id));
      expect(replies.every((r) => r.body.code === 200)).toBe(true);
      expect(ids.size).toBe(1);
      expect(await messageCount(rep.id, c.id)).toBe(before + 1);
      const got = await t.get(R.getmsg, rep, { customer_id: c.id });
      expect(got.body.data.ret_data.map((m: { id: number }) => m.id)).toEqual([...ids]);
    });

    it('refuses a client_msg_id over 64 characters', async () => {
      const res = await t.post(C.send, w.customers[0], { u_id: w.reps[0].id, content: text('x'), client_msg_id: 'k'.repeat(65) });
      expect(res.body).toEqual({ code: 402, msg: '请求异常', data: { client_msg_id: [{ message: expect.any(String), code: 'too_long' }] } });
    });
  });

  describe('side effects', () => {
    const relation = async (repId: number, customerId: number) =>
      (await t.dataSource.query(`SELECT last_follow_at, last_activity_at FROM relation WHERE rep_id = $1 AND customer_id = $2`, [repId, customerId]))[0];

    it('a customer message sets last_activity_at, a rep message sets last_follow_at', async () => {
      const world = await createWorld(t);
      const [rep] = world.reps;
      const [c] = world.customers;
      expect(await relation(rep.id, c.id)).toEqual({ last_follow_at: null, last_activity_at: null });
      await t.post(C.send, c, { u_id: rep.id, content: text('hi') });
      const afterCustomer = await relation(rep.id, c.id);
      expect(afterCustomer.last_activity_at).toBeInstanceOf(Date);
      expect(afterCustomer.last_follow_at).toBeNull();
      await t.post(R.send, rep, { customer_id: c.id, content: text('hello') });
      expect((await relation(rep.id, c.id)).last_follow_at).toBeInstanceOf(Date);
    });

    const radarRows = (repId: number, customerId: number) =>
      t.dataSource.query(`SELECT action, product_name, remark FROM radar_action WHERE rep_id = $1 AND customer_id = $2 ORDER BY id`, [repId, customerId]);

    it('a customer product inquiry records radar action 7 (ActionLog) and the rep sees it on the radar; other messages do not', async () => {
      const [rep] = w.reps;
      const c = w.customers[2];
      await t.post(C.send, c, { u_id: rep.id, content: text('just text') });
      await t.post(R.send, rep, { customer_id: c.id, content: { info_type: 2, product_name: 'rep card' } });
      expect(await radarRows(rep.id, c.id)).toEqual([]);
      const sent = await t.post(C.send, c, { u_id: rep.id, content: { info_type: 2, product_name: '智能雷达', product_price: '¥99', product_cover_url: 'statics/p.png' } }, 'form');
      expect(sent.body.code).toBe(200);
      expect(await radarRows(rep.id, c.id)).toEqual([{ action: 7, product_name: '智能雷达', remark: '咨询了产品《智能雷达》' }]);
      const timeline = await t.get('/zhugeleida/qiyeweixin/action/time', rep, { customer_id: c.id });
      expect(timeline.body.data.ret_data[0]).toMatchObject({ action: 7, customer_id: c.id, log: 'Customer2咨询了产品《智能雷达》' });
    });

    it('stores neither the message nor the action when recording the radar action fails (one transaction)', async () => {
      const [rep] = w.reps;
      const c = w.customers[2];
      const before = await messageCount(rep.id, c.id);
      const actionsBefore = (await radarRows(rep.id, c.id)).length;
      // Make the radar write itself fail inside the database, after the message was inserted (an
      // unexpected error: a constraint violation would be answered as invalid input).
      await t.dataSource.query(`CREATE FUNCTION test_fail_me() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.product_name = 'FAIL-ME' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
      await t.dataSource.query(`CREATE TRIGGER test_fail_me BEFORE INSERT ON radar_action FOR EACH ROW EXECUTE FUNCTION test_fail_me()`);
      try {
        const res = await t.post(C.send, c, { u_id: rep.id, content: { info_type: 2, product_name: 'FAIL-ME' } });
        expect(res.status).toBe(500);
        expect(res.body.code).toBe(500);
      } finally {
        await t.dataSource.query(`DROP TRIGGER test_fail_me ON radar_action`);
        await t.dataSource.query(`DROP FUNCTION test_fail_me()`);
      }
      expect(await messageCount(rep.id, c.id)).toBe(before);
      expect(await radarRows(rep.id, c.id)).toHaveLength(actionsBefore);
    });

    it('creates a conversation once and does not burn conversation ids on later sends', async () => {
      const world = await createWorld(t);
      const [rep] = world.reps;
      const [c] = world.customers;
      const seqValue = async () => (await t.dataSource.query(`SELECT last_value::bigint AS v FROM conversation_id_seq`))[0].v;
      await t.post(C.send, c, { u_id: rep.id, content: text('first') });
      const after = await seqValue();
      for (let i = 0; i < 5; i++) await t.post(i % 2 ? R.send : C.send, i % 2 ? rep : c, i % 2 ? { customer_id: c.id, content: text('r') } : { u_id: rep.id, content: text('c') });
      expect(await seqValue()).toBe(after);
      const rows = await t.dataSource.query(`SELECT side, owner_id FROM chat_read_position p JOIN conversation c ON c.id = p.conversation_id WHERE c.rep_id = $1 AND c.customer_id = $2 ORDER BY side`, [rep.id, c.id]);
      expect(rows).toEqual([{ side: 'customer', owner_id: c.id }, { side: 'rep', owner_id: rep.id }]);
    });

    it('provides ChatEngagementSource: messages per customer and side since an instant', async () => {
      const world = await createWorld(t);
      const [rep] = world.reps;
      const [c0, c1, c2] = world.customers;
      const since = new Date();
      await t.post(C.send, c0, { u_id: rep.id, content: text('a') });
      await t.post(C.send, c0, { u_id: rep.id, content: text('b') });
      await t.post(R.send, rep, { customer_id: c0.id, content: text('c') });
      await t.post(R.send, rep, { customer_id: c1.id, content: text('d') });
      const source = t.app.get(ChatEngagementSource, { strict: false });
      const result = await source.engagement(world.companyId, rep.id, [c0.id, c1.id, c2.id], since);
      expect(result.get(c0.id)).toEqual({ customerMessages: 2, repMessages: 1 });
      expect(result.get(c1.id)).toEqual({ customerMessages: 0, repMessages: 1 });
      expect(result.get(c2.id)).toEqual({ customerMessages: 0, repMessages: 0 });
      const later = await source.engagement(world.companyId, rep.id, [c0.id], new Date(Date.now() + 60_000));
      expect(later.get(c0.id)).toEqual({ customerMessages: 0, repMessages: 0 });
      // Counts are exact up to the cap and stop there (the cost is bounded by the cap).
      const capped = await source.engagement(world.companyId, rep.id, [c0.id], since, 1);
      expect(capped.get(c0.id)).toEqual({ customerMessages: 1, repMessages: 1 });
      await t.post(C.send, c0, { u_id: rep.id, content: text('e') });
      expect((await source.engagement(world.companyId, rep.id, [c0.id], new Date(0), 2)).get(c0.id)).toEqual({ customerMessages: 2, repMessages: 1 });
      expect((await source.engagement(world.companyId, rep.id, [c0.id], new Date(0))).get(c0.id)).toEqual({ customerMessages: 3, repMessages: 1 });
    });
  });
});
