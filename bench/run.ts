/**
 * npm run bench — speed goals of the hot read paths, as ratios measured inside one run (the
 * machines are small and noisy: absolute times vary, ratios do not).
 *
 * It builds a scratch database with realistic volume (needs PostgreSQL: BENCH_DATABASE_URL or
 * TEST_DATABASE_URL or the local default; the database is dropped afterwards), starts the app
 * in-process on it and times requests through the HTTP layer (Fastify inject). Each goal says
 * that a page deep in a big table costs about what the first page of a small one costs, i.e.
 * the query is an index range, not a scan or a sort. Exit code 1 when a goal is missed.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { signQuery } from '../src/common/auth/signature';
import { validateEnv } from '../src/config/app-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';

const ADMIN = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = `leida_bench_${process.pid}`;
const TOKEN = '0123456789abcdef0123456789abcdef';
const BIG = 100_000; // messages in the big conversation
const CONTACTS = 3_000; // customers (and conversations) of rep 1
const ACTIONS = 200_000; // radar rows of rep 1
const SAMPLES = 40;

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN });
  await c.connect();
  await c.query(sql);
  await c.end();
}

async function loadVolume(url: string): Promise<void> {
  const ds = new DataSource(buildDataSourceOptions({ url, poolSize: 2 }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const q = (sql: string) => ds.query(sql);
  await q(`INSERT INTO company (id, name) VALUES (1, 'bench')`);
  await q(`INSERT INTO rep (id, company_id, name, token) VALUES (1, 1, 'rep', '${TOKEN}')`);
  await q(`INSERT INTO customer (id, company_id, username, token) SELECT g, 1, 'u' || g, '${TOKEN}' FROM generate_series(1, ${CONTACTS}) g`);
  await q(`INSERT INTO relation (company_id, rep_id, customer_id, expected_pr, last_follow_at, last_activity_at, created_at)
           SELECT 1, 1, g, g % 101, now() - (g % 50) * interval '1 day', now() - (g % 30) * interval '1 hour', now() - g * interval '1 minute'
           FROM generate_series(1, ${CONTACTS}) g`);
  await q(`INSERT INTO conversation (id, company_id, rep_id, customer_id) SELECT g, 1, 1, g FROM generate_series(1, ${CONTACTS}) g`);
  // Customer 1: the big conversation; every other customer: 10 messages.
  await q(`INSERT INTO chat_message (company_id, conversation_id, seq, send_type, info_type, content, created_at)
           SELECT 1, c.id, s, 1 + (s % 2), 1, jsonb_build_object('msg', 'message ' || s), now() - interval '30 days' + c.id * interval '1 second' + s * interval '10 ms'
           FROM conversation c CROSS JOIN generate_series(1, CASE WHEN c.id = 1 THEN ${BIG} ELSE 10 END) s ORDER BY c.id, s`);
  await q(`UPDATE conversation c SET message_count = x.n, last_message_id = x.last_id, last_message_at = x.last_at
           FROM (SELECT conversation_id, count(*) AS n, max(id) AS last_id, max(created_at) AS last_at FROM chat_message GROUP BY conversation_id) x
           WHERE x.conversation_id = c.id`);
  await q(`INSERT INTO chat_read_position (conversation_id, side, company_id, owner_id, read_up_to, unread_count)
           SELECT id, 'rep', company_id, rep_id, last_message_id - 2, 1 FROM conversation
           UNION ALL SELECT id, 'customer', company_id, customer_id, last_message_id - 2, 1 FROM conversation`);
  await q(`INSERT INTO radar_action (company_id, rep_id, customer_id, action, remark, seen, created_at)
           SELECT 1, 1, 1 + g % ${CONTACTS}, (ARRAY[1,2,4,5,6,7,8,9,10,12,14,15,16])[1 + g % 13], '访问了您的名片', true, now() - g * interval '10 seconds'
           FROM generate_series(1, ${ACTIONS}) g`);
  await q(`VACUUM ANALYZE`);
  await ds.destroy();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Goal {
  name: string;
  baseline: string;
  deep: string;
  maxRatio: number;
}

async function main(): Promise<void> {
  await admin(`CREATE DATABASE ${NAME}`);
  const url = new URL(ADMIN);
  url.pathname = `/${NAME}`;
  let failed = false;
  try {
    const loadStart = Date.now();
    await loadVolume(url.toString());
    process.stdout.write(`volume: ${BIG} messages in one conversation, ${CONTACTS} contacts, ${ACTIONS} radar rows (${Math.round((Date.now() - loadStart) / 1000)} s)\n`);
    const config = { ...validateEnv({}), logLevel: 'silent' as const, migrateOnStart: false, rateLimitPerMinute: 0, signatureMaxSkewSeconds: 0 };
    const app = await createApp({ config, databaseUrl: url.toString() });
    const rep = signQuery(1, TOKEN, 1_700_000_000_000);
    const customer = (id: number) => signQuery(id, TOKEN, 1_700_000_000_000);
    const time = async (path: string): Promise<number> => {
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES + 5; i++) {
        const started = process.hrtime.bigint();
        const res = await app.inject({ method: 'GET', url: path });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const code = JSON.parse(res.body).code;
        if (code !== 200) throw new Error(`${path} answered code ${code}: ${res.body.slice(0, 200)}`);
        if (i >= 5) samples.push(ms); // the first few warm caches and JIT
      }
      return median(samples);
    };
    const goals: Goal[] = [
      {
        name: 'chat history: deep page of a 100 000-message conversation vs first page of a 10-message one',
        baseline: `/zhugeleida/qiyeweixin/chat?${rep}&customer_id=2&current_page=1&length=10`,
        deep: `/zhugeleida/qiyeweixin/chat?${rep}&customer_id=1&current_page=4000&length=10`,
        maxRatio: 3,
      },
      {
        name: 'customer query_num: big conversation vs small one',
        baseline: `/zhugeleida/gongzhonghao/chat/query_num/0?${customer(2)}&u_id=1`,
        deep: `/zhugeleida/gongzhonghao/chat/query_num/0?${customer(1)}&u_id=1`,
        maxRatio: 3,
      },
      {
        name: 'rep contact list (chat): page 100 vs page 1 of 3 000 conversations',
        baseline: `/zhugeleida/qiyeweixin/contact?${rep}&current_page=1&length=20`,
        deep: `/zhugeleida/qiyeweixin/contact?${rep}&current_page=100&length=20`,
        maxRatio: 4,
      },
      {
        name: 'tongxunlu (-last_follow_time): page 100 vs page 1 of 3 000 contacts',
        baseline: `/zhugeleida/qiyeweixin/tongxunlu?${rep}&order=-last_follow_time&current_page=1&length=20`,
        deep: `/zhugeleida/qiyeweixin/tongxunlu?${rep}&order=-last_follow_time&current_page=100&length=20`,
        maxRatio: 4,
      },
      {
        name: 'radar action/time: page 100 vs page 1 of 200 000 rows',
        baseline: `/zhugeleida/qiyeweixin/action/time?${rep}&current_page=1&length=10`,
        deep: `/zhugeleida/qiyeweixin/action/time?${rep}&current_page=100&length=10`,
        maxRatio: 4,
      },
      {
        name: 'customer profile (ai_pr over the recent window): a customer with ~70 actions vs one with few',
        baseline: `/zhugeleida/qiyeweixin/customer?${rep}&customer_id=${CONTACTS}`,
        deep: `/zhugeleida/qiyeweixin/customer?${rep}&customer_id=1`,
        maxRatio: 3,
      },
    ];
    const rssBefore = process.memoryUsage().rss;
    process.stdout.write(`\n| goal | baseline ms | measured ms | ratio | max |\n|---|---|---|---|---|\n`);
    for (const goal of goals) {
      const base = await time(goal.baseline);
      const deep = await time(goal.deep);
      const ratio = deep / base;
      const ok = ratio <= goal.maxRatio;
      failed ||= !ok;
      process.stdout.write(`| ${goal.name} | ${base.toFixed(2)} | ${deep.toFixed(2)} | ${ratio.toFixed(2)} | ${goal.maxRatio} ${ok ? '' : '**MISSED**'} |\n`);
    }
    const rssAfter = process.memoryUsage().rss;
    process.stdout.write(`\nRSS ${(rssBefore / 2 ** 20).toFixed(0)} MB before the timed requests, ${(rssAfter / 2 ** 20).toFixed(0)} MB after ${goals.length * 2 * (SAMPLES + 5)} of them\n`);
    await app.close();
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  }
  if (failed) {
    process.stderr.write('a speed goal was missed\n');
    process.exit(1);
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
