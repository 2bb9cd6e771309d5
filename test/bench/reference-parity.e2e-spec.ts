/**
 * The benchmark's raw reference server (bench/reference/) answers byte-identical bodies to
 * Leida. Both start from clones of one template database (migrations + the same data), one
 * per server, and receive the same signed requests in the same order, so ids and read
 * positions move identically; every step compares the response text. Instants the database
 * creates during the run (message and radar times, which come from each server's clock) are
 * copied from Leida's database to the reference's after each step, so later reads compare
 * byte for byte too.
 */
import { Client } from 'pg';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { buildReferenceServer } from '../../bench/reference/server';
import { signQuery } from '../../src/common/auth/signature';
import { formatDateTime } from '../../src/common/time/legacy-time';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { formEncode, itOnPostgres, onRealPostgres, randomToken, Signer, signedUrl, TestApp } from '../support/test-app';
import { WsProbe } from '../support/ws-probe';

const C = '/zhugeleida/gongzhonghao';
const R = '/zhugeleida/qiyeweixin';
const TZ = 'Asia/Shanghai';

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

const daysAgo = (d: number, hours = 0) => new Date(Date.now() - d * 86_400_000 - hours * 3_600_000).toISOString();

// Ids: explicit and small, in their own databases.
const company = 101;
const otherCompany = 102;
const reps: Signer[] = [201, 202, 203].map((id) => ({ id, token: randomToken() }));
const outsiderRep: Signer = { id: 299, token: randomToken() };
const customers: Signer[] = [301, 302, 303, 304, 305, 306].map((id) => ({ id, token: randomToken() }));
const outsiderCustomer: Signer = { id: 399, token: randomToken() };
const [r0, r1, disabledRep] = reps;
const [c0, c1, c2, c3, c4, c5] = customers;

