import { createWorld, World } from '../support/world';
import { TestApp } from '../support/test-app';
import { DEMO_FIXTURE } from '../../src/modules/seed/demo-fixture';
import { C, R } from './chat-paths';

describe('fixture section "messages" (API.md §9)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  const count = async (repId: number, customerId: number) =>
    (await t.dataSource.query(`SELECT count(m.id)::int AS n FROM conversation c JOIN chat_message m ON m.conversation_id = c.id WHERE c.rep_id = $1 AND c.customer_id = $2`, [repId, customerId]))[0].n;

  it('loads messages in order with their dates and unread counts; loading again changes nothing', async () => {
    const [rep] = w.reps;
    const c = w.customers[1];
    const fixture = {
      messages: [
        { rep_id: rep.id, customer_id: c.id, send_type: 2, content: { info_type: 1, msg: '在吗' }, create_date: '2026-11-20T02:00:00.000Z' },
        { rep_id: rep.id, customer_id: c.id, send_type: 1, content: { info_type: 1, msg: '在的' }, create_date: '2026-11-20T02:01:00.500Z' },
        { rep_id: rep.id, customer_id: c.id, send_type: 2, content: { info_type: 2, product_name: '雷达', product_price: '99' }, create_date: '2026-11-20T02:02:00Z' },
      ],
    };
    expect(await t.importFixture(fixture)).toEqual({ loaded: { messages: 3 } });
    await t.importFixture(fixture);
    expect(await count(rep.id, c.id)).toBe(3);

    expect((await t.get(R.queryNum, rep)).body.data.chatinfo_count).toBe(2);
    const history = await t.get(C.history, c, { u_id: rep.id });
    expect(history.body.data.ret_data.map((m: { msg?: string; product_name?: string; dateTime: string; is_first_info: boolean }) => [m.msg ?? m.product_name, m.dateTime, m.is_first_info])).toEqual([
      ['在吗', '2026-11-20T10:00:00', true],
      ['在的', '2026-11-20T10:01:00.500', false],
      ['雷达', '2026-11-20T10:02:00', false],
    ]);
    const [relation] = await t.dataSource.query(`SELECT last_follow_at, last_activity_at FROM relation WHERE rep_id = $1 AND customer_id = $2`, [rep.id, c.id]);
    expect(relation.last_follow_at.toISOString()).toBe('2026-11-20T02:01:00.500Z');
    expect(relation.last_activity_at.toISOString()).toBe('2026-11-20T02:02:00.000Z');
  });

  it.each([
    ['an unknown key', { rep_id: 1, customer_id: 2, send_type: 1, content: { info_type: 1, msg: 'x' }, colour: 'red' }, /messages\[0\].*unknown key "colour"/],
    ['a bad send_type', { rep_id: 1, customer_id: 2, send_type: 3, content: { info_type: 1, msg: 'x' } }, /messages\[0\].*"send_type" must be 1/],
    ['invalid content', { rep_id: 1, customer_id: 2, send_type: 2, content: { info_type: 1, msg: '' } }, /messages\[0\].*invalid "content".*content\.msg/],
    ['a bad date', { rep_id: 1, customer_id: 2, send_type: 2, content: { info_type: 1, msg: 'x' }, create_date: 'yesterday' }, /messages\[0\].*"create_date"/],
  ])('refuses %s naming the record', async (_name, record, error) => {
    await expect(t.importFixture({ messages: [record] })).rejects.toThrow(error);
  });

  it('refuses a message between parties without a relation and loads nothing of the file', async () => {
    const before = await count(w.reps[1].id, w.customers[1].id);
    const fixture = {
      messages: [
        { rep_id: w.reps[0].id, customer_id: w.customers[2].id, send_type: 2, content: { info_type: 1, msg: 'ok' } },
        { rep_id: w.reps[1].id, customer_id: w.customers[1].id, send_type: 2, content: { info_type: 1, msg: 'no relation' } },
      ],
    };
    await expect(t.importFixture(fixture)).rejects.toThrow(/messages\[1\].*no relation/);
    expect(await count(w.reps[1].id, w.customers[1].id)).toBe(before);
    expect(await count(w.reps[0].id, w.customers[2].id)).toBe(0);
  });

  it('the demo fixture loads its conversation (twice, idempotently)', async () => {
    await t.importFixture(DEMO_FIXTURE);
    await t.importFixture(DEMO_FIXTURE);
    expect(await count(1, 1)).toBe(4);
    expect(await count(1, 2)).toBe(1);
    const [{ content }] = await t.dataSource.query(
      `SELECT m.content FROM chat_message m JOIN conversation c ON c.id = m.conversation_id WHERE c.rep_id = 1 AND c.customer_id = 1 AND m.info_type = 3`,
    );
    expect(content).toEqual({ msg: '您好,请问能否告诉我您的手机号?' });
  });
});
