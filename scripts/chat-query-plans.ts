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
import { OWNER_TOTAL } from '../src/modules/chat/chat.store';

const ADMIN = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = `leida_plans_${process.pid}`;

async function admin(sql: string) {
  const c = new Client({ connectionString: ADMIN });
  await c.connect();
  await c.query(sql);
  await c.end();
}

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

    const plans: [string, string, unknown[]][] = [
      [
        'Conversation and read position of a pair (getmsg fast path, query_num, history)',
        `SELECT c.id, c.message_count, c.last_message_id, rp.read_up_to, rp.unread_count
         FROM conversation c JOIN chat_read_position rp ON rp.conversation_id = c.id AND rp.side = $4
         WHERE c.company_id = $1 AND c.rep_id = $2 AND c.customer_id = $3`,
        [1, 1, 1, 'customer'],
      ],
      ['Lock the conversation (send, getmsg, history mark-read)', `SELECT id FROM conversation WHERE company_id = $1 AND rep_id = $2 AND customer_id = $3 FOR UPDATE`, [1, 1, 1]],
      ['Idempotency lookup by client_msg_id (send)', `SELECT id FROM chat_message WHERE company_id = $1 AND conversation_id = $2 AND send_type = $3 AND client_msg_id = $4`, [1, 1, 2, 'k199999']],
      ['History, first page (length 20) of the 200 000-message conversation', `SELECT id, seq, send_type, info_type, content, created_at FROM chat_message WHERE company_id = $1 AND conversation_id = $2 AND seq BETWEEN $3 AND $4 ORDER BY seq`, [1, 1, hot.n - 19, hot.n]],
      ['History, deep page (page 9 000, length 20)', `SELECT id, seq, send_type, info_type, content, created_at FROM chat_message WHERE company_id = $1 AND conversation_id = $2 AND seq BETWEEN $3 AND $4 ORDER BY seq`, [1, 1, hot.n - 9000 * 20 + 1, hot.n - 8999 * 20]],
      ['getmsg: unread of one side after the read position (limit 100)', `SELECT id, seq, send_type, info_type, content, created_at FROM chat_message WHERE company_id = $1 AND conversation_id = $2 AND send_type = $3 AND id > $4 ORDER BY id LIMIT 100`, [1, 1, 2, hot.last - 1000]],
      ['History mark-read: newest message of the other side', `SELECT id FROM chat_message WHERE company_id = $1 AND conversation_id = $2 AND send_type = $3 ORDER BY id DESC LIMIT 1`, [1, 1, 2]],
      ['Read position under the lock (getmsg)', `SELECT read_up_to, unread_count FROM chat_read_position WHERE conversation_id = $1 AND side = $2`, [1, 'customer']],
      ['All unread of a rep with 5 000 conversations (rep query_num): the maintained total', OWNER_TOTAL.text, [1, 'rep', 1]],
      [
        'Contact list, first page of 20 for a rep with 5 000 conversations',
        CONTACT_PAGE_SQL,
        [1, 1, 20, 0],
      ],
    ];
    let md = `# Chat query plans\n\nCaptured by \`scripts/chat-query-plans.ts\` on PostgreSQL ${(await q('SHOW server_version'))[0].server_version} ` +
      `(${new Date().toISOString().slice(0, 10)}) with ${messages.toLocaleString('en')} messages in 100 000 conversations over 20 companies; ` +
      `one conversation has ${hot.n.toLocaleString('en')} messages and its rep has 5 000 conversations. ` +
      `None of the plans scans or sorts \`chat_message\`: every access is an index range of at most one page, ` +
      `and the contact list walks \`conversation_rep_recent_idx\` in order.\n\n` +
      `The SQL is the one in \`src/modules/chat/chat.store.ts\` and \`chat-contacts.service.ts\` (parameters inlined by the planner).\n`;
    for (const [title, sql, params] of plans) {
      const rows = await ds.transaction(async (m) => m.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params));
      md += `\n## ${title}\n\n\`\`\`sql\n${sql.replace(/\n\s+/g, '\n  ')}\n\`\`\`\n\n\`\`\`\n${rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}\n\`\`\`\n`;
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
