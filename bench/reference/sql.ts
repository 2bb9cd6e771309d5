/**
 * The reference server's SQL. Same tables, locks, read positions and counters as Leida
 * (src/modules/chat/chat.store.ts, contact-list.service.ts, action-log.service.ts, the Totals
 * migration), folded into as few statements as the semantics allow:
 *
 * - Fixed-shape lookups are named prepared statements (`{ name, text, values }`): parsed and
 *   planned once per connection.
 * - Paged lists (contact list, tongxunlu, action/time) are unnamed statements, planned with the
 *   real values every time: a generic plan once chose a whole-table hash for a paged list.
 * - Anything that must read *after* a row lock is a separate statement: in READ COMMITTED a
 *   statement's snapshot is taken when it starts, so reads in the same statement as a
 *   `FOR UPDATE` that waited would miss what the lock holder committed (a getmsg racing
 *   another getmsg would return the same messages twice). The lock statements run as
 *   simple-protocol text together with BEGIN (one round trip); their values are validated
 *   integers inlined with `int()`.
 */
/** The reading side of a conversation ('rep' reads the customer's messages), as in chat_read_position. */
export type Side = 'rep' | 'customer';

/** A validated integer for inlining into simple-protocol SQL (never user text). */
export function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}

/** send_type of the messages a side reads (the rep reads the customer's, 2, and vice versa). */
export const incoming = (side: Side): 1 | 2 => (side === 'rep' ? 2 : 1);
export const outgoing = (side: Side): 1 | 2 => (side === 'rep' ? 1 : 2);
export const other = (side: Side): Side => (side === 'rep' ? 'customer' : 'rep');

const MESSAGE_COLUMNS = (m: string) =>
  `${m}.id, ${m}.seq, ${m}.send_type AS "sendType", ${m}.info_type AS "infoType", ${m}.content, ${m}.created_at AS "createdAt"`;

/** Rep and customer profile columns for rendering chat items. */
const PARTY_COLUMNS = `rep.id AS rep_id, rep.name AS rep_name, rep.avatar AS rep_avatar, rep.mingpian_phone, rep.wechat,
  cu.id AS cu_id, cu.username AS cu_username, cu.headimgurl AS cu_headimgurl, cu.sex AS cu_sex, cu.created_at AS cu_created_at`;

export const AUTH = {
  rep: { name: 'ref_auth_rep', text: `SELECT id, company_id, token, disabled FROM rep WHERE id = $1` },
  customer: { name: 'ref_auth_customer', text: `SELECT id, company_id, token, disabled FROM customer WHERE id = $1` },
};

/**
 * The relation (307 when missing) and one side's unread count in that conversation: the whole
 * answer of customer query_num and the polling fast path of getmsg. $1 company, $2 rep, $3 customer.
 */
export const unreadOne = (side: Side) => ({
  name: `ref_unread_one_${side}`,
  text: `SELECT r.id AS relation_id, r.memo_name, cp.conv_id, cp.unread_count
FROM relation r
LEFT JOIN (SELECT c.id AS conv_id, rp.unread_count FROM conversation c
           JOIN chat_read_position rp ON rp.conversation_id = c.id AND rp.side = '${side}'
           WHERE c.company_id = $1 AND c.rep_id = $2 AND c.customer_id = $3) cp ON true
WHERE r.company_id = $1 AND r.rep_id = $2 AND r.customer_id = $3`,
});

/** BEGIN + the conversation lock (ChatStore.lockConversation), one round trip. */
export const beginAndLock = (companyId: number, repId: number, customerId: number) =>
  `BEGIN; SELECT id, message_count FROM conversation WHERE company_id = ${int(companyId)} AND rep_id = ${int(repId)} AND customer_id = ${int(customerId)} FOR UPDATE`;

export const lockOnly = (companyId: number, repId: number, customerId: number) =>
  `SELECT id, message_count FROM conversation WHERE company_id = ${int(companyId)} AND rep_id = ${int(repId)} AND customer_id = ${int(customerId)} FOR UPDATE`;

/**
 * Marks a total inside a realtime frame: the unread event carries the receiver's unread total,
 * which is only final once this transaction's triggers have run. JSON.stringify renders the
 * sentinel string as the 8 characters `"\u0001T"`; user text can never produce that sequence
 * (its quotes and backslashes are escaped), and only the small unread frame carries it.
 */
