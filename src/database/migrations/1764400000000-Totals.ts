import { MigrationInterface, QueryRunner } from 'typeorm';

/** One maintained counter: which rows of `table` count where, and by how much each. */
interface Counter {
  table: string;
  fn: string;
  target: string;
  /** Key columns of the target, and the expressions computing them from a counted row `r`. */
  keys: string[];
  keyOf: (r: string) => string[];
  /** The counted row's weight (1, or a count it carries). */
  weight: (r: string) => string;
  column: string;
}

const COUNTERS: Counter[] = [
  {
    table: 'chat_read_position',
    fn: 'chat_unread_total_sync',
    target: 'chat_owner_total',
    keys: ['company_id', 'side', 'owner_id'],
    keyOf: (r) => [`${r}.company_id`, `${r}.side`, `${r}.owner_id`],
    weight: (r) => `${r}.unread_count`,
    column: 'unread',
  },
  {
    table: 'conversation',
    fn: 'chat_conversation_total_sync',
    target: 'chat_owner_total',
    keys: ['company_id', 'side', 'owner_id'],
    keyOf: (r) => [`${r}.company_id`, "'rep'::varchar", `${r}.rep_id`],
    weight: (r) => `(${r}.last_message_id IS NOT NULL)::int`,
    column: 'conversations',
  },
  {
    table: 'relation',
    fn: 'relation_total_sync',
    target: 'relation_total',
    keys: ['company_id', 'rep_id', 'source'],
    keyOf: (r) => [`${r}.company_id`, `${r}.rep_id`, `${r}.source`],
    weight: () => '1',
    column: 'relations',
  },
  {
    table: 'radar_action',
    fn: 'radar_total_sync',
    target: 'radar_total',
    keys: ['company_id', 'rep_id'],
    keyOf: (r) => [`${r}.company_id`, `${r}.rep_id`],
    weight: () => '1',
    column: 'actions',
  },
];

/**
 * The statement trigger function of one counter, for INSERT and DELETE: it reads the
 * transition table its trigger declares (`n`: inserted rows, `o`: deleted rows) and applies
 * the statement's net change per key once, so a bulk load costs one aggregate.
 */
function statementFunction(c: Counter): string {
  const apply = (source: 'n' | 'o') => `
        INSERT INTO ${c.target} AS t (${c.keys.join(', ')}, ${c.column})
        SELECT ${c.keyOf('x').join(', ')}, sum(${source === 'n' ? '' : '-'}${c.weight('x')}) FROM ${source} x
        GROUP BY ${c.keyOf('x').join(', ')} HAVING sum(${c.weight('x')}) <> 0
        ON CONFLICT (${c.keys.join(', ')}) DO UPDATE SET ${c.column} = t.${c.column} + excluded.${c.column};`;
  return `
      CREATE FUNCTION ${c.fn}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${apply('n')}
        ELSE ${apply('o')}
        END IF;
        RETURN NULL;
      END $$`;
}

/**
 * The row trigger function of one counter, for UPDATE: the trigger's WHEN clause (changedWhen)
 * lets it run only for rows whose key or weight changed, so the many updates that move
 * neither (a read position's read_up_to, a relation's follow-up time, a radar row's seen flag)
 * cost nothing. The old row leaves its key and the new row joins its key (one upsert when the
 * key stayed).
 */
function rowFunction(c: Counter): string {
  const upsert = (keys: string[], delta: string) => `
          INSERT INTO ${c.target} AS t (${c.keys.join(', ')}, ${c.column}) VALUES (${keys.join(', ')}, ${delta})
          ON CONFLICT (${c.keys.join(', ')}) DO UPDATE SET ${c.column} = t.${c.column} + excluded.${c.column};`;
  return `
      CREATE FUNCTION ${c.fn}_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF ROW(${c.keyOf('OLD').join(', ')}) IS NOT DISTINCT FROM ROW(${c.keyOf('NEW').join(', ')}) THEN ${upsert(c.keyOf('NEW'), `${c.weight('NEW')} - ${c.weight('OLD')}`)}
        ELSE ${upsert(c.keyOf('OLD'), `-${c.weight('OLD')}`)} ${upsert(c.keyOf('NEW'), c.weight('NEW'))}
        END IF;
        RETURN NULL;
      END $$`;
}

const changedWhen = (c: Counter) =>
  `ROW(${c.keyOf('OLD').join(', ')}) IS DISTINCT FROM ROW(${c.keyOf('NEW').join(', ')}) OR ${c.weight('OLD')} IS DISTINCT FROM ${c.weight('NEW')}`;

