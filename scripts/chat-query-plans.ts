/**
 * Captures the query plans of the chat hot paths on a scratch database with realistic volume
 * and writes docs/chat-query-plans.md. Needs a PostgreSQL server (TEST_DATABASE_URL or the
 * local default); creates and drops its own database.
 *
 *   npx ts-node --transpile-only scripts/chat-query-plans.ts
 */
import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { CONTACT_PAGE_SQL } from '../src/modules/chat/chat-contacts.service';
import { HISTORY_VIEW, POLL_STATE } from '../src/modules/chat/chat.reads';
import { CHAT_STATEMENTS as S } from '../src/modules/chat/chat.store';

const ADMIN = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = `leida_plans_${process.pid}`;

async function admin(sql: string) {
  const c = new Client({ connectionString: ADMIN });
  await c.connect();
  await c.query(sql);
  await c.end();
}

/** A parameter as an SQL literal (EXECUTE's arguments cannot be bind parameters). */
const literal = (v: unknown) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

async function main() {
  await admin(`CREATE DATABASE ${NAME}`);
  const url = new URL(ADMIN);
  url.pathname = `/${NAME}`;
  const ds = new DataSource(buildDataSourceOptions({ url: url.toString(), poolSize: 2 }));
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const q = (sql: string, params: unknown[] = []) => ds.query(sql, params);
    const started = Date.now();
    // 20 companies, 100 reps and 5 000 customers each; every customer has a conversation with
    // one rep of the company (rep 1 has all 5 000 of company 1), 20 messages each (2 000 000),
    // plus one long conversation of 200 000 messages (rep 1 × customer 1).
    await q(`INSERT INTO company (id, name) SELECT g, 'c' || g FROM generate_series(1, 20) g`);
    await q(`INSERT INTO rep (id, company_id, name) SELECT g, (g - 1) / 100 + 1, 'r' || g FROM generate_series(1, 2000) g`);
    await q(`INSERT INTO customer (id, company_id, username) SELECT g, (g - 1) / 5000 + 1, 'u' || g FROM generate_series(1, 100000) g`);
    const repOf = `CASE WHEN g <= 5000 THEN 1 ELSE ((g - 1) / 5000) * 100 + 1 + (g % 100) END`;
    await q(`INSERT INTO relation (company_id, rep_id, customer_id) SELECT (g - 1) / 5000 + 1, ${repOf}, g FROM generate_series(1, 100000) g`);
    await q(`INSERT INTO conversation (id, company_id, rep_id, customer_id) SELECT g, (g - 1) / 5000 + 1, ${repOf}, g FROM generate_series(1, 100000) g`);
    await q(`
      INSERT INTO chat_message (company_id, conversation_id, seq, send_type, info_type, content, client_msg_id, created_at)
      SELECT c.company_id, c.id, s, 1 + (s % 2), 1, jsonb_build_object('msg', 'message ' || s), 'k' || s,
             now() - interval '90 days' + (c.id * interval '1 minute') + s * interval '1 second'
      FROM conversation c CROSS JOIN generate_series(1, CASE WHEN c.id = 1 THEN 200000 ELSE 20 END) s
      ORDER BY c.id, s`);
    await q(`
      UPDATE conversation c SET message_count = x.n, last_message_id = x.last_id, last_message_at = x.last_at
      FROM (SELECT conversation_id, count(*) AS n, max(id) AS last_id, max(created_at) AS last_at FROM chat_message GROUP BY conversation_id) x
      WHERE x.conversation_id = c.id`);
    await q(`
      INSERT INTO chat_read_position (conversation_id, side, company_id, owner_id, read_up_to, unread_count)
      SELECT id, 'rep', company_id, rep_id, last_message_id - 4, 2 FROM conversation
      UNION ALL SELECT id, 'customer', company_id, customer_id, last_message_id - 5, 3 FROM conversation`);
    await q(`VACUUM ANALYZE`);
    const [{ n: messages }] = await q(`SELECT count(*)::int AS n FROM chat_message`);
    const [hot] = await q(`SELECT message_count AS n, last_message_id AS last FROM conversation WHERE id = 1`);

    // [title, SQL, parameters, named]: a named statement runs with its generic plan after five
    // executions, so that is the plan shown for it (plan_cache_mode = force_generic_plan).
    const plans: [string, string, unknown[], boolean][] = [
      ['Poll state: relation, conversation and read position (query_num, getmsg fast path)', POLL_STATE.text, [1, 1, 1, 'customer'], true],
      ['History page 1 (length 20) of the 200 000-message conversation, with the state and both profiles', HISTORY_VIEW.text, [1, 1, 1, 'customer', 0, 20], true],
      ['History deep page (offset 180 000, length 20)', HISTORY_VIEW.text, [1, 1, 1, 'customer', 180_000, 20], true],
      ['Send: relation, profiles, client key, conversation locked', S.LOCK_FOR_SEND.text, [1, 1, 1, 2, 'k199999'], true],
      ['Append a message, count it unread', S.APPEND_MESSAGE.text, [1, 1, hot.n + 1, 2, 1, '{"msg":"plan"}', null, null, 'rep'], true],
      ['getmsg: lock with both profiles', S.LOCK_FOR_READ.text, [1, 1, 1], true],
      ['getmsg: the page after the read position, position moved, unread recounted', S.TAKE_AFTER.text, [1, 1, 1, 'customer', 100, null], true],
      ['getmsg with last_id (resumable)', S.TAKE_AFTER.text, [1, 1, 1, 'customer', 100, hot.last - 1000], true],
      ['History mark-read through the page\'s snapshot', S.MARK_READ_THROUGH_SEQ.text, [1, 1, 1, 'customer', hot.n], true],
      ['All unread of a rep with 5 000 conversations (rep query_num): the maintained total', S.OWNER_TOTAL.text, [1, 'rep', 1], true],
      ['Contact list, first page of 20 for a rep with 5 000 conversations', CONTACT_PAGE_SQL, [1, 1, 20, 0], false],
    ];
    let md = `# Chat query plans\n\nCaptured by \`scripts/chat-query-plans.ts\` on PostgreSQL ${(await q('SHOW server_version'))[0].server_version} ` +
      `(${new Date().toISOString().slice(0, 10)}) with ${messages.toLocaleString('en')} messages in 100 000 conversations over 20 companies; ` +
      `one conversation has ${hot.n.toLocaleString('en')} messages and its rep has 5 000 conversations. ` +
      `None of the plans scans \`chat_message\` or sorts more than a page of it: every access is an index range of at most one page, ` +
      `and the contact list walks \`conversation_rep_recent_idx\` in order.\n\n` +
      `The SQL is the code's own (\`src/modules/chat/chat.store.ts\`, \`chat.reads.ts\`, \`chat-contacts.service.ts\`). ` +
      `Named statements are shown with their **generic plan** (what runs after five executions); the contact list ` +
      `is planned per call. Writes are explained inside a transaction that is rolled back.\n`;
    for (const [title, sql, params, named] of plans) {
      const runner = ds.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      let rows: Record<string, string>[];
      try {
        if (named) {
          await runner.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
          await runner.query(`PREPARE plan_stmt AS ${sql}`);
          rows = await runner.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE plan_stmt(${params.map(literal).join(', ')})`);
          await runner.query(`DEALLOCATE plan_stmt`);
        } else {
          rows = await runner.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
        }
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
      md += `\n## ${title}${named ? ' (generic plan)' : ''}\n\n\`\`\`sql\n${sql.replace(/\n\s+/g, '\n  ')}\n\`\`\`\n\n\`\`\`\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\`\n`;
    }
    writeFileSync('docs/chat-query-plans.md', md);
    process.stdout.write(`wrote docs/chat-query-plans.md (data ${Math.round((Date.now() - started) / 1000)} s)\n`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await admin(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