export const TOTAL_SENTINEL = '\u0001T';
const SENTINEL_JSON = JSON.stringify(TOTAL_SENTINEL);
/** The same for the total's version (chat.unread's `seq`). */
export const SEQ_SENTINEL = '\u0001S';
const SEQ_SENTINEL_JSON = JSON.stringify(SEQ_SENTINEL);

/**
 * The transaction's last round trip: the events as NOTIFYs (delivered by the commit itself, only
 * if it commits; same channel and frames as Leida's TransactionRunner/PgNotifyEventBus), with the
 * owner's unread total and its version read from chat_owner_total after this transaction's
 * triggers, then COMMIT. Frames are inlined as escaped literals (simple protocol: one message
 * for all three steps).
 */
export function notifyAndCommit(frames: string[], escape: (s: string) => string, total?: { companyId: number; side: Side; ownerId: number }): string {
  if (!frames.length) return 'COMMIT';
  const values = frames.map((f, i) => `(${i}, ${escape(f)})`).join(', ');
  const owner = total
    ? `(SELECT unread AS n, version AS v FROM chat_owner_total WHERE company_id = ${int(total.companyId)} AND side = '${total.side}' AND owner_id = ${int(total.ownerId)})`
    : '(SELECT 0 AS n, 0 AS v)';
  return `SELECT pg_notify('${REALTIME_CHANNEL}', replace(replace(v.f, ${escape(SENTINEL_JSON)}, COALESCE(t.n, 0)::text), ${escape(SEQ_SENTINEL_JSON)}, COALESCE(t.v, 0)::text))
FROM (VALUES ${values}) AS v(i, f) LEFT JOIN ${owner} t ON true ORDER BY v.i; COMMIT`;
}

/**
 * getmsg under the conversation lock: the side's messages after its read position (at most 100,
 * oldest first), the read position moved to the newest returned and the unread count lowered by
 * the number returned (ChatStore.messagesAfter + advanceRead), with both profiles for rendering.
 * $1 company, $2 conversation, $3 rep, $4 customer.
 */
export const fetchUnreadLocked = (side: Side) => ({
  name: `ref_fetch_unread_${side}`,
  text: `WITH msgs AS (
  SELECT ${MESSAGE_COLUMNS('m')} FROM chat_message m
  WHERE m.company_id = $1 AND m.conversation_id = $2 AND m.send_type = ${incoming(side)}
    AND m.id > (SELECT read_up_to FROM chat_read_position WHERE conversation_id = $2 AND side = '${side}')
  ORDER BY m.id LIMIT 100),
agg AS (SELECT max(id) AS up_to, count(*)::int AS n FROM msgs),
upd AS (
  UPDATE chat_read_position rp SET read_up_to = GREATEST(rp.read_up_to, agg.up_to), unread_count = GREATEST(rp.unread_count - agg.n, 0)
  FROM agg WHERE rp.conversation_id = $2 AND rp.side = '${side}' AND agg.n > 0
  RETURNING rp.unread_count)
SELECT msgs.*, (SELECT unread_count FROM upd) AS unread_left, ${PARTY_COLUMNS}
FROM msgs
LEFT JOIN rep ON rep.id = $3 AND rep.company_id = $1
LEFT JOIN customer cu ON cu.id = $4 AND cu.company_id = $1
ORDER BY msgs.id`,
});

/**
 * History page (ChatService.history's reads): relation (307), both profiles, the conversation
 * with the caller's read position, and the seq range of the page ($4 offset, $5 limit; page 1
 * is the newest messages). One row per message, or one row without a message.
 */
export const historyPage = (side: Side) => ({
  name: `ref_history_${side}`,
  text: `SELECT r.memo_name, ${PARTY_COLUMNS}, cp.conv_id, cp.message_count, cp.unread_count, m.*
FROM relation r
JOIN rep ON rep.id = r.rep_id AND rep.company_id = $1
JOIN customer cu ON cu.id = r.customer_id AND cu.company_id = $1
LEFT JOIN (SELECT c.id AS conv_id, c.message_count, rp.unread_count FROM conversation c
           JOIN chat_read_position rp ON rp.conversation_id = c.id AND rp.side = '${side}'
           WHERE c.company_id = $1 AND c.rep_id = $2 AND c.customer_id = $3) cp ON true
LEFT JOIN LATERAL (
  SELECT ${MESSAGE_COLUMNS('x')} FROM chat_message x
  WHERE x.company_id = $1 AND x.conversation_id = cp.conv_id
    AND x.seq BETWEEN GREATEST(1, cp.message_count - $4::bigint - $5::bigint + 1) AND cp.message_count - $4::bigint
  ORDER BY x.seq) m ON true
WHERE r.company_id = $1 AND r.rep_id = $2 AND r.customer_id = $3
ORDER BY m.seq`,
});

