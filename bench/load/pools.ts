/**
 * Which principals each endpoint rotates through, read from the generated database before the
 * servers start.
 *
 * Pools are disjoint by customer id class (id % 8) so that writes of one endpoint never change
 * what another one measures: the send+fetch pair's customers are not the ones polled for
 * "nothing new", rep sends do not raise the unread of polled customers, and so on. The push
 * rep's customers are kept out of every other pool.
 */
import { Client } from 'pg';
import { BIG_REP, PUSH_REP } from './config';

export interface Pair {
  /** customer id */
  c: number;
  /** that customer's rep */
  rep: number;
}

export interface Pools {
  /** Both sides 0 unread: customer query_num / getmsg (nothing new) / history, rep getmsg. */
  poll: Pair[];
  /** Rep send → customer getmsg (returns exactly that message). */
  pair: Pair[];
  /** Targets of rep send_msg. */
  repSend: Pair[];
  /** Senders of customer send_msg. */
  custSend: Pair[];
  /** The mixed load's customers (they poll and send; rep sends reach them). */
  mixed: Pair[];
  /** The big rep's customers (profile with ai_pr, per-customer radar). */
  bigRep: Pair[];
  /** The push rep's customers (they send while the rep's WebSocket listens). */
  push: Pair[];
  /** Every rep id (contact list, contact/query_num). */
  reps: number[];
  /** Ordinary reps (not the big rep, not the push rep) for the legacy "all contacts" list. */
  ordinaryReps: number[];
  /** Relations of the big rep (to know how deep tongxunlu pages reach). */
  bigRepRelations: number;
}

const CLASS = { poll: 0, pair: 1, repSend: 2, custSend: 3, mixed: 4 } as const;

export async function loadPools(url: string, size = 2000): Promise<Pools> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const byClass = async (k: number, quiet: boolean): Promise<Pair[]> =>
      (
        await c.query(
          `SELECT cv.customer_id AS c, cv.rep_id AS rep
           FROM conversation cv
           JOIN chat_read_position a ON a.conversation_id = cv.id AND a.side = 'customer'
           JOIN chat_read_position b ON b.conversation_id = cv.id AND b.side = 'rep'
           WHERE cv.customer_id % 8 = $1 AND cv.rep_id <> $2 AND ($3 = false OR (a.unread_count = 0 AND b.unread_count = 0))
           ORDER BY md5(cv.customer_id::text) LIMIT $4`,
          [k, PUSH_REP, quiet, size],
        )
      ).rows;
    const pools: Pools = {
      poll: await byClass(CLASS.poll, true),
      // Quiet too: the pair's fetch must return exactly the message just sent.
      pair: await byClass(CLASS.pair, true),
      repSend: await byClass(CLASS.repSend, false),
      custSend: await byClass(CLASS.custSend, false),
      mixed: await byClass(CLASS.mixed, false),
      bigRep: (await c.query(`SELECT customer_id AS c, rep_id AS rep FROM relation WHERE rep_id = $1 ORDER BY md5(customer_id::text) LIMIT $2`, [BIG_REP, size])).rows,
      push: (await c.query(`SELECT customer_id AS c, rep_id AS rep FROM relation WHERE rep_id = $1 ORDER BY customer_id LIMIT 500`, [PUSH_REP])).rows,
      reps: (await c.query(`SELECT id FROM rep ORDER BY id`)).rows.map((r) => r.id),
      ordinaryReps: (await c.query(`SELECT id FROM rep WHERE id NOT IN ($1, $2) ORDER BY id`, [BIG_REP, PUSH_REP])).rows.map((r) => r.id),
      bigRepRelations: Number((await c.query(`SELECT count(*) AS n FROM relation WHERE rep_id = $1`, [BIG_REP])).rows[0].n),
    };
    for (const [name, pool] of Object.entries(pools)) {
      if (Array.isArray(pool) && pool.length === 0) throw new Error(`pool ${name} is empty: is the database generated?`);
    }
    return pools;
  } finally {
    await c.end();
  }
}

/** Endless round-robin over a list (each endpoint gets its own cursor). */
export function rotation<T>(items: T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}
