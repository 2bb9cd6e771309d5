import { itOnPostgres, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';
import { WsProbe } from '../support/ws-probe';

const RECORD = '/zhugeleida/gongzhonghao/action/record/0';
const TIME = '/zhugeleida/qiyeweixin/action/time';

describe('radar.action over /ws (API.md §6.10, §7)', () => {
  let t: TestApp;
  let host: string;
  let w: World;
  beforeAll(async () => {
    t = await TestApp.start({ radarDedupeSeconds: 0 });
    host = await t.listen();
    w = await createWorld(t);
  });
  afterAll(async () => t.close());

  it("reaches the rep's socket with the action/time item, and nobody else's", async () => {
    const [rep, otherRep] = w.reps;
    const customer = w.customers[1];
    const repSocket = await WsProbe.connect(host, 'rep', rep);
    const otherRepSocket = await WsProbe.connect(host, 'rep', otherRep);
    const customerSocket = await WsProbe.connect(host, 'customer', customer);
    try {
      const res = await t.post(RECORD, customer, { u_id: rep.id, action: 2, product_name: '智能手环' });
      expect(res.body.code).toBe(200);
      const frame = await repSocket.next('radar.action', (d) => d.customer_id === customer.id);
      // Same shape as the rep's radar timeline returns for that row.
      const timeline = await t.get(TIME, rep, { customer_id: customer.id, length: 1 });
      expect(frame.data).toEqual(timeline.body.data.ret_data[0]);
      expect(frame.data).toMatchObject({ user_id: rep.id, customer_id: customer.id, action: 2, log: 'Customer1访问了产品《智能手环》' });

      // A later chat message reaches the rep too, proving the sockets stayed live meanwhile;
      // neither the other rep nor the customer ever got the radar frame.
      await t.post('/zhugeleida/gongzhonghao/chat/send_msg/0', customer, { u_id: rep.id, content: { info_type: 1, msg: 'ping' } });
      await repSocket.next('chat.message');
      expect(otherRepSocket.frames.some((f) => f.event === 'radar.action')).toBe(false);
      expect(customerSocket.frames.some((f) => f.event === 'radar.action')).toBe(false);
    } finally {
      await Promise.all([repSocket.close(), otherRepSocket.close(), customerSocket.close()]);
    }
  });

  itOnPostgres('reaches a rep connected to another app instance (LISTEN/NOTIFY)', async () => {
    const b = await TestApp.start({ radarDedupeSeconds: 0 });
    try {
      const hostB = await b.listen();
      const socketOnB = await WsProbe.connect(hostB, 'rep', w.reps[0]);
      const res = await t.post(RECORD, w.customers[0], { u_id: w.reps[0].id, action: 9 });
      expect(res.body.code).toBe(200);
      const frame = await socketOnB.next('radar.action', (d) => d.customer_id === w.customers[0].id && d.action === 9);
      expect(frame.data.log).toBe('Customer0觉得靠谱');
      await socketOnB.close();
    } finally {
      await b.close();
    }
  });
});