function fixture() {
  const text = (msg: string) => ({ info_type: 1, msg });
  const messages: Record<string, unknown>[] = [
    { rep_id: r0.id, customer_id: c0.id, send_type: 2, content: text('你好,在吗'), create_date: daysAgo(40) },
    { rep_id: r0.id, customer_id: c0.id, send_type: 1, content: text('在的,请讲'), create_date: daysAgo(40, -1) },
    { rep_id: r0.id, customer_id: c0.id, send_type: 2, content: { info_type: 2, product_cover_url: 'statics/p.png', product_name: '智能手环', product_price: '199' }, create_date: daysAgo(3) },
    { rep_id: r0.id, customer_id: c0.id, send_type: 1, content: { info_type: 3, msg: 'x' }, create_date: daysAgo(2) },
    { rep_id: r0.id, customer_id: c0.id, send_type: 2, content: text('13800138000'), create_date: daysAgo(1) },
    { rep_id: r0.id, customer_id: c0.id, send_type: 1, content: { info_type: 4, url: 'http://img/x.png' }, create_date: daysAgo(0, 2) },
    { rep_id: r0.id, customer_id: c0.id, send_type: 1, content: { info_type: 5, url: 'http://img/x.mp4' }, create_date: daysAgo(0, 1) },
    { rep_id: r0.id, customer_id: c1.id, send_type: 2, content: text('文章不错 😀'), create_date: daysAgo(400) },
    { rep_id: r0.id, customer_id: c1.id, send_type: 1, content: text('谢谢"引号"\\反斜杠'), create_date: '2026-01-02T03:04:05.678Z' },
    { rep_id: r0.id, customer_id: c2.id, send_type: 2, content: text('在吗?'), create_date: daysAgo(5) },
    { rep_id: r0.id, customer_id: c2.id, send_type: 2, content: { info_type: 4, url: 'http://img/y.png' }, create_date: daysAgo(5, -1) },
    { rep_id: r1.id, customer_id: c0.id, send_type: 1, content: text('我是另一个销售'), create_date: daysAgo(6) },
  ];
  for (let i = 0; i < 30; i++) {
    messages.push({ rep_id: r0.id, customer_id: c3.id, send_type: i % 3 === 0 ? 1 : 2, content: text(`第${i + 1}条`), create_date: daysAgo(10 - i / 4) });
  }
  const actions = [
    { customer_id: c0.id, action: 1, create_date: daysAgo(0, 3) },
    { customer_id: c0.id, action: 9, create_date: daysAgo(1) },
    { customer_id: c0.id, action: 2, product_name: '智能手环', create_date: daysAgo(2) },
    { customer_id: c1.id, action: 14, title: 'An article', article_id: 401, create_date: daysAgo(3) },
    { customer_id: c1.id, action: 10, create_date: daysAgo(8) },
    { customer_id: c1.id, action: 5, create_date: daysAgo(45) },
    { customer_id: c2.id, action: 6, create_date: daysAgo(0, 5) },
    { customer_id: c4.id, action: 8, create_date: daysAgo(12) },
    ...Array.from({ length: 12 }, (_, i) => ({ customer_id: c3.id, action: [1, 2, 4, 5, 6, 7][i % 6], product_name: i % 2 ? '产品A' : undefined, create_date: daysAgo(i * 2.5) })),
  ].map((a) => ({ rep_id: r0.id, ...a }));
  return {
    companies: [
      { id: company, name: 'Parity Co' },
      { id: otherCompany, name: 'Other Co' },
    ],
    reps: [
      { id: r0.id, company_id: company, name: '张聪', token: r0.token, avatar: 'http://img/rep0.png', mingpian_phone: '18932674288', wechat: 'wx_zc' },
      { id: r1.id, company_id: company, name: 'Rep1', token: r1.token },
      { id: disabledRep.id, company_id: company, name: 'Gone', token: disabledRep.token },
      { id: outsiderRep.id, company_id: otherCompany, name: 'Outsider', token: outsiderRep.token },
    ],
    customers: [
      { id: c0.id, company_id: company, username: '_zzz จุ๊บ', token: c0.token, headimgurl: 'https://wx.qlogo.cn/c0/132', sex: 1 },
      { id: c1.id, company_id: company, username: '又胖了', token: c1.token, headimgurl: 'https://wx.qlogo.cn/c1/132', sex: 2 },
      { id: c2.id, company_id: company, username: 'Customer2', token: c2.token, headimgurl: 'http://img/c2.png' },
      { id: c3.id, company_id: company, username: 'Chatty', token: c3.token },
      { id: c4.id, company_id: company, username: '', token: c4.token },
      { id: c5.id, company_id: company, username: 'Newcomer', token: c5.token, headimgurl: 'http://img/c5.png', sex: 1 },
      { id: outsiderCustomer.id, company_id: otherCompany, username: 'Outsider customer', token: outsiderCustomer.token },
    ],
    articles: [{ id: 401, company_id: company, title: 'An article' }],
    relations: [
      { rep_id: r0.id, customer_id: c0.id, source: 1, create_date: daysAgo(50) },
      { rep_id: r0.id, customer_id: c1.id, source: 4, article_id: 401, superior_customer_id: c0.id, expected_time: '2026-12-24', expedted_pr: 80, create_date: daysAgo(30) },
      { rep_id: r0.id, customer_id: c2.id, source: 2, expedted_pr: 30, create_date: daysAgo(20) },
      { rep_id: r0.id, customer_id: c3.id, source: 3, expedted_pr: 30, create_date: daysAgo(10) },
      { rep_id: r0.id, customer_id: c4.id, source: 1, superior_customer_id: c2.id, create_date: daysAgo(5) },
      { rep_id: r0.id, customer_id: c5.id, source: 2, create_date: daysAgo(1) },
      { rep_id: r1.id, customer_id: c0.id, source: 3 },
      { rep_id: outsiderRep.id, customer_id: outsiderCustomer.id, source: 1 },
    ],
    tags: [
      { id: 501, company_id: company, name: '在意质量' },
      { id: 502, company_id: company, name: '一般客户' },
    ],
    customer_tags: [
      { customer_id: c1.id, tag_id: 502 },
      { customer_id: c1.id, tag_id: 501 },
      { customer_id: c0.id, tag_id: 502 },
    ],
    messages,
    actions,
  };
}

