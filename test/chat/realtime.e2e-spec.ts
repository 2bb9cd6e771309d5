import { signQuery } from '../../src/common/auth/signature';
import { createWorld, World } from '../support/world';
import { drainSocket } from '../support/drain';
import { itOnPostgres, onRealPostgres, TestApp } from '../support/test-app';
import { CUSTOMER_CHATS, R, text } from './chat-paths';
import { WsProbe } from '../support/ws-probe';

describe.each(CUSTOMER_CHATS)('realtime /ws (API.md §7) (customer chat: $label)', ({ C }) => {
  let t: TestApp;
  let host: string;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start();
    host = await t.listen();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it('accepts a signed handshake and answers with ready', async () => {
    const probe = await WsProbe.connect(host, 'rep', w.reps[0]);
    expect(probe.frames[0]).toEqual({ event: 'ready', data: { role: 'rep', id: w.reps[0].id } });
    await probe.close();
  });

  const signed = (who: { id: number; token: string }, at = Date.now()) => signQuery(who.id, who.token, at);
  it.each([
    ['a bad signature', (q: string) => q.replace(/rand_str=[0-9a-f]+/, `rand_str=${'0'.repeat(32)}`), 4401, 'bad_signature'],
    ['missing parameters', () => 'role=rep', 4401, 'missing_params'],
    ['an unknown user', (q: string) => q.replace(/user_id=\d+/, 'user_id=999999999'), 4401, 'unknown_user'],
    ['an unknown role', (q: string) => q.replace('role=rep', 'role=admin'), 4400, 'bad_role'],
  ])('refuses %s with close code and reason', async (_name, mutate, code, reason) => {
    const probe = WsProbe.open(host, mutate(`role=rep&${signed(w.reps[0])}`));
    expect(await probe.closed).toEqual({ code, reason });
  });

  it('refuses an expired timestamp with 4401 expired', async () => {
    const probe = WsProbe.open(host, `role=rep&${signed(w.reps[0], Date.now() - 3_600_000)}`);
    expect(await probe.closed).toEqual({ code: 4401, reason: 'expired' });
  });

  it('refuses a customer signing as a rep (tokens are per surface)', async () => {
    const c = w.customers[0];
    const probe = WsProbe.open(host, `role=rep&${signQuery(c.id, c.token, Date.now())}`);
    expect((await probe.closed).code).toBe(4401);
  });

  it('pushes chat.message and chat.unread to the receiver after commit, and chat.read to the sender', async () => {
    const rep = w.reps[0];
    const c = w.customers[1];
    const repSocket = await WsProbe.connect(host, 'rep', rep);
    const customerSocket = await WsProbe.connect(host, 'customer', c);
    const sent = await t.post(C.send, c, { u_id: rep.id, content: text('实时') });
    const id = sent.body.data.id;

    const pushed = await repSocket.next('chat.message', (d) => d.id === id);
    // Same item shape as the rep's getmsg, and the row is committed when the push arrives.
    const polled = await t.get(R.getmsg, rep, { customer_id: c.id });
    expect(polled.body.data.ret_data).toEqual([pushed.data]);
    expect(await repSocket.next('chat.unread', (d) => d.customer_id === c.id && d.count === 1)).toMatchObject({ data: { unread_msg_num: expect.any(Number) } });
    // The rep's getmsg read it: the customer learns how far the rep has read.
    expect((await customerSocket.next('chat.read')).data).toEqual({ u_id: rep.id, read_up_to: id });
    // The customer's own sockets never get their own message as chat.message.
    expect(customerSocket.frames.some((f) => f.event === 'chat.message')).toBe(false);

    const reply = await t.post(R.send, rep, { customer_id: c.id, content: { info_type: 3, msg: 'ignored' } }, 'json');
    const toCustomer = await customerSocket.next('chat.message', (d) => d.id === reply.body.data.id);
    expect(toCustomer.data).toMatchObject({ user_id: rep.id, user_avator: 'http://img/rep0.png', send_type: 1, info_type: 3, msg: '您好,请问能否告诉我您的手机号?' });
    expect((await customerSocket.next('chat.unread', (d) => d.u_id === rep.id)).data).toMatchObject({ chatinfo_count: 1 });
    await Promise.all([repSocket.close(), customerSocket.close()]);
  });

  it('delivers to every socket of the principal and to no one else', async () => {
    const rep = w.reps[0];
    const c = w.customers[2];
    const [a, b, otherRep] = await Promise.all([WsProbe.connect(host, 'rep', rep), WsProbe.connect(host, 'rep', rep), WsProbe.connect(host, 'rep', w.reps[1])]);
    const sent = await t.post(C.send, c, { u_id: rep.id, content: text('two tabs') }, 'json');
    await a.next('chat.message', (d) => d.id === sent.body.data.id);
    await b.next('chat.message', (d) => d.id === sent.body.data.id);
    await drainSocket(t, otherRep, { role: 'rep', id: w.reps[1].id });
    expect(otherRep.frames.filter((f) => f.event === 'chat.message')).toEqual([]);
    await Promise.all([a.close(), b.close(), otherRep.close()]);
  });

  it('publishes nothing for a send that fails (no relation)', async () => {
    const probe = await WsProbe.connect(host, 'rep', w.reps[1]);
    const res = await t.post(C.send, w.customers[1], { u_id: w.reps[1].id, content: text('nope') });
    expect(res.body.code).toBe(307);
    await drainSocket(t, probe, { role: 'rep', id: w.reps[1].id });
    expect(probe.frames.map((f) => f.event)).toEqual(['ready', 'test.sentinel']);
    await probe.close();
  });

  it('answers an application-level ping with pong', async () => {
    const probe = await WsProbe.connect(host, 'customer', w.customers[0]);
    probe.socket.send(JSON.stringify({ event: 'ping' }));
    await probe.next('pong');
    await probe.close();
  });

  it('closes open sockets with 1001 when the app shuts down', async () => {
    const other = await TestApp.start();
    const otherHost = await other.listen();
    const probe = await WsProbe.connect(otherHost, 'rep', w.reps[0]);
    await other.close();
    expect(await probe.closed).toEqual({ code: 1001, reason: 'server shutting down' });
  });

  itOnPostgres('fans out across two instances on one PostgreSQL; after a reconnect getmsg returns what was missed', async () => {
    const b = await TestApp.start();
    try {
      const hostB = await b.listen();
      const rep = w.reps[1];
      const c = w.customers[0];
      await t.get(R.history, rep, { customer_id: c.id }); // start from nothing unread
      const onB = await WsProbe.connect(hostB, 'rep', rep);
      // Sent through instance A, received by a socket on instance B.
      const sent = await t.post(C.send, c, { u_id: rep.id, content: text('from A') });
      expect((await onB.next('chat.message', (d) => d.id === sent.body.data.id)).data).toMatchObject({ msg: 'from A', name: 'Customer0' });
      // A payload over NOTIFY's 8000-byte limit still arrives (split into frames).
      const big = '😀'.repeat(2000);
      const bigSent = await t.post(C.send, c, { u_id: rep.id, content: text(big) }, 'json');
      expect((await onB.next('chat.message', (d) => d.id === bigSent.body.data.id)).data.msg).toBe(big);

      // Disconnect; messages sent meanwhile are not pushed to anyone, then getmsg catches up.
      await onB.close();
      const missed: number[] = [];
      for (let i = 0; i < 3; i++) missed.push((await t.post(C.send, c, { u_id: rep.id, content: text(`missed ${i}`) })).body.data.id);
      const again = await WsProbe.connect(hostB, 'rep', rep);
      const caughtUp = await b.get(R.getmsg, rep, { customer_id: c.id });
      expect(caughtUp.body.data.ret_data.map((m: { id: number }) => m.id)).toEqual([sent.body.data.id, bigSent.body.data.id, ...missed]);
      // And the live push keeps working on the new socket.
      const after = await t.post(C.send, c, { u_id: rep.id, content: text('live again') });
      await again.next('chat.message', (d) => d.id === after.body.data.id);
      await again.close();
    } finally {
      await b.close();
    }
  });

  itOnPostgres('re-establishes LISTEN after the listener connection is killed, and tells sockets to resync', async () => {
    const rep = w.reps[0];
    const c = w.customers[0];
    const probe = await WsProbe.connect(host, 'rep', rep);
    const killed = await t.dataSource.query(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'leida-realtime-listener' AND datname = current_database()`,
    );
    expect(killed.length).toBeGreaterThan(0);
    // Once the listener is back, every socket is told that events may have been missed.
    await probe.next('resync', () => true, 10_000);
    // The bus reconnects within its first backoff step (0.5 s); poll until a push gets through.
    const deadline = Date.now() + 10_000;
    for (let i = 0; ; i++) {
      const sent = await t.post(C.send, c, { u_id: rep.id, content: text(`after reconnect ${i}`) });
      try {
        await probe.next('chat.message', (d) => d.id === sent.body.data.id, 300);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
    await probe.close();
  });

  it('uses the PostgreSQL bus on a real server and the in-process bus on PGlite', async () => {
    const { EventBus } = await import('../../src/realtime/realtime-event');
    const bus = t.app.get(EventBus);
    expect(bus.constructor.name).toBe(onRealPostgres() ? 'PgNotifyEventBus' : 'LocalEventBus');
  });
});