/**
 * History marks the conversation read as the page saw it (under the lock): up to the newest
 * incoming message with seq ≤ the page's snapshot, unread recounted after the new position.
 * $1 company, $2 conversation, $3 the snapshot's message count.
 */
export const markReadThroughSeqLocked = (side: Side) => ({
  name: `ref_mark_read_through_seq_${side}`,
  text: `WITH upto AS (
  SELECT max(id) AS id FROM chat_message WHERE company_id = $1 AND conversation_id = $2 AND send_type = ${incoming(side)} AND seq <= $3)
UPDATE chat_read_position rp SET read_up_to = GREATEST(rp.read_up_to, upto.id),
  unread_count = (SELECT count(*) FROM chat_message u WHERE u.company_id = $1 AND u.conversation_id = $2 AND u.send_type = ${incoming(side)}
                  AND u.id > GREATEST(rp.read_up_to, upto.id))
FROM upto WHERE rp.conversation_id = $2 AND rp.side = '${side}' AND upto.id IS NOT NULL
RETURNING rp.read_up_to AS id, rp.unread_count AS unread_left`,
});

/**
 * send_msg, first statement of the transaction: BEGIN, then relation + profiles + the
 * conversation row locked (lockOrCreateConversation). The lock is inside a LATERAL
 * sub-select so a missing conversation still yields the relation row.
 */
export const beginSendHeader = (companyId: number, repId: number, customerId: number) =>
  `BEGIN; SELECT r.id AS relation_id, r.memo_name, ${PARTY_COLUMNS}, c.id AS conv_id, c.message_count
FROM relation r
JOIN rep ON rep.id = r.rep_id AND rep.company_id = r.company_id
JOIN customer cu ON cu.id = r.customer_id AND cu.company_id = r.company_id
LEFT JOIN LATERAL (SELECT id, message_count FROM conversation
  WHERE company_id = r.company_id AND rep_id = r.rep_id AND customer_id = r.customer_id FOR UPDATE) c ON true
WHERE r.company_id = ${int(companyId)} AND r.rep_id = ${int(repId)} AND r.customer_id = ${int(customerId)}`;

/** ChatStore.ensureConversation: the conversation and both read positions, once. $1 company, $2 rep, $3 customer. */
export const ENSURE_CONVERSATION = {
  name: 'ref_ensure_conversation',
  text: `WITH ins AS (
  INSERT INTO conversation (company_id, rep_id, customer_id) VALUES ($1, $2, $3)
  ON CONFLICT ON CONSTRAINT conversation_pair_key DO NOTHING RETURNING id)
INSERT INTO chat_read_position (conversation_id, side, company_id, owner_id)
SELECT id, 'rep', $1, $2 FROM ins UNION ALL SELECT id, 'customer', $1, $3 FROM ins`,
};

/**
 * send_msg under the lock, one statement: the idempotency lookup, the message (seq = count + 1),
 * the conversation's last message, one more unread for the receiver, and the relation's
 * last_follow_at (rep) or last_activity_at (customer; $8 = the radar action's time for a
 * product inquiry, which moves it again in Leida: GREATEST of all, NULLs ignored).
 * $1 company, $2 conversation, $3 seq, $4 info_type, $5 content (json text), $6 client_msg_id, $7 relation.
 */
