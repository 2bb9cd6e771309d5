import { Module } from '@nestjs/common';
import { AiPrScorer, ChatEngagement, ChatEngagementSource } from '../../src/modules/action-log/radar-ports';
import { TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';
import { ago, DAY, localDate } from './support';

/**
 * ai_pr through the AiPrScorer port (the customer profile calls it). The expected values are
 * computed by hand with the formula of docs/ai-pr.md; none of these customers has chatted, so
 * only radar actions count.
 */
describe('ai_pr (AiPrScorer)', () => {
  let t: TestApp;
  let w: World;
  let scorer: AiPrScorer;
  let c: number[];

  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
    scorer = t.app.get(AiPrScorer);
    c = w.customers.map((x) => x.id);
    const rep0 = w.reps[0].id;
    await t.importFixture({
      actions: [
        // Customer 0: 2 × 查看名片 today (3 × 2 = 6), 咨询产品 7 days ago (10 × ½ = 5), 保存电话 14 days ago (8 × ¼ = 2) → raw 13.
        { rep_id: rep0, customer_id: c[0], action: 1, create_date: ago(1000) },
        { rep_id: rep0, customer_id: c[0], action: 1, create_date: ago(2000) },
        { rep_id: rep0, customer_id: c[0], action: 7, create_date: ago(7 * DAY) },
        { rep_id: rep0, customer_id: c[0], action: 8, create_date: ago(14 * DAY) },
        // Customer 1: ten calls today: 120 points, capped at 3 × 12 = 36.
        ...Array.from({ length: 10 }, (_, i) => ({ rep_id: rep0, customer_id: c[1], action: 10, create_date: ago((i + 1) * 1000) })),
        // Customer 2: 觉得靠谱 29 days ago counts (8 × 0.5^(29/7) = 0.45); 30 days ago is outside the window.
        { rep_id: rep0, customer_id: c[2], action: 9, create_date: ago(29 * DAY) },
        { rep_id: rep0, customer_id: c[2], action: 9, create_date: ago(30 * DAY) },
        ...Array.from({ length: 20 }, (_, i) => ({ rep_id: rep0, customer_id: c[2], action: 10, create_date: ago((40 + i) * DAY) })),
        // Rep 1's log is separate: one call today.
        { rep_id: w.reps[1].id, customer_id: c[0], action: 10, create_date: ago(1000) },
      ],
    });
  });
  afterAll(async () => t.close());

  it('scores each customer from their recent actions with this rep (hand-computed)', async () => {
    const scores = await scorer.scores(w.companyId, w.reps[0].id, c);
    // 100 · (1 − e^(−raw/50)): raw 13 → 22.89 → 23; raw 36 → 51.32 → 51; raw 0.45 → 0.90 → 1.
    expect(Object.fromEntries(scores)).toEqual({ [c[0]]: 23, [c[1]]: 51, [c[2]]: 1 });
  });

  it('counts only the given rep’s actions', async () => {
    const scores = await scorer.scores(w.companyId, w.reps[1].id, [c[0]]);
    expect(scores.get(c[0])).toBe(21); // raw 12 → 21.34
  });

  it('gives 0 to customers without actions, of another company or unknown, and nothing for no ids', async () => {
    const scores = await scorer.scores(w.companyId, w.reps[0].id, [w.outsiderCustomer.id, 999_999_999]);
    expect(Object.fromEntries(scores)).toEqual({ [w.outsiderCustomer.id]: 0, 999999999: 0 });
    expect((await scorer.scores(w.otherCompanyId, w.outsiderRep.id, c)).get(c[0])).toBe(0);
    expect((await scorer.scores(w.companyId, w.reps[0].id, [])).size).toBe(0);
  });

  it('rises when the customer records an action', async () => {
    const res = await t.post('/zhugeleida/gongzhonghao/action/record/0', w.customers[2], { u_id: w.reps[0].id, action: 9 });
    expect(res.body.code).toBe(200);
    const scores = await scorer.scores(w.companyId, w.reps[0].id, [c[2]]);
    expect(scores.get(c[2])).toBe(16); // raw 8 + 0.45 = 8.45 → 15.55
  });
});

/**
 * The Chat module (built in parallel) binds ChatEngagementSource; this test binds a recording
 * one to check that the scorer finds it lazily, asks for the whole batch over its window, and
 * adds chat points. After merging, the same numbers can come from real chat messages.
 */
describe('ai_pr with a ChatEngagementSource bound', () => {
  const calls: { companyId: number; repId: number; ids: number[]; since: Date }[] = [];
  const engagement = { customerMessages: 3, repMessages: 5 };
  class RecordingChatEngagement extends ChatEngagementSource {
    async engagement(companyId: number, repId: number, ids: number[], since: Date): Promise<Map<number, ChatEngagement>> {
      calls.push({ companyId, repId, ids, since });
      return new Map(ids.map((id) => [id, engagement]));
    }
    oneCustomerColumn(since: string, cap: string): string {
      return `CASE WHEN ${since} IS NOT NULL THEN json_build_array(LEAST(${engagement.customerMessages}, ${cap}), LEAST(${engagement.repMessages}, ${cap})) END`;
    }
  }
  @Module({ providers: [{ provide: ChatEngagementSource, useClass: RecordingChatEngagement }] })
  class ChatEngagementTestModule {}

  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start({}, [ChatEngagementTestModule]);
    w = await createWorld(t);
    const rep0 = w.reps[0].id;
    const c0 = w.customers[0].id;
    await t.importFixture({
      actions: [
        { rep_id: rep0, customer_id: c0, action: 1, create_date: ago(1000) },
        { rep_id: rep0, customer_id: c0, action: 1, create_date: ago(2000) },
        { rep_id: rep0, customer_id: c0, action: 7, create_date: ago(7 * DAY) },
        { rep_id: rep0, customer_id: c0, action: 8, create_date: ago(14 * DAY) },
      ],
    });
  });
  afterAll(async () => t.close());

  it('reproduces the worked example of docs/ai-pr.md (13 action points + 9 chat points → 36)', async () => {
    const c = w.customers.map((x) => x.id);
    const scores = await t.app.get(AiPrScorer).scores(w.companyId, w.reps[0].id, [c[0], c[1]]);
    // Customer 1 only chats: raw 9 → 100 · (1 − e^(−0.18)) = 16.47 → 16.
    expect(Object.fromEntries(scores)).toEqual({ [c[0]]: 36, [c[1]]: 16 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ companyId: w.companyId, repId: w.reps[0].id, ids: [c[0], c[1]] });
    // The window starts at local midnight 29 days ago (30 calendar days with today).
    expect(calls[0].since.toISOString()).toBe(new Date(`${localDate(-29)}T00:00:00+08:00`).toISOString());
  });

  it('gives the profile the same score from its one-statement column (the source\'s SQL form)', async () => {
    const res = await t.get('/zhugeleida/qiyeweixin/customer', w.reps[0], { customer_id: w.customers[0].id });
    expect(res.body).toMatchObject({ code: 200 });
    expect(res.body.data.ret_data[0].ai_pr).toBe(36);
  });
});