/** What the fixture format does not cover: memo fields, a disabled rep, customers first seen days ago. */
const EXTRA_SQL = [
  `UPDATE relation SET memo_name = '太乙真人', memo_sex = 2, phone = '13912345678', email = 'a@b.cn', company_name = '天庭', job_position = '仙人',
     address = '昆仑山', birthday = '1990-05-06', mem = '备注' WHERE rep_id = ${r0.id} AND customer_id = ${c2.id}`,
  `UPDATE relation SET memo_name = '老张' WHERE rep_id = ${r0.id} AND customer_id = ${c0.id}`,
  `UPDATE relation SET last_follow_at = NULL WHERE rep_id = ${r0.id} AND customer_id = ${c2.id}`,
  `UPDATE relation SET last_follow_at = now() - interval '3 days' WHERE rep_id = ${r0.id} AND customer_id = ${c4.id}`,
  `UPDATE rep SET disabled = true WHERE id = ${disabledRep.id}`,
  `UPDATE customer SET created_at = now() - interval '17 days' WHERE id IN (${c0.id}, ${c1.id})`,
];

/** Instants the servers' clocks wrote, copied from Leida's database to the reference's. */
const TIME_COLUMNS: [string, string[]][] = [
  ['chat_message', ['created_at']],
  ['conversation', ['last_message_at']],
  ['relation', ['last_follow_at', 'last_activity_at']],
  ['radar_action', ['created_at']],
];

