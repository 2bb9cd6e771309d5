/**
 * Set-based data generator for the load benchmark (`ts-node --transpile-only bench/load/generate.ts --scale 1`).
 *
 * Creates `leida_load_<scale>`, runs Leida's migrations (so the schema, indexes and any trigger-
 * maintained counter tables are exactly the app's), then fills it with INSERT … SELECT over
 * generate_series: no row-by-row inserts, so scale 10 (1 M customers, 10 M messages, 5 M radar
 * rows) takes minutes, not hours.
 *
 * Shape (see config.ts shapeOf): 2 companies, 100 reps; rep 1 is the "big rep" (5 000 relations
 * and 200 000 radar rows at scale 1); every customer has exactly one relation and conversation;
 * conversation 1 is a long history (20 000 messages at scale 1). Everything that the app keeps
 * consistent is generated consistent: seq gapless 1..n, conversation.message_count /
 * last_message_id / last_message_at, read positions whose unread_count equals the number of the
 * other side's messages after read_up_to, relation.last_follow_at / last_activity_at = newest
 * rep / customer message.
 *
 * How: a plan row per conversation (message count, id base, time of the last message, wanted
 * unread counts) is computed first; message ids are assigned explicitly (base + seq), so the read
 * positions and "newest message of a side" can be computed from the last 20 positions of each
 * conversation without touching the message table.
 *
 * A finished database carries a row in load_meta.generated and snapshots of the mutable chat
 * state; the benchmark reuses it (restoreGenerated undoes what a previous run's sends changed).
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { MIGRATIONS } from '../../src/database/migrations';
import { RADAR_ACTIONS } from '../../src/modules/action-log/radar-actions';
import { ADMIN_URL, databaseName, databaseUrl, Shape, shapeOf } from './config';

const log = (msg: string) => process.stdout.write(`[generate] ${msg}\n`);

/** Deterministic pseudo-random 0..999 982 from an integer expression and a salt (SQL). */
const h = (expr: string, salt: number) => `((((${expr})::bigint * 2654435761 + ${salt * 40503}) % 1000003))`;

/** Company of a customer id, and its rep (rep 1 = big rep; reps 2..60 company 1; 61..100 company 2). */
const companyOf = (c: string, s: Shape) => `(CASE WHEN ${c} <= ${s.company1Customers} THEN 1 ELSE 2 END)`;
const repOf = (c: string, s: Shape) =>
  `(CASE WHEN ${c} <= ${s.bigRepCustomers} THEN 1 WHEN ${c} <= ${s.company1Customers} THEN 2 + (${c} % 59) ELSE 61 + (${c} % 40) END)`;

/**
 * send_type of message seq s of conversation c: the customer opens, then a mix. (3s mod 10 cycles
 * through every residue, so any 10 consecutive positions hold 5 messages of each side: the last 20
 * positions always contain the ≥ 6 newest of each side that the read positions need.)
 */
const sendType = (c: string, s: string) => `(CASE WHEN ${s} = 1 THEN 2 WHEN (${c} * 7 + ${s} * 13) % 10 < 5 THEN 1 ELSE 2 END)`;

const CUSTOMER_TEXTS = ['您好，在吗？', '这个产品多少钱？', '有优惠吗', '好的，谢谢👍', '能发一下资料吗', '什么时候发货', '我再考虑一下', '可以开发票吗'];
const REP_TEXTS = ['您好，我是您的专属顾问', '这款目前有活动价', '资料已发您，请查收', '明天就可以发货', '有问题随时联系我', '好的，稍后回复您', '可以开发票的', '感谢您的信任'];
const PRODUCTS = ['智能手环', '空气净化器', '扫地机器人', '蓝牙耳机', '电动牙刷', '咖啡机'];
const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '涛', '明'];
const TAGS = ['重要客户', '意向强', '已报价', '待回访', '老客户', '价格敏感', '需要发票', '企业采购', '朋友推荐', '活动客户',
  '高频咨询', '已成交', '潜在客户', '暂无需求', '竞品用户', 'VIP', '北京', '上海', '广州', '深圳'];

const arr = (items: string[]) => `ARRAY[${items.map((t) => `'${t.replace(/'/g, "''")}'`).join(',')}]`;
const pick = (items: string[], idx: string) => `(${arr(items)})[1 + (${idx}) % ${items.length}]`;