export const sendLocked = (side: Side) => {
  const touched = side === 'rep' ? 'last_follow_at' : 'last_activity_at';
  const receiver = other(side);
  const st = outgoing(side);
  return {
    name: `ref_send_${side}`,
    text: `WITH dup AS (
  SELECT id FROM chat_message
  WHERE $6::varchar IS NOT NULL AND company_id = $1 AND conversation_id = $2 AND send_type = ${st} AND client_msg_id = $6::varchar),
ins AS (
  INSERT INTO chat_message (company_id, conversation_id, seq, send_type, info_type, content, client_msg_id, created_at)
  SELECT $1, $2, $3, ${st}, $4, $5::jsonb, $6::varchar, clock_timestamp() WHERE NOT EXISTS (SELECT 1 FROM dup)
  ON CONFLICT ON CONSTRAINT chat_message_client_key DO NOTHING
  RETURNING ${MESSAGE_COLUMNS('chat_message')}),
conv AS (
  UPDATE conversation c SET message_count = ins.seq, last_message_id = ins.id,
    last_message_at = GREATEST(COALESCE(c.last_message_at, ins."createdAt"), ins."createdAt")
  FROM ins WHERE c.id = $2 RETURNING c.id),
unread AS (
  UPDATE chat_read_position rp SET unread_count = rp.unread_count + 1
  FROM ins WHERE rp.conversation_id = $2 AND rp.side = '${receiver}' RETURNING rp.unread_count),
rel AS (
  UPDATE relation r SET ${touched} = GREATEST(r.${touched}, ins."createdAt"${side === 'customer' ? ', $8::timestamptz' : ''})
  FROM ins WHERE r.id = $7 RETURNING r.id)
SELECT (SELECT id FROM dup) AS dup_id, ins.*, (SELECT unread_count FROM unread) AS unread,
  (SELECT count(*) FROM conv) + (SELECT count(*) FROM rel) AS touched
FROM (SELECT 1) one LEFT JOIN ins ON true`,
  };
};

/** Radar dedupe (ActionLogService.findRecentDuplicate): serialise identical actions. */
export const RADAR_DEDUPE_LOCK = { name: 'ref_radar_lock', text: `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))` };

/**
 * Radar insert unless an identical action is inside the window ($9 seconds; 0 = no dedupe).
 * $1 company, $2 rep, $3 customer, $4 action, $5 product, $6 article, $7 title, $8 now, $10 remark.
 */
export const RADAR_INSERT = {
  name: 'ref_radar_insert',
  text: `WITH dup AS (
  SELECT id FROM radar_action
  WHERE $9::int > 0 AND company_id = $1 AND rep_id = $2 AND customer_id = $3 AND action = $4
    AND product_name IS NOT DISTINCT FROM $5::text AND article_id IS NOT DISTINCT FROM $6::int AND title IS NOT DISTINCT FROM $7::text
    AND created_at > $8::timestamptz - make_interval(secs => $9::int)
  ORDER BY created_at DESC, id DESC LIMIT 1),
ins AS (
  INSERT INTO radar_action (company_id, rep_id, customer_id, action, product_name, article_id, title, remark, created_at)
  SELECT $1, $2, $3, $4, $5::text, $6::int, $7::text, $10::text, $8::timestamptz WHERE NOT EXISTS (SELECT 1 FROM dup)
  RETURNING id)
SELECT (SELECT id FROM ins) AS id`,
};

/** Rep contact/query_num: the maintained unread total. $1 company, $2 owner. */
export const ownerUnread = (side: Side) => ({
  name: `ref_owner_unread_${side}`,
  text: `SELECT unread FROM chat_owner_total WHERE company_id = $1 AND side = '${side}' AND owner_id = $2`,
});

/**
 * The rep's chat contact list (ChatContactsService + CONTACT_PAGE_SQL): the page over
 * conversation_rep_recent_idx, then per row its last message, the rep's read position, the
 * customer and the rep's memo name; totals from chat_owner_total. One row without a contact
 * when the page is empty. $1 company, $2 rep, $3 limit, $4 offset.
 */
export const CONTACT_LIST = `SELECT t.conversations, t.unread AS unread_total, p.*
FROM (SELECT 1) one
LEFT JOIN chat_owner_total t ON t.company_id = $1 AND t.side = 'rep' AND t.owner_id = $2
LEFT JOIN LATERAL (
  SELECT c.id AS conv_id, c.customer_id, c.last_message_at, msg.info_type, msg.content, COALESCE(rp.unread_count, 0) AS unread,
         cu.id AS cu_id, cu.username, cu.headimgurl, r.memo_name
  FROM (SELECT id, customer_id, company_id, last_message_id, last_message_at
        FROM conversation
        WHERE company_id = $1 AND rep_id = $2 AND last_message_id IS NOT NULL
        ORDER BY last_message_at DESC, id DESC
        LIMIT $3 OFFSET $4) c
  JOIN chat_message msg ON msg.id = c.last_message_id AND msg.company_id = c.company_id
  LEFT JOIN chat_read_position rp ON rp.conversation_id = c.id AND rp.side = 'rep'
  LEFT JOIN customer cu ON cu.id = c.customer_id AND cu.company_id = $1
  LEFT JOIN relation r ON r.company_id = $1 AND r.rep_id = $2 AND r.customer_id = c.customer_id
) p ON true
ORDER BY p.last_message_at DESC, p.conv_id DESC`;

