/**
 * Calling Leida from TypeScript with the typed client (leida-client.ts): a GET and a POST on
 * each surface, every answer typed from docs/openapi.json. Against a server with the demo data:
 *   LEIDA_URL=http://127.0.0.1:8000 npx ts-node --transpile-only clients/ts/run-example.ts
 * test/clients/typed-client.e2e-spec.ts runs `runExample` against a live server.
 */
import { createHash } from 'node:crypto';
import { createLeidaClient, type Credential, successData } from './leida-client';

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

export interface ExampleResult {
  sentId: number;
  /** The rep's first new message as the customer's getmsg renders it (`ret_data[0].msg`). */
  firstMessage: string | undefined;
  /** The first contact's expected close probability (tongxunlu `ret_data[0].expedted_pr`). */
  firstContactPr: number | undefined;
  unread: number;
}

/** `customer` and `rep` must have a relation (the demo's customer 1 and rep 1 do). */
export async function runExample(baseUrl: string, customer: Credential, rep: Credential): Promise<ExampleResult> {
  const leida = createLeidaClient({ baseUrl, md5, customer, rep });

  // Rep surface, POST: a message to the customer (JSON body; forms work too).
  const sent = await successData(
    leida.POST('/zhugeleida/qiyeweixin/chat/send_msg/0', { body: { customer_id: customer.userId, content: { info_type: 1, msg: '您好,有什么可以帮您?' } } }),
  );

  // Customer surface, GET: the rep's new messages. `ret_data[0].msg` is typed, no casts.
  const news = await successData(leida.GET('/zhugeleida/gongzhonghao/chat/getmsg/0', { params: { query: { u_id: rep.userId } } }));
  const firstMessage = news.ret_data[0]?.msg;

  // Customer surface, POST: a reply; then the rep's unread total.
  await successData(leida.POST('/zhugeleida/gongzhonghao/chat/send_msg/0', { body: { u_id: rep.userId, content: { info_type: 1, msg: '我想了解一下价格' } } }));
  const unread = await successData(leida.GET('/zhugeleida/qiyeweixin/contact/query_num'));

  // Rep surface, GET: the contact book, best prospects first. `data.ret_data[0].expedted_pr` is typed.
  const { data } = await leida.GET('/zhugeleida/qiyeweixin/tongxunlu', { params: { query: { current_page: 1, length: 10, order: '-expedted_pr' } } });
  const firstContactPr = data?.code === 200 ? data.data.ret_data[0]?.expedted_pr : undefined;

  return { sentId: sent.id, firstMessage, firstContactPr, unread: unread.chatinfo_count };
}