describe('bench reference server: byte-identical to Leida', () => {
  let leida: TestApp;
  let leidaOnRef: TestApp;
  let ref: FastifyInstance;
  let leidaDb: Client;
  let refDb: Client;
  let leidaHost: string;
  let refHost: string;
  let leidaOnRefHost: string;
  const names: string[] = [];
  let adminUrl: string;

  beforeAll(async () => {
    if (!onRealPostgres()) return;
    const base = process.env.LEIDA_TEST_DATABASE_URL!;
    adminUrl = withDatabase(base, 'postgres');
    const stamp = `${Date.now()}_${process.pid}`;
    const [tpl, l, r] = ['tpl', 'leida', 'ref'].map((n) => `leida_refparity_${n}_${stamp}`);
    names.push(l, r, tpl);
    await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${tpl}`));
    const tplUrl = withDatabase(base, tpl);
    const ds = new DataSource(buildDataSourceOptions({ url: tplUrl, poolSize: 2 }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    const seeder = await TestApp.start({}, [], undefined, tplUrl);
    await seeder.importFixture(fixture());
    for (const sql of EXTRA_SQL) await seeder.dataSource.query(sql);
    await seeder.close();
    await admin(adminUrl, async (c) => {
      await c.query(`CREATE DATABASE ${l} TEMPLATE ${tpl}`);
      await c.query(`CREATE DATABASE ${r} TEMPLATE ${tpl}`);
    });
    const leidaUrl = withDatabase(base, l);
    const refUrl = withDatabase(base, r);
    leida = await TestApp.start({}, [], undefined, leidaUrl);
    leidaHost = await leida.listen();
    ref = await buildReferenceServer({ databaseUrl: refUrl, poolSize: 5 });
    await ref.listen({ port: 0, host: '127.0.0.1' });
    const address = ref.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    refHost = `127.0.0.1:${address.port}`;
    // A Leida instance on the reference's database: events cross servers through NOTIFY.
    leidaOnRef = await TestApp.start({}, [], undefined, refUrl);
    leidaOnRefHost = await leidaOnRef.listen();
    leidaDb = new Client({ connectionString: leidaUrl });
    refDb = new Client({ connectionString: refUrl });
    await leidaDb.connect();
    await refDb.connect();
  }, 120_000);

  afterAll(async () => {
    if (!onRealPostgres()) return;
    await leida?.close();
    await leidaOnRef?.close();
    await ref?.close();
    await leidaDb?.end();
    await refDb?.end();
    await admin(adminUrl, async (c) => {
      for (const n of names) await c.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
    });
  });

  async function syncTimes(): Promise<void> {
    for (const [table, columns] of TIME_COLUMNS) {
      const { rows } = await leidaDb.query(`SELECT id, ${columns.map((c) => `${c}::text AS ${c}`).join(', ')} FROM ${table}`);
      if (!rows.length) continue;
      const values: unknown[] = [];
      const tuples = rows.map((row) => {
        values.push(row.id, ...columns.map((c) => row[c]));
        const n = values.length - columns.length - 1;
        return `($${n + 1}::bigint, ${columns.map((_, i) => `$${n + 2 + i}::timestamptz`).join(', ')})`;
      });
      await refDb.query(
        `UPDATE ${table} t SET ${columns.map((c) => `${c} = v.${c}`).join(', ')} FROM (VALUES ${tuples.join(', ')}) AS v(id, ${columns.join(', ')}) WHERE t.id = v.id`,
        values,
      );
    }
  }

  interface Pair {
    leida: string;
    ref: string;
    body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  /** The same request to both servers; the bodies must be identical. Returns Leida's parsed body. */
  async function both(method: 'GET' | 'POST', path: string, who: Signer, query: Record<string, string | number> = {}, body?: unknown, encoding: 'form' | 'json' = 'form'): Promise<Pair> {
    const url = signedUrl(path, who, query);
    return sendRaw(method, url, body, encoding);
  }

  async function sendRaw(method: 'GET' | 'POST', url: string, body?: unknown, encoding: 'form' | 'json' = 'form'): Promise<Pair> {
    const headers: Record<string, string> = {};
    let payload: string | undefined;
    if (body !== undefined) {
      payload = encoding === 'json' ? JSON.stringify(body) : formEncode(body as Record<string, unknown>);
      headers['content-type'] = encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
    }
    const a = await leida.app.inject({ method, url, payload, headers });
    const b = await ref.inject({ method, url, payload, headers });
    expect({ status: b.statusCode, text: b.body }).toEqual({ status: a.statusCode, text: a.body });
    await syncTimes();
    return { leida: a.body, ref: b.body, body: JSON.parse(a.body) };
  }

  itOnPostgres('polling endpoints, lists and the profile (read-only)', async () => {
    expect((await both('GET', `${C}/chat/query_num/0`, c0, { u_id: r0.id })).body.data.chatinfo_count).toBe(4);
    await both('GET', `${C}/chat/query_num/0`, c5, { u_id: r0.id });
    expect((await both('GET', `${R}/contact/query_num`, r0)).body.data.chatinfo_count).toBeGreaterThan(0);
    await both('GET', `${R}/contact/query_num`, r1);
    const contacts = await both('GET', `${R}/contact`, r0);
    expect(contacts.body.data.ret_data.length).toBe(4);
    await both('GET', `${R}/contact`, r0, { length: 2, current_page: 2 });
    await both('GET', `${R}/contact`, r0, { length: 2, current_page: 9 });
    await both('GET', `${R}/contact`, r1);
    for (const field of ['expedted_pr', 'last_follow_time', 'last_activity_time', 'create_date']) {
      for (const order of [`-${field}`, field]) {
        const list = await both('GET', `${R}/tongxunlu`, r0, { order });
        expect(list.body.data.data_count).toBe(6);
        await both('GET', `${R}/tongxunlu`, r0, { order, length: 4, current_page: 2 });
      }
    }
    await both('GET', `${R}/tongxunlu`, r0);
    expect((await both('GET', `${R}/tongxunlu`, r0, { customer__source: 4 })).body.data.data_count).toBe(1);
    await both('GET', `${R}/tongxunlu`, r0, { customer__source: 2, length: 1, current_page: 2 });
    await both('GET', `${R}/tongxunlu`, r0, { customer__source: '', order: '' });
    await both('GET', `${R}/tongxunlu`, r0, { length: 0 });
    expect((await both('GET', `${R}/tongxunlu`, r1, { customer__source: 1 })).body).toEqual({ code: 302, msg: '没有数据', data: {} });
    for (const c of [c0, c1, c2, c3, c4, c5]) {
      const profile = await both('GET', `${R}/customer`, r0, { customer_id: c.id });
      expect(profile.body.code).toBe(200);
    }
    const p1 = (await both('GET', `${R}/customer`, r0, { customer_id: c1.id })).body.data.ret_data[0];
    expect([p1.superior, p1.tag, p1.source, p1.day_interval]).toEqual(['老张', ['在意质量', '一般客户'], '公众号文章', 17]);
    expect(p1.ai_pr).toBeGreaterThan(0);
    await both('GET', `${R}/customer`, r1, { customer_id: c0.id });
  });

  itOnPostgres('radar timeline with filters marks the returned rows seen', async () => {
    const today = formatDateTime(new Date(), TZ).slice(0, 10);
    const first = await both('GET', `${R}/action/time`, r0, { length: 5 });
    expect(first.body.data.data_count).toBe(20);
    await both('GET', `${R}/action/time`, r0, { length: 5, current_page: 3 });
    await both('GET', `${R}/action/time`, r0, { customer_id: c1.id });
    await both('GET', `${R}/action/time`, r0, { action: 1 });
    await both('GET', `${R}/action/time`, r0, { customer_id: c3.id, action: 6, length: 2 });
    await both('GET', `${R}/action/time`, r0, { create_date__gte: '2026-1-1', create_date__lt: today });
    await both('GET', `${R}/action/time`, r0, { create_date__gte: today });
    await both('GET', `${R}/action/time`, r0, { customer_id: '', action: '', length: 0 });
    await both('GET', `${R}/action/time`, r1);
    const seen = async (db: Client) => (await db.query(`SELECT array_agg(id ORDER BY id) AS ids FROM radar_action WHERE seen`)).rows[0].ids;
    expect(await seen(refDb)).toEqual(await seen(leidaDb));
  });

  itOnPostgres('getmsg and history mark exactly what Leida marks', async () => {
    const rp = async (db: Client) => (await db.query(`SELECT conversation_id, side, read_up_to, unread_count FROM chat_read_position ORDER BY 1, 2`)).rows;
    const got = await both('GET', `${C}/chat/getmsg/0`, c0, { u_id: r0.id });
    expect(got.body.data.data_count).toBe(4);
    expect((await both('GET', `${C}/chat/getmsg/0`, c0, { u_id: r0.id })).body.msg).toBe('没有得到实时聊天信息');
    await both('GET', `${C}/chat/getmsg/0`, c5, { u_id: r0.id });
    await both('GET', `${R}/chat/getmsg/0`, r0, { customer_id: c2.id });
    await both('GET', `${R}/chat/getmsg/0`, r0, { customer_id: c2.id });
    await both('GET', `${C}/chat`, c1, { u_id: r0.id });
    await both('GET', `${C}/chat`, c3, { u_id: r0.id, length: 10, current_page: 2 });
    await both('GET', `${C}/chat`, c3, { u_id: r0.id, length: 10, current_page: 4 });
    await both('GET', `${C}/chat`, c3, { u_id: r0.id, length: 0 });
    await both('GET', `${C}/chat`, c5, { u_id: r0.id });
    await both('GET', `${C}/chat`, c0, { u_id: r1.id });
    await both('GET', `${R}/chat`, r0, { customer_id: c3.id, length: 7 });
    await both('GET', `${R}/contact`, r0);
    await both('GET', `${R}/contact/query_num`, r0);
    await both('GET', `${C}/chat/query_num/0`, c3, { u_id: r0.id });
    expect(await rp(refDb)).toEqual(await rp(leidaDb));
  });

  itOnPostgres('send_msg from both sides, form and JSON, idempotent retries, product inquiry, a new conversation', async () => {
    const sends: [string, Signer, Record<string, unknown>, 'form' | 'json'][] = [
      [`${C}/chat/send_msg/0`, c0, { u_id: r0.id, content: { info_type: 1, msg: '表单发送' } }, 'form'],
      [`${C}/chat/send_msg/0`, c0, { u_id: r0.id, content: { info_type: 1, msg: 'JSON 对象' }, client_msg_id: 'k-1' }, 'json'],
      [`${C}/chat/send_msg/0`, c0, { u_id: r0.id, content: JSON.stringify({ info_type: 1, msg: 'JSON 字符串' }), client_msg_id: 'k-1' }, 'json'],
      [`${C}/chat/send_msg/0`, c0, { u_id: r0.id, content: { info_type: 2, product_name: ' 智能手环 ', product_price: 199, product_cover_url: 'statics/p.png', extra: 'dropped' } }, 'form'],
      [`${C}/chat/send_msg/0`, c0, { u_id: r0.id, content: { info_type: 2, product_name: '智能手环' }, client_msg_id: 12345 }, 'json'],
      [`${R}/chat/send_msg/0`, r0, { customer_id: c0.id, content: { info_type: 1, msg: '收到' }, client_msg_id: 'r-1' }, 'form'],
      [`${R}/chat/send_msg/0`, r0, { customer_id: c0.id, content: { info_type: 3, msg: 'ignored' }, u_id: 999 }, 'json'],
      [`${R}/chat/send_msg/0`, r0, { customer_id: c0.id, content: { info_type: 1, msg: '收到' }, client_msg_id: 'r-1' }, 'form'],
      [`${C}/chat/send_msg/0`, c5, { u_id: r0.id, content: { info_type: 4, url: 'http://img/new.png' } }, 'form'],
      [`${R}/chat/send_msg/0`, r0, { customer_id: c4.id, content: { info_type: 5, url: 'http://img/v.mp4' } }, 'json'],
    ];
    const ids: number[] = [];
    for (const [path, who, body, encoding] of sends) {
      const sent = await both('POST', path, who, {}, body, encoding);
      expect(sent.body.msg).toBe('send msg successful');
      ids.push(sent.body.data.id);
    }
    expect(ids[2]).toBe(ids[1]);
    expect(ids[7]).toBe(ids[5]);
    await both('GET', `${R}/chat/getmsg/0`, r0, { customer_id: c0.id });
    await both('GET', `${R}/chat/getmsg/0`, r0, { customer_id: c5.id });
    await both('GET', `${C}/chat/getmsg/0`, c0, { u_id: r0.id });
    await both('GET', `${C}/chat/getmsg/0`, c4, { u_id: r0.id });
    await both('GET', `${R}/contact`, r0);
    await both('GET', `${R}/contact/query_num`, r0);
    await both('GET', `${R}/action/time`, r0, { length: 3 });
    await both('GET', `${R}/tongxunlu`, r0, { order: '-last_activity_time' });
    await both('GET', `${R}/tongxunlu`, r0, { order: 'last_follow_time' });
    await both('GET', `${R}/customer`, r0, { customer_id: c0.id });
    await both('GET', `${C}/chat`, c0, { u_id: r0.id, length: 5 });
    const counts = async (db: Client) =>
      (await db.query(`SELECT (SELECT count(*) FROM chat_message) m, (SELECT count(*) FROM radar_action) a, (SELECT json_agg(t ORDER BY company_id, side, owner_id) FROM chat_owner_total t) o`)).rows[0];
    expect(await counts(refDb)).toEqual(await counts(leidaDb));
  });

  itOnPostgres('errors: signature, tenancy, parameters', async () => {
    const url = (path: string, who: Signer, q: string) => `${path}?${signQuery(who.id, who.token)}${q}`;
    const signed = url(`${C}/chat/query_num/0`, c0, `&u_id=${r0.id}`);
    await sendRaw('GET', signed.replace(/rand_str=[0-9a-f]+/, `rand_str=${'0'.repeat(32)}`));
    await sendRaw('GET', `${C}/chat/query_num/0?user_id=${c0.id}&u_id=${r0.id}`);
    await sendRaw('GET', signed.replace(/user_id=\d+/, 'user_id=999999'));
    await sendRaw('GET', `${R}/contact?${signQuery(r0.id, r0.token, Date.now() - 3_600_000)}`);
    await sendRaw('GET', `${R}/contact?${signQuery(disabledRep.id, disabledRep.token)}`);
    await sendRaw('GET', `${R}/contact?${signQuery(c0.id, c0.token)}`); // a customer token on the rep surface
    const e1 = await both('GET', `${C}/chat/getmsg/0`, c0, { u_id: outsiderRep.id });
    expect(e1.body).toEqual({ code: 307, msg: '用户-客户关系不存在', data: {} });
    await both('GET', `${C}/chat/query_num/0`, c2, { u_id: r1.id });
    await both('GET', `${C}/chat`, c2, { u_id: r1.id });
    await both('POST', `${C}/chat/send_msg/0`, c2, {}, { u_id: r1.id, content: { info_type: 1, msg: 'x' } });
    await both('GET', `${R}/customer`, r1, { customer_id: c2.id });
    await both('GET', `${R}/chat/getmsg/0`, r0, { customer_id: outsiderCustomer.id });
    expect((await both('GET', `${C}/chat/getmsg/0`, c0)).body.code).toBe(402);
    expect((await both('GET', `${C}/chat/query_num/0`, c0)).body.code).toBe(302);
    await both('GET', `${C}/chat/query_num/0`, c0, { u_id: 'abc' });
    await both('GET', `${C}/chat/getmsg/0`, c0, { u_id: '0' });
    await both('GET', `${C}/chat/getmsg/0`, c0, { u_id: '99999999999' });
    await both('GET', `${C}/chat`, c0, { u_id: r0.id, length: 101, current_page: 0 });
    await both('GET', `${R}/chat/getmsg/0`, r0, { customer_id: '' });
    await both('GET', `${R}/customer`, r0);
    await both('GET', `${R}/tongxunlu`, r0, { order: 'name', customer__source: 9 });
    await both('GET', `${R}/tongxunlu`, r0, { length: 'x' });
    await both('GET', `${R}/action/time`, r0, { customer_id: 'x', action: 3, create_date__gte: '2026-02-30', create_date__lt: 'soon' });
    await both('POST', `${C}/chat/send_msg/0`, c0, {}, { u_id: r0.id });
    await both('POST', `${C}/chat/send_msg/0`, c0, {}, {});
    await both('POST', `${C}/chat/send_msg/0`, c0, {}, { u_id: r0.id, content: { info_type: 9 } }, 'json');
    await both('POST', `${C}/chat/send_msg/0`, c0, {}, { u_id: r0.id, content: 'not json' });
    await both('POST', `${C}/chat/send_msg/0`, c0, {}, { u_id: r0.id, content: { info_type: 1, msg: 'x' }, client_msg_id: 'k'.repeat(65) });
    await both('POST', `${R}/chat/send_msg/0`, r0, {}, { customer_id: c0.id, content: { info_type: 4, url: 'javascript:alert(1)' } }, 'json');
    await sendRaw('POST', signedUrl(`${C}/chat/send_msg/0`, c0), '{broken', 'json');
  });

  itOnPostgres('a send reaches /ws sockets with the frames Leida sends, across servers', async () => {
    const sockets = await Promise.all([
      WsProbe.connect(leidaHost, 'rep', r0),
      WsProbe.connect(refHost, 'rep', r0),
      WsProbe.connect(leidaOnRefHost, 'rep', r0),
      WsProbe.connect(leidaHost, 'customer', c1),
      WsProbe.connect(refHost, 'customer', c1),
    ]);
    const [leidaRep, refRep, crossRep, leidaCustomer, refCustomer] = sockets;
    expect(refRep.frames[0]).toEqual(leidaRep.frames[0]);

    const body = { u_id: r0.id, content: { info_type: 2, product_name: '推送产品', product_price: '9.9' } };
    const url = signedUrl(`${C}/chat/send_msg/0`, c1);
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const a = await leida.app.inject({ method: 'POST', url, payload: formEncode(body), headers });
    const b = await ref.inject({ method: 'POST', url, payload: formEncode(body), headers });
    expect(b.body).toBe(a.body);
    const id = JSON.parse(a.body).data.id;

    // The frames' instants come from each database's clock: compare everything else byte for byte.
    const stored = async (db: Client) => {
      const { rows } = await db.query(`SELECT (SELECT created_at FROM chat_message WHERE id = $1) m, (SELECT max(created_at) FROM radar_action) a`, [id]);
      return { message: formatDateTime(rows[0].m, TZ), radar: formatDateTime(rows[0].a, TZ) };
    };
    const [leidaTimes, refTimes] = [await stored(leidaDb), await stored(refDb)];
    const normalised = (frame: { event: string; data: Record<string, unknown> }, times: { message: string; radar: string }) => {
      const data = { ...frame.data };
      if (frame.event === 'chat.message') {
        expect(data.dateTime).toBe(times.message);
        data.dateTime = 'T';
      }
      if (frame.event === 'radar.action') {
        expect(data.create_date).toBe(times.radar);
        data.create_date = 'T';
      }
      return JSON.stringify({ event: frame.event, data });
    };
    for (const event of ['radar.action', 'chat.message', 'chat.unread']) {
      const fromLeida = await leidaRep.next(event, (d) => event !== 'chat.message' || d.id === id);
      const fromRef = await refRep.next(event, (d) => event !== 'chat.message' || d.id === id);
      const fromCross = await crossRep.next(event, (d) => event !== 'chat.message' || d.id === id);
      expect(normalised(fromRef, refTimes)).toBe(normalised(fromLeida, leidaTimes));
      // The reference's NOTIFY reached a Leida instance's socket with the same JSON.
      expect(JSON.stringify(fromCross)).toBe(JSON.stringify(fromRef));
    }
    // The same order of events on both servers.
    const order = (p: WsProbe) => p.frames.map((f) => f.event);
    expect(order(refRep)).toEqual(order(leidaRep));
    await syncTimes();

    // Reads publish chat.read / chat.unread: same frames.
    await both('GET', `${R}/chat/getmsg/0`, r0, { customer_id: c1.id });
    const readL = await leidaCustomer.next('chat.read');
    const readR = await refCustomer.next('chat.read');
    expect(JSON.stringify(readR)).toBe(JSON.stringify(readL));
    const unreadL = await leidaRep.next('chat.unread', (d) => d.count === 0);
    const unreadR = await refRep.next('chat.unread', (d) => d.count === 0);
    expect(JSON.stringify(unreadR)).toBe(JSON.stringify(unreadL));
    // The rep sends back: the customer's socket gets the message in its getmsg shape.
    await both('POST', `${R}/chat/send_msg/0`, r0, {}, { customer_id: c1.id, content: { info_type: 1, msg: '实时回复' } });
    const msgL = await leidaCustomer.next('chat.message');
    const msgR = await refCustomer.next('chat.message');
    expect({ ...msgR.data, dateTime: 'T' }).toEqual({ ...msgL.data, dateTime: 'T' });
    expect(JSON.stringify(Object.keys(msgR.data))).toBe(JSON.stringify(Object.keys(msgL.data)));
    const polled = await both('GET', `${C}/chat/getmsg/0`, c1, { u_id: r0.id });
    expect(polled.body.data.ret_data.at(-1)).toEqual(msgL.data);

    // Handshake refusals: same close codes and reasons.
    for (const q of [`role=admin&${signQuery(r0.id, r0.token)}`, 'role=rep', `role=rep&${signQuery(r0.id, randomToken())}`]) {
      const [x, y] = [WsProbe.open(leidaHost, q), WsProbe.open(refHost, q)];
      expect(await y.closed).toEqual(await x.closed);
    }
    await Promise.all(sockets.map((s) => s.close()));
  });
});