/** tongxunlu ordering: wire name → relation column (each has its index, Contacts migration). */
export const TONGXUNLU_COLUMNS: Record<string, string> = {
  expedted_pr: 'expected_pr',
  last_follow_time: 'last_follow_at',
  last_activity_time: 'last_activity_at',
  create_date: 'created_at',
};

/**
 * tongxunlu (ContactListService.list): the page in the index's order with customer and article,
 * total from relation_total (all sources, or the one filtered). $1 company, $2 rep, $3 limit,
 * $4 offset[, $5 source]. Built once per (order, filter) at start-up.
 */
export function tongxunluSql(column: string, direction: 'ASC' | 'DESC', bySource: boolean): string {
  const source = bySource ? ' AND source = $5' : '';
  const order = `${column} ${direction} NULLS LAST, id ${direction}`;
  return `SELECT tot.n AS total, r.customer_id, r.memo_name, r.expected_time, r.expected_pr, r.source, r.last_follow_at, r.last_activity_at,
  r.article_id, cu.id AS cu_id, cu.username, cu.headimgurl, a.title
FROM (SELECT COALESCE(sum(relations), 0)::int AS n FROM relation_total WHERE company_id = $1 AND rep_id = $2${source}) tot
LEFT JOIN LATERAL (
  SELECT * FROM relation WHERE company_id = $1 AND rep_id = $2${source}
  ORDER BY ${order} LIMIT $3 OFFSET $4) r ON true
LEFT JOIN customer cu ON cu.id = r.customer_id AND cu.company_id = $1
LEFT JOIN article a ON a.id = r.article_id AND a.company_id = $1
ORDER BY r.${column} ${direction} NULLS LAST, r.id ${direction}`;
}

/**
 * The customer profile (CustomerProfileService.view + AiPrScorerService), one statement:
 * relation, customer, referrer (with this rep's memo name for them), tag names in tag id order,
 * the ai_pr inputs (radar tallies per action and local day over the window, chat counts over
 * the newest `cap` messages per side).
 * $1 company, $2 rep, $3 customer, $4 now, $5 time zone, $6 window days - 1, $7 chat cap.
 */
export const PROFILE = {
  name: 'ref_profile',
  text: `WITH w AS (SELECT (date_trunc('day', $4::timestamptz AT TIME ZONE $5::text) - make_interval(days => $6::int)) AT TIME ZONE $5::text AS since)
SELECT r.memo_name, r.expected_time, r.expected_pr, r.source, r.superior_customer_id, r.memo_sex, r.phone, r.email,
  r.company_name, r.job_position, r.address, r.birthday, r.mem,
  cu.id AS cu_id, cu.username AS cu_username, cu.headimgurl AS cu_headimgurl, cu.sex AS cu_sex, cu.created_at AS cu_created_at,
  sup.id AS sup_id, sup.username AS sup_username, sr.memo_name AS sup_memo,
  ARRAY(SELECT t.name FROM tag t JOIN customer_tag ct ON ct.company_id = t.company_id AND ct.tag_id = t.id
        WHERE t.company_id = $1 AND ct.customer_id = $3 ORDER BY t.id) AS tags,
  (SELECT json_agg(json_build_array(x.action, x.age_days, x.n)) FROM (
     SELECT action, (($4::timestamptz AT TIME ZONE $5::text)::date - (created_at AT TIME ZONE $5::text)::date) AS age_days, count(*)::int AS n
     FROM radar_action
     WHERE company_id = $1 AND rep_id = $2 AND customer_id = $3 AND created_at >= w.since AND created_at <= $4::timestamptz
     GROUP BY 1, 2) x) AS tallies,
  (SELECT count(*) FILTER (WHERE x.created_at >= w.since)::int FROM (
     SELECT m.created_at FROM chat_message m WHERE m.company_id = c.company_id AND m.conversation_id = c.id AND m.send_type = 2
     ORDER BY m.id DESC LIMIT $7) x) AS customer_messages,
  (SELECT count(*) FILTER (WHERE x.created_at >= w.since)::int FROM (
     SELECT m.created_at FROM chat_message m WHERE m.company_id = c.company_id AND m.conversation_id = c.id AND m.send_type = 1
     ORDER BY m.id DESC LIMIT $7) x) AS rep_messages
FROM relation r
CROSS JOIN w
LEFT JOIN customer cu ON cu.id = r.customer_id AND cu.company_id = $1
LEFT JOIN customer sup ON sup.id = r.superior_customer_id AND sup.company_id = $1
LEFT JOIN relation sr ON sr.company_id = $1 AND sr.rep_id = $2 AND sr.customer_id = r.superior_customer_id
LEFT JOIN conversation c ON c.company_id = $1 AND c.rep_id = $2 AND c.customer_id = $3
WHERE r.company_id = $1 AND r.rep_id = $2 AND r.customer_id = $3`,
};