/** remark of a radar action, as standardRemark renders it (target in 《》 when the action names one). */
function remarkSql(code: string, product: string, title: string): string {
  const cases = RADAR_ACTIONS.map((a) => {
    const [before, after] = a.remark.split('{target}');
    const target = a.target === 'product_name' ? product : a.target === 'title' ? title : null;
    const expr = target === null || after === undefined ? `'${a.remark}'` : `'${before}《' || ${target} || '》${after}'`;
    return `WHEN ${a.code} THEN ${expr}`;
  });
  return `(CASE ${code} ${cases.join(' ')} END)`;
}

/** Action codes, weighted toward the common ones (card and product views). */
const ACTION_POOL = [1, 1, 1, 1, 2, 2, 2, 4, 5, 6, 7, 8, 9, 10, 12, 14, 14, 15, 16];

async function step(c: Client, label: string, sql: string): Promise<void> {
  const t = Date.now();
  const res = await c.query(sql);
  log(`${label}: ${res.rowCount ?? 0} rows, ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

async function runMigrations(url: string): Promise<number> {
  const ds = new DataSource(buildDataSourceOptions({ url, poolSize: 2 }));
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.length;
  } finally {
    await ds.destroy();
  }
}

async function adminQuery(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function load(c: Client, s: Shape): Promise<void> {
  const N = s.customers;
  const B = s.bigRepCustomers;
  const C1 = s.company1Customers;
  // Ordinary conversations get 1..K messages (mean (K+1)/2) so the total lands near the target.
  const longTotal = s.longConversation + s.longishIds.length * s.longishConversation;
  const K = Math.max(1, Math.round((2 * (s.messages - longTotal)) / N - 1));

  await c.query(`SET work_mem = '256MB'; SET maintenance_work_mem = '1GB'; SET synchronous_commit = off`);
  await c.query(`CREATE SCHEMA load_meta`);
  await c.query(`CREATE TABLE load_meta.params AS SELECT now() AS t0`);
  const T0 = `(SELECT t0 FROM load_meta.params)`;

  await step(c, 'companies', `INSERT INTO company (id, name) VALUES (1, '雷达科技'), (2, '星河贸易')`);
  await step(c, 'reps', `
    INSERT INTO rep (id, company_id, name, avatar, token, mingpian_phone, wechat, created_at)
    SELECT g, CASE WHEN g <= 60 THEN 1 ELSE 2 END, ${pick(SURNAMES, 'g')} || ${pick(GIVEN, 'g * 7')} || '顾问',
           'https://wework.qpic.cn/wwhead/' || md5('avatar-rep-' || g) || '/0', md5('rep-' || g),
           '139' || lpad(g::text, 8, '0'), 'wx_sales_' || g, ${T0} - interval '400 days'
    FROM generate_series(1, ${s.reps}) g`);
  await step(c, 'customers', `
    INSERT INTO customer (id, company_id, username, headimgurl, token, sex, openid, created_at)
    SELECT g, ${companyOf('g', s)},
           CASE WHEN ${h('g', 11)} % 33 = 0 THEN ''
                WHEN ${h('g', 12)} % 97 = 0 THEN '_zzz จุ๊บ' || g
                ELSE ${pick(SURNAMES, h('g', 13))} || ${pick(GIVEN, h('g', 14))} || CASE WHEN g % 2 = 0 THEN ${pick(GIVEN, h('g', 15))} ELSE '' END END,
           'https://wx.qlogo.cn/mmopen/' || md5('head-' || g) || '/132', md5('cust-' || g),
           CASE ${h('g', 16)} % 3 WHEN 0 THEN NULL WHEN 1 THEN 1 ELSE 2 END, 'o' || md5('openid-' || g),
           ${T0} - (${h('g', 17)} % 365) * interval '1 day' - interval '200 days'
    FROM generate_series(1, ${N}) g`);
  await step(c, 'articles', `
    INSERT INTO article (id, company_id, title, created_at)
    SELECT g, CASE WHEN g <= 30 THEN 1 ELSE 2 END, ${pick(['如何挑选', '新品发布：', '用户故事：', '十大理由选择', '限时优惠：'], 'g')} || ${pick(PRODUCTS, 'g * 3')} || ' (' || g || ')',
           ${T0} - g * interval '3 days'
    FROM generate_series(1, 60) g`);

  // The plan: one row per conversation (conversation id = relation id = customer id).
  await step(c, 'plan', `
    CREATE TABLE load_meta.plan AS
    SELECT c, ${companyOf('c', s)} AS company, ${repOf('c', s)} AS rep, n,
           (sum(n) OVER (ORDER BY c ROWS UNBOUNDED PRECEDING) - n)::bigint AS base,
           CASE WHEN c = 1 THEN ${T0} - interval '5 minutes' ELSE ${T0} - (${h('c', 2)} % (180 * 1440)) * interval '1 minute' END AS last_at,
           CASE WHEN n > 100 THEN interval '30 seconds' ELSE (1 + ${h('c', 3)} % 20) * interval '1 minute' END AS gap,
           CASE WHEN ${h('c', 4)} % 4 = 0 THEN 1 + ${h('c', 5)} % 3 ELSE 0 END AS k_cust,
           CASE WHEN ${h('c', 6)} % 5 < 2 THEN 1 + ${h('c', 7)} % 5 ELSE 0 END AS k_rep
    FROM (SELECT c, CASE WHEN c = 1 THEN ${s.longConversation} WHEN c IN (${s.longishIds.join(',')}) THEN ${s.longishConversation}
                         ELSE 1 + ${h('c', 1)} % ${K} END AS n
          FROM generate_series(1, ${N}) c) x`);
  await c.query(`ALTER TABLE load_meta.plan ADD PRIMARY KEY (c)`);

  // The last 20 positions of each conversation: newest message of each side and read positions.
  await step(c, 'conversation state', `
    CREATE TABLE load_meta.state AS
    SELECT c,
           max(at) FILTER (WHERE st = 1 AND rn = 1) AS last_rep_at,
           max(at) FILTER (WHERE st = 2 AND rn = 1) AS last_cust_at,
           COALESCE(max(id) FILTER (WHERE st = 1 AND rn = k_cust + 1), 0) AS cust_read_up_to,
           LEAST(k_cust, count(*) FILTER (WHERE st = 1)) AS cust_unread,
           COALESCE(max(id) FILTER (WHERE st = 2 AND rn = k_rep + 1), 0) AS rep_read_up_to,
           LEAST(k_rep, count(*) FILTER (WHERE st = 2)) AS rep_unread
    FROM (SELECT p.c, p.k_cust, p.k_rep, x.st, p.base + s AS id, p.last_at - (p.n - s) * p.gap AS at,
                 row_number() OVER (PARTITION BY p.c, x.st ORDER BY s DESC) AS rn
          FROM load_meta.plan p
          CROSS JOIN LATERAL generate_series(GREATEST(1, p.n - 19), p.n) s
          CROSS JOIN LATERAL (SELECT ${sendType('p.c', 's')} AS st) x) t
    GROUP BY c, k_cust, k_rep`);
  await c.query(`ALTER TABLE load_meta.state ADD PRIMARY KEY (c)`);

  // Relations: sources 1..4 (the catalogue) and a few 5/6 (codes the legacy data holds outside it).
  await step(c, 'relations', `
    INSERT INTO relation (id, company_id, rep_id, customer_id, source, superior_customer_id, article_id, expected_time, expected_pr,
                          last_follow_at, last_activity_at, memo_name, memo_sex, phone, email, company_name, job_position, address, birthday, mem, created_at)
    SELECT p.c, p.company, p.rep, p.c, src.v,
           CASE WHEN p.c % 25 = 0 AND ${companyOf('p.c - 1', s)} = p.company THEN p.c - 1 END,
           CASE WHEN src.v = 4 OR (src.v = 2 AND p.c % 3 = 0) THEN (p.company - 1) * 30 + 1 + ${h('p.c', 21)} % 30 END,
           CASE WHEN ${h('p.c', 22)} % 5 = 0 THEN (${T0})::date + (${h('p.c', 23)} % 90)::int END,
           CASE WHEN ${h('p.c', 24)} % 5 < 3 THEN ${h('p.c', 25)} % 101 ELSE 0 END,
           st.last_rep_at, st.last_cust_at,
           CASE WHEN ${h('p.c', 26)} % 10 = 0 THEN '备注' || ${pick(SURNAMES, h('p.c', 27))} || '总' END,
           CASE WHEN ${h('p.c', 26)} % 10 = 0 THEN 1 + p.c % 2 END,
           CASE WHEN ${h('p.c', 28)} % 8 = 0 THEN '13' || lpad((p.c % 1000000000)::text, 9, '0') END,
           CASE WHEN ${h('p.c', 28)} % 16 = 0 THEN 'c' || p.c || '@example.com' END,
           CASE WHEN ${h('p.c', 29)} % 12 = 0 THEN ${pick(['北京某某科技有限公司', '上海星辰贸易', '广州市小马电子'], 'p.c')} END,
           CASE WHEN ${h('p.c', 29)} % 12 = 0 THEN ${pick(['采购经理', '总经理', '工程师'], 'p.c')} END,
           NULL, CASE WHEN ${h('p.c', 30)} % 40 = 0 THEN DATE '1985-01-01' + (p.c % 5000) END, NULL,
           p.last_at - (p.n - 1) * p.gap - interval '1 hour'
    FROM load_meta.plan p JOIN load_meta.state st ON st.c = p.c
    CROSS JOIN LATERAL (SELECT CASE WHEN ${h('p.c', 20)} % 50 = 0 THEN 5 + p.c % 2
                                    ELSE (ARRAY[1,1,1,1,1,1,1,1,2,2,2,2,2,2,3,3,3,4,4,4])[1 + ${h('p.c', 19)} % 20] END AS v) src`);

  await step(c, 'conversations', `
    INSERT INTO conversation (id, company_id, rep_id, customer_id, message_count, last_message_id, last_message_at, created_at)
    SELECT c, company, rep, c, n, base + n, last_at, last_at - (n - 1) * gap - interval '1 hour' FROM load_meta.plan`);
  await step(c, 'read positions', `
    INSERT INTO chat_read_position (conversation_id, side, company_id, owner_id, read_up_to, unread_count)
    SELECT p.c, 'rep', p.company, p.rep, st.rep_read_up_to, st.rep_unread FROM load_meta.plan p JOIN load_meta.state st ON st.c = p.c
    UNION ALL
    SELECT p.c, 'customer', p.company, p.c, st.cust_read_up_to, st.cust_unread FROM load_meta.plan p JOIN load_meta.state st ON st.c = p.c`);

  // Messages in chunks of conversations (progress, and no single 10 M-row statement).
  const chunk = 100_000;
  for (let lo = 1; lo <= N; lo += chunk) {
    const hi = Math.min(N, lo + chunk - 1);
    await step(c, `messages of conversations ${lo}..${hi}`, `
      INSERT INTO chat_message (id, company_id, conversation_id, seq, send_type, info_type, content, client_msg_id, created_at)
      SELECT p.base + s, p.company, p.c, s, x.st, y.info, y.content,
             CASE WHEN s % 3 = 0 THEN 'g-' || (p.base + s) END,
             p.last_at - (p.n - s) * p.gap
      FROM load_meta.plan p
      CROSS JOIN LATERAL generate_series(1, p.n) s
      CROSS JOIN LATERAL (SELECT ${sendType('p.c', 's')} AS st) x
      CROSS JOIN LATERAL (SELECT
          CASE WHEN x.st = 2 AND (p.c + s) % 17 = 0 THEN 2 WHEN x.st = 1 AND (p.c + s) % 29 = 0 THEN 4 ELSE 1 END AS info,
          CASE WHEN x.st = 2 AND (p.c + s) % 17 = 0 THEN jsonb_build_object(
                 'product_cover_url', 'https://img.example.com/p/' || ((p.c + s) % 6) || '.jpg',
                 'product_name', ${pick(PRODUCTS, 'p.c + s')}, 'product_price', (99 + (p.c + s) % 900)::text)
               WHEN x.st = 1 AND (p.c + s) % 29 = 0 THEN jsonb_build_object('url', 'https://img.example.com/chat/' || (p.base + s) || '.png')
               WHEN x.st = 1 THEN jsonb_build_object('msg', ${pick(REP_TEXTS, 'p.c * 3 + s')})
               ELSE jsonb_build_object('msg', ${pick(CUSTOMER_TEXTS, 'p.c * 5 + s')}) END AS content) y
      WHERE p.c BETWEEN ${lo} AND ${hi}`);
  }

  // Radar: the big rep's 200k rows over its customers, newest first every ~40 s; the rest spread
  // over every other customer and their rep within the last 90 days.
  const actionExpr = (g: string) => `(ARRAY[${ACTION_POOL.join(',')}])[1 + ${h(g, 31)} % ${ACTION_POOL.length}]`;
  const radarInsert = (label: string, total: number, select: (lo: number, hi: number) => string) => async () => {
    const radarChunk = 1_000_000;
    for (let lo = 1; lo <= total; lo += radarChunk) {
      const hi = Math.min(total, lo + radarChunk - 1);
      await step(c, `${label} ${lo}..${hi}`, `
        INSERT INTO radar_action (company_id, rep_id, customer_id, action, product_name, article_id, title, remark, seen, created_at)
        SELECT company, rep, cust, code,
               CASE WHEN code IN (2, 7) THEN product END,
               CASE WHEN code IN (14, 15, 16) THEN article END,
               CASE WHEN code IN (14, 15, 16) THEN title END,
               ${remarkSql('code', 'product', 'title')}, g > 100, at
        FROM (SELECT g, x.company, x.rep, x.cust, ${actionExpr('g')} AS code, ${pick(PRODUCTS, 'g')} AS product,
                     (x.company - 1) * 30 + 1 + g % 30 AS article, x.at
              FROM (${select(lo, hi)}) x) y
        JOIN LATERAL (SELECT title FROM article WHERE id = y.article) a ON true`);
    }
  };
  await radarInsert('big rep radar', s.bigRepRadar, (lo, hi) => `
    SELECT g, 1 AS company, 1 AS rep, 1 + (g::bigint * 7919) % ${B} AS cust,
           ${T0} - g * (interval '90 days' / ${s.bigRepRadar}) AS at
    FROM generate_series(${lo}, ${hi}) g`)();
  await radarInsert('other radar', s.otherRadar, (lo, hi) => `
    SELECT g, ${companyOf('cc', s)} AS company, ${repOf('cc', s)} AS rep, cc AS cust,
           ${T0} - ((g::bigint * 104729) % (90 * 86400)) * interval '1 second' AS at
    FROM (SELECT g, ${B} + 1 + (g::bigint * 7919) % ${N - B} AS cc FROM generate_series(${lo}, ${hi}) g) q`)();

  await step(c, 'tags', `INSERT INTO tag (id, company_id, name) SELECT g, CASE WHEN g <= 20 THEN 1 ELSE 2 END, ${pick(TAGS, 'g - 1')} FROM generate_series(1, 40) g`);
  await step(c, 'customer tags', `
    INSERT INTO customer_tag (company_id, customer_id, tag_id)
    SELECT ${companyOf('c', s)}, c, (${companyOf('c', s)} - 1) * 20 + 1 + ${h('c', 40)} % 20 FROM generate_series(1, ${N}) c WHERE c % 3 = 0
    UNION ALL
    SELECT ${companyOf('c', s)}, c, (${companyOf('c', s)} - 1) * 20 + 1 + (${h('c', 40)} + 7) % 20 FROM generate_series(1, ${N}) c WHERE c % 7 = 0`);
  await step(c, 'follow-ups', `
    INSERT INTO follow_up (company_id, relation_id, content, created_at)
    SELECT p.company, p.c, ${pick(['客户对产品很感兴趣，约了下周再聊', '已发报价单', '客户要求上门演示', '暂时没有预算'], 'p.c')}, p.last_at - interval '2 hours'
    FROM load_meta.plan p WHERE p.c % 10 = 0`);

  // Explicit ids were used: move the identity sequences past them.
  for (const table of ['company', 'rep', 'customer', 'article', 'relation', 'conversation', 'chat_message', 'tag']) {
    await c.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
  }
  await c.query(`DROP TABLE load_meta.plan, load_meta.state`);
}

/** What a benchmark run may change (sends, reads); restoreGenerated puts it back. */
async function snapshot(c: Client): Promise<void> {
  await step(c, 'snapshot conversations', `CREATE TABLE load_meta.conv_snap AS SELECT id, message_count, last_message_id, last_message_at FROM conversation`);
  await c.query(`ALTER TABLE load_meta.conv_snap ADD PRIMARY KEY (id)`);
  await step(c, 'snapshot read positions', `CREATE TABLE load_meta.rp_snap AS SELECT conversation_id, side, read_up_to, unread_count FROM chat_read_position`);
  await c.query(`ALTER TABLE load_meta.rp_snap ADD PRIMARY KEY (conversation_id, side)`);
  await step(c, 'snapshot relations', `CREATE TABLE load_meta.rel_snap AS SELECT id, last_follow_at, last_activity_at FROM relation`);
  await c.query(`ALTER TABLE load_meta.rel_snap ADD PRIMARY KEY (id)`);
}

export interface GeneratedInfo {
  scale: number;
  database: string;
  url: string;
  /** Seconds the generation took (when it happened in an earlier run: as recorded then). */
  seconds: number;
  reused: boolean;
  counts: Record<string, number>;
  sizeBytes: number;
}

async function readInfo(url: string, scale: number, reused: boolean): Promise<GeneratedInfo> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const [meta] = (await c.query(`SELECT seconds, counts FROM load_meta.generated`)).rows;
    const [size] = (await c.query(`SELECT pg_database_size(current_database())::bigint AS n`)).rows;
    return { scale, database: databaseName(scale), url, seconds: Number(meta.seconds), reused, counts: meta.counts, sizeBytes: Number(size.n) };
  } finally {
    await c.end();
  }
}

async function isComplete(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url });
  try {
    await c.connect();
  } catch {
    return false; // no such database
  }
  try {
    const r = await c.query(`SELECT to_regclass('load_meta.generated') IS NOT NULL AS ok`);
    if (!r.rows[0].ok) return false;
    return (await c.query(`SELECT 1 FROM load_meta.generated`)).rowCount === 1;
  } finally {
    await c.end();
  }
}

/**
 * Undo what a previous benchmark run changed: messages and radar rows added after generation,
 * and the conversation / read position / relation columns that sends and reads move. Plain DML,
 * so trigger-maintained counters follow.
 */
export async function restoreGenerated(url: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const t = Date.now();
    const [m] = (await c.query(`SELECT max_message_id, max_radar_id, max_follow_up_id, max_conversation_id FROM load_meta.generated`)).rows;
    const changed = (await c.query(`SELECT (SELECT count(*) FROM chat_message WHERE id > $1)::int AS msgs, (SELECT count(*) FROM radar_action WHERE id > $2)::int AS radar`, [m.max_message_id, m.max_radar_id])).rows[0];
    await c.query('BEGIN');
    await c.query(`UPDATE conversation c SET message_count = s.message_count, last_message_id = s.last_message_id, last_message_at = s.last_message_at
                   FROM load_meta.conv_snap s WHERE s.id = c.id AND (c.message_count, c.last_message_id, c.last_message_at) IS DISTINCT FROM (s.message_count, s.last_message_id, s.last_message_at)`);
    await c.query(`UPDATE chat_read_position rp SET read_up_to = s.read_up_to, unread_count = s.unread_count
                   FROM load_meta.rp_snap s WHERE s.conversation_id = rp.conversation_id AND s.side = rp.side
                     AND (rp.read_up_to, rp.unread_count) IS DISTINCT FROM (s.read_up_to, s.unread_count)`);
    await c.query(`UPDATE relation r SET last_follow_at = s.last_follow_at, last_activity_at = s.last_activity_at
                   FROM load_meta.rel_snap s WHERE s.id = r.id AND (r.last_follow_at, r.last_activity_at) IS DISTINCT FROM (s.last_follow_at, s.last_activity_at)`);
    await c.query(`DELETE FROM chat_message WHERE id > $1`, [m.max_message_id]);
    await c.query(`DELETE FROM radar_action WHERE id > $1`, [m.max_radar_id]);
    await c.query(`DELETE FROM follow_up WHERE id > $1`, [m.max_follow_up_id]);
    // Sends only go to existing relations; a conversation created anyway would be removed here.
    await c.query(`DELETE FROM chat_read_position WHERE conversation_id > $1`, [m.max_conversation_id]);
    await c.query(`DELETE FROM conversation WHERE id > $1`, [m.max_conversation_id]);
    await c.query('COMMIT');
    if (changed.msgs || changed.radar) {
      await c.query(`VACUUM ANALYZE chat_message, radar_action, conversation, chat_read_position, relation`);
    }
    log(`restored the generated state (${changed.msgs} messages, ${changed.radar} radar rows from earlier runs removed) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await c.end();
  }
}