/**
 * Totals that every page answers (data_count, unread totals) as maintained counters, so they
 * cost one primary-key read instead of a count that grows with the data (issue 9):
 *
 * - chat_owner_total: per principal and side, the sum of chat_read_position.unread_count
 *   (rep query_num, unread_msg_num, the unread events' totals) and, for reps, the number of
 *   conversations with a message (the chat contact list's data_count);
 * - relation_total: per rep and source, the number of relations (tongxunlu's data_count, with
 *   or without the source filter);
 * - radar_total: per rep, the number of radar rows (action/time's unfiltered data_count).
 *
 * They are kept by triggers in the transaction that changes the counted rows: exact for every
 * writer (API, fixture import, seed, hand-written SQL). Inserts and deletes are counted per
 * statement (transition tables: a bulk load costs one aggregate, not one update per row);
 * updates per row, and only for rows whose key or weight changed (a WHEN clause). A
 * missing row means 0. Each counter row is updated under its row lock, so concurrent writers
 * of the same principal serialise on it until commit (the conversation lock already
 * serialises one conversation's sends).
 *
 * Also: a NOTIFY on `leida_principal` when a rep's or customer's credentials change, so
 * instances drop their cached copy at once (SignatureGuard's principal cache).
 */
export class Totals1764400000000 implements MigrationInterface {
  name = 'Totals1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE chat_owner_total (
        company_id integer NOT NULL,
        side varchar(8) NOT NULL,
        owner_id integer NOT NULL,
        unread integer NOT NULL DEFAULT 0,
        conversations integer NOT NULL DEFAULT 0,
        PRIMARY KEY (company_id, side, owner_id)
      )`);
    await q.query(`
      CREATE TABLE relation_total (
        company_id integer NOT NULL,
        rep_id integer NOT NULL,
        source smallint NOT NULL,
        relations integer NOT NULL DEFAULT 0,
        PRIMARY KEY (company_id, rep_id, source)
      )`);
    await q.query(`
      CREATE TABLE radar_total (
        company_id integer NOT NULL,
        rep_id integer NOT NULL,
        actions bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (company_id, rep_id)
      )`);

    for (const counter of COUNTERS) {
      await q.query(statementFunction(counter));
      await q.query(rowFunction(counter));
    }

    // Transition tables need single-event triggers: one for INSERT, one for DELETE; updates go
    // row by row, filtered by WHEN.
    for (const counter of COUNTERS) {
      const { table, fn } = counter;
      await q.query(`CREATE TRIGGER ${table}_total_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_total_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER ${table}_total_upd AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${changedWhen(counter)}) EXECUTE FUNCTION ${fn}_row()`);
    }

    // Rows that exist already (a database migrated from an earlier version).
    await q.query(`
      INSERT INTO chat_owner_total (company_id, side, owner_id, unread)
      SELECT company_id, side, owner_id, sum(unread_count) FROM chat_read_position GROUP BY 1, 2, 3`);
    await q.query(`
      INSERT INTO chat_owner_total AS t (company_id, side, owner_id, conversations)
      SELECT company_id, 'rep', rep_id, count(*) FROM conversation WHERE last_message_id IS NOT NULL GROUP BY 1, 3
      ON CONFLICT (company_id, side, owner_id) DO UPDATE SET conversations = excluded.conversations`);
    await q.query(`INSERT INTO relation_total (company_id, rep_id, source, relations) SELECT company_id, rep_id, source, count(*) FROM relation GROUP BY 1, 2, 3`);
    await q.query(`INSERT INTO radar_total (company_id, rep_id, actions) SELECT company_id, rep_id, count(*) FROM radar_action GROUP BY 1, 2`);

    await q.query(`
      CREATE FUNCTION principal_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('leida_principal', TG_ARGV[0] || ':' || OLD.id);
        RETURN NULL;
      END $$`);
    for (const [table, role] of [
      ['rep', 'rep'],
      ['customer', 'customer'],
    ]) {
      await q.query(
        `CREATE TRIGGER ${table}_principal_changed AFTER UPDATE OF token, disabled, company_id OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION principal_changed_notify('${role}')`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['rep', 'customer']) await q.query(`DROP TRIGGER ${table}_principal_changed ON ${table}`);
    await q.query(`DROP FUNCTION principal_changed_notify()`);
    for (const { table, fn } of COUNTERS) {
      for (const op of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER ${table}_total_${op} ON ${table}`);
      await q.query(`DROP FUNCTION ${fn}()`);
      await q.query(`DROP FUNCTION ${fn}_row()`);
    }
    for (const table of ['radar_total', 'relation_total', 'chat_owner_total']) await q.query(`DROP TABLE ${table}`);
  }
}