export interface RadarFilter {
  customerId?: number;
  action?: number;
  gte?: string;
  lt?: string;
}

/**
 * action/time (ActionLogService.timeline + markSeen), one statement: the page newest first,
 * the page's unseen rows marked seen, customer and memo name per row, the total (radar_total
 * without a filter, else a count with the filter). One row without an item when the page is
 * empty. $1 company, $2 rep, $3 limit, $4 offset, then the filters' values.
 */
export function radarTimeline(filter: RadarFilter, timeZone: string): { text: string; extra: (string | number)[] } {
  const conds: string[] = [];
  const extra: (string | number)[] = [];
  const param = (v: string | number) => (extra.push(v), `$${4 + extra.length}`);
  if (filter.customerId !== undefined) conds.push(`a.customer_id = ${param(filter.customerId)}`);
  if (filter.action !== undefined) conds.push(`a.action = ${param(filter.action)}`);
  if (filter.gte || filter.lt) {
    // Day boundaries in the business zone, computed by PostgreSQL like local-days.ts dayStartSql.
    const tz = param(timeZone);
    if (filter.gte) conds.push(`a.created_at >= ((${param(filter.gte)})::date::timestamp AT TIME ZONE ${tz}::text)`);
    if (filter.lt) conds.push(`a.created_at < ((${param(filter.lt)})::date::timestamp AT TIME ZONE ${tz}::text)`);
  }
  const where = `a.company_id = $1 AND a.rep_id = $2${conds.map((c) => ` AND ${c}`).join('')}`;
  const total = conds.length
    ? `(SELECT count(*)::int AS n FROM radar_action a WHERE ${where})`
    : `(SELECT COALESCE((SELECT actions FROM radar_total WHERE company_id = $1 AND rep_id = $2), 0) AS n)`;
  const text = `WITH page AS (
  SELECT a.id, a.rep_id, a.customer_id, a.action, a.remark, a.created_at, a.seen FROM radar_action a
  WHERE ${where} ORDER BY a.created_at DESC, a.id DESC LIMIT $3 OFFSET $4),
seen AS (
  UPDATE radar_action SET seen = true
  WHERE company_id = $1 AND rep_id = $2 AND id IN (
    SELECT id FROM radar_action WHERE id IN (SELECT id FROM page WHERE NOT seen) AND company_id = $1 AND rep_id = $2 AND NOT seen
    FOR UPDATE SKIP LOCKED))
SELECT tot.n AS total, p.*, cu.id AS cu_id, cu.username, cu.headimgurl, r.memo_name
FROM ${total} tot
LEFT JOIN page p ON true
LEFT JOIN customer cu ON cu.id = p.customer_id AND cu.company_id = $1
LEFT JOIN relation r ON r.company_id = $1 AND r.rep_id = $2 AND r.customer_id = p.customer_id
ORDER BY p.created_at DESC, p.id DESC`;
  return { text, extra };
}

export const REALTIME_CHANNEL = 'leida_realtime';
/** Notified by the principal trigger (Totals migration) with `role:id` when credentials change. */
export const PRINCIPAL_CHANNEL = 'leida_principal';