/**
 * The database for a scale, generated if missing or incomplete (or when regenerate is set).
 * An existing one gets any migrations added since it was generated.
 */
export async function ensureDatabase(scale: number, options: { regenerate?: boolean } = {}): Promise<GeneratedInfo> {
  const name = databaseName(scale);
  const url = databaseUrl(scale);
  if (!options.regenerate && (await isComplete(url))) {
    const ran = await runMigrations(url);
    if (ran) {
      log(`${name}: ran ${ran} migration(s) added since it was generated (use --regenerate to rebuild from scratch)`);
      await adminQueryOn(url, 'VACUUM ANALYZE');
    }
    log(`${name}: reusing the generated database`);
    return readInfo(url, scale, true);
  }
  const shape = shapeOf(scale);
  const started = Date.now();
  log(`${name}: generating scale ${scale} (${shape.customers} customers, ~${shape.messages} messages, ${shape.bigRepRadar + shape.otherRadar} radar rows)`);
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  await runMigrations(url);
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await load(c, shape);
    await snapshot(c);
    const t = Date.now();
    await c.query('VACUUM ANALYZE');
    await c.query('CHECKPOINT');
    log(`VACUUM ANALYZE + CHECKPOINT: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const counts: Record<string, number> = {};
    for (const table of ['customer', 'relation', 'conversation', 'chat_message', 'chat_read_position', 'radar_action', 'customer_tag', 'follow_up']) {
      counts[table] = Number((await c.query(`SELECT count(*)::bigint AS n FROM ${table}`)).rows[0].n);
    }
    counts.big_rep_relations = Number((await c.query(`SELECT count(*)::bigint AS n FROM relation WHERE rep_id = 1`)).rows[0].n);
    counts.big_rep_radar = Number((await c.query(`SELECT count(*)::bigint AS n FROM radar_action WHERE rep_id = 1`)).rows[0].n);
    counts.longest_conversation = Number((await c.query(`SELECT max(message_count) AS n FROM conversation`)).rows[0].n);
    const seconds = (Date.now() - started) / 1000;
    // The marker: written last, so a database whose generation was interrupted is rebuilt.
    await c.query(
      `CREATE TABLE load_meta.generated AS
       SELECT $1::numeric AS scale, $2::jsonb AS shape, $3::jsonb AS counts, $4::numeric AS seconds, $5::text[] AS migrations,
              (SELECT max(id) FROM chat_message) AS max_message_id, (SELECT COALESCE(max(id), 0) FROM radar_action) AS max_radar_id,
              (SELECT COALESCE(max(id), 0) FROM follow_up) AS max_follow_up_id, (SELECT max(id) FROM conversation) AS max_conversation_id,
              now() AS finished_at`,
      [scale, JSON.stringify(shape), JSON.stringify(counts), seconds, MIGRATIONS.map((m) => m.name)],
    );
    log(`${name}: generated in ${seconds.toFixed(1)} s: ${JSON.stringify(counts)}`);
  } finally {
    await c.end();
  }
  return readInfo(url, scale, false);
}

async function adminQueryOn(url: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const scaleArg = args.indexOf('--scale');
  const scales = scaleArg >= 0 ? [Number(args[scaleArg + 1])] : [1];
  if (scales.some((s) => !(s > 0 && s <= 100))) {
    process.stderr.write('usage: generate.ts --scale <0 < n <= 100> [--regenerate]\n');
    process.exit(2);
  }
  (async () => {
    for (const scale of scales) {
      const info = await ensureDatabase(scale, { regenerate: args.includes('--regenerate') });
      log(`${info.database}: ${(info.sizeBytes / 2 ** 30).toFixed(2)} GiB`);
    }
  })().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
