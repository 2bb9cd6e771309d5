import { TokenRotationService } from '../../src/modules/seed/token-rotation.service';
import { itOnPostgres, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';
import { WsProbe } from '../support/ws-probe';
import { C, R, text } from './chat-paths';

/**
 * Revocation reaches open sockets on every instance (issue 10.13), and unread counts carry an
 * order (10.5).
 */
describe('realtime: revocation and ordered counts', () => {
  let t: TestApp;
  let w: World;
  let host: string;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
    host = await t.listen();
  });
  afterAll(async () => t.close());

  itOnPostgres('rotating a token closes that principal\'s sockets on every instance with 4403, and only theirs', async () => {
    const b = await TestApp.start();
    try {
      const hostB = await b.listen();
      const [repOnA, repOnB, otherRep, customer] = await Promise.all([
        WsProbe.connect(host, 'rep', w.reps[0]),
        WsProbe.connect(hostB, 'rep', w.reps[0]),
        WsProbe.connect(hostB, 'rep', w.reps[1]),
        WsProbe.connect(hostB, 'customer', w.customers[0]),
      ]);
      // Rotated through instance A's operator command; B learns it through NOTIFY.
      const token = await t.app.get(TokenRotationService).rotate('rep', w.reps[0].id);
      expect(await repOnA.closed).toEqual({ code: 4403, reason: 'revoked' });
      expect(await repOnB.closed).toEqual({ code: 4403, reason: 'revoked' });
      // The others stay open and keep receiving.
      const sent = await t.post(C.send, w.customers[0], { u_id: w.reps[1].id, content: text('still here') });
      expect(sent.body.code).toBe(200);
      await otherRep.next('chat.message', (d) => d.id === sent.body.data.id);
      // The new token opens a socket again; the old one does not.
      const fresh = await WsProbe.connect(hostB, 'rep', { id: w.reps[0].id, token: token! });
      const stale = WsProbe.open(hostB, `role=rep&user_id=${w.reps[0].id}&timestamp=${Date.now()}&rand_str=${'0'.repeat(32)}`);
      expect((await stale.closed).code).toBe(4401);
      w.reps[0].token = token!;
      await Promise.all([fresh.close(), otherRep.close(), customer.close()]);
    } finally {
      await b.close();
    }
  });

  itOnPostgres('disabling a principal closes their sockets', async () => {
    const world = await createWorld(t);
    const probe = await WsProbe.connect(host, 'customer', world.customers[0]);
    await t.dataSource.query(`UPDATE customer SET disabled = true WHERE id = $1`, [world.customers[0].id]);
    expect(await probe.closed).toEqual({ code: 4403, reason: 'revoked' });
  });

  it('chat.unread carries a seq that grows with every change of the principal\'s counts', async () => {
    const world = await createWorld(t);
    const rep = world.reps[0];
    const probe = await WsProbe.connect(host, 'rep', rep);
    const seqs: number[] = [];
    for (const c of world.customers) {
      await t.post(C.send, c, { u_id: rep.id, content: text('hi') });
      seqs.push((await probe.next('chat.unread', (d) => d.customer_id === c.id && d.count === 1)).data.seq);
    }
    // A read lowers the counts: a later state, a higher seq.
    expect((await t.get(R.getmsg, rep, { customer_id: world.customers[0].id })).body.data.data_count).toBe(1);
    const afterRead = await probe.next('chat.unread', (d) => d.customer_id === world.customers[0].id && d.count === 0);
    seqs.push(afterRead.data.seq);
    expect(afterRead.data.unread_msg_num).toBe(world.customers.length - 1);
    expect(seqs.every((s, i) => Number.isInteger(s) && (i === 0 || s > seqs[i - 1]))).toBe(true);
    await probe.close();
  });
});
