/**
 * The benchmarked endpoints. Each handler: signature check (one prepared lookup), parameter
 * rules, then as few statements as Leida's semantics allow (see sql.ts); items are rendered by
 * Leida's own pure mappers, so the bytes are Leida's by construction.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool, PoolClient } from 'pg';
import { isFresh, readSignatureParams, signatureMatches } from '../../src/common/auth/signature';
import { ValidationFailed } from '../../src/common/errors/api-error';
import type { FieldErrors } from '../../src/common/errors/field-errors';
import { fieldError } from '../../src/common/errors/field-errors';
import { hasUnparsableBody } from '../../src/common/http/body-parsers';
import { PrincipalCache } from '../../src/common/auth/principal-cache';
import type { PrincipalRecord } from '../../src/common/auth/principal';
import type { Clock } from '../../src/common/time/clock';
import * as t from '../../src/common/time/legacy-time';
import { ActionTally, AI_PR_CHAT_CAP, AI_PR_WINDOW_DAYS, aiPrScore } from '../../src/modules/action-log/ai-pr';
import { standardRemark } from '../../src/modules/action-log/radar-actions';
import { customerFace, mapRadarItem } from '../../src/modules/action-log/radar-item';
import { mapContact as mapContactListRow } from '../../src/modules/contacts/contact-list.mapper';
import type { ContactRow as ContactListRow } from '../../src/modules/contacts/contact-list.service';
import { customerDisplayName } from '../../src/modules/contacts/customer-display-name';
import { parseContent } from '../../src/modules/chat/chat-content';
import { ChatEvents } from '../../src/modules/chat/chat-events';
import { ChatParties, mapContact as mapChatContact, mapCustomerMessage, mapRepMessage } from '../../src/modules/chat/chat.mapper';
import type { ConversationKey, MessageRow } from '../../src/modules/chat/chat.store';
import type { CustomerChatMessage, RepChatMessage } from '../../src/modules/chat/dto/chat-message.response.dto';
import { mapCustomerProfile } from '../../src/modules/customer/customer-profile.mapper';
import type { CustomerView } from '../../src/modules/customer/customer-profile.service';
import { encodeFrames } from '../../src/realtime/notify-frames';
import type { RealtimeEvent } from '../../src/realtime/realtime-event';
import * as P from './params';
import * as S from './sql';
import type { Side } from './sql';

export interface Principal {
  role: Side;
  id: number;
  companyId: number;
}

export interface RouteContext {
  pool: Pool;
  /** Leida's credentials cache (PRINCIPAL_CACHE_SECONDS), invalidated by the principal trigger's NOTIFY. */
  principals: PrincipalCache;
  clock: RefClock;
  signatureMaxSkewSeconds: number;
  radarDedupeSeconds: number;
}

/** Leida's Clock (src/common/time/clock.ts) without Nest: the mappers take it as their clock. */
export class RefClock {
  constructor(readonly timeZone: string) {}
  now(): Date {
    return new Date();
  }
  dateTime(instant: Date): string {
    return t.formatDateTime(instant, this.timeZone);
  }
  dateTimeOrNull(instant: Date | null | undefined): string | null {
    return instant ? this.dateTime(instant) : null;
  }
  localDate(instant: Date): string {
    return t.formatLocalDate(instant, this.timeZone);
  }
  followTime(at: Date | null | undefined): string {
    return t.relativeFollowTime(at, this.now(), this.timeZone);
  }
  activityTime(at: Date | null | undefined): string {
    return t.relativeActivityTime(at, this.now(), this.timeZone);
  }
  followStatus(at: Date | null | undefined): string {
    return t.followStatus(at, this.now(), this.timeZone);
  }
  shortChatTime(at: Date): string {
    return t.shortChatTime(at, this.now(), this.timeZone);
  }
  daysSince(at: Date): number {
    return t.calendarDaysAgo(at, this.now(), this.timeZone);
  }
  /** Typed as Leida's Clock for its mappers (same methods). */
  get asClock(): Clock {
    return this as unknown as Clock;
  }
}

/** A handled outcome with a legacy code (like Leida's ApiError), rendered by the error handler. */
export class Answer extends Error {
  constructor(
    readonly body: { code: number; msg: unknown; data: unknown },
    readonly status = 200,
  ) {
    super('answer');
  }
}

const signatureError = (reason: string) => new Answer({ code: 400, msg: 'token异常', data: { reason } });
const noRelation = () => new Answer({ code: 307, msg: '用户-客户关系不存在', data: {} });
const invalid = (errors: FieldErrors, code = 402) => new Answer({ code, msg: '请求异常', data: errors });
const ok = (msg: string, data: unknown) => ({ code: 200, msg, data });

const GETMSG_OK = '实时获取-最新聊天信息成功';
const GETMSG_EMPTY = '没有得到实时聊天信息';
const HISTORY_OK = '分页获取-全部聊天消息成功';
const ACTION_PRODUCT_INQUIRY = 7;

type Query = Record<string, unknown>;

/**
 * SignatureGuard.authenticate + DbPrincipalDirectory: the principal from the surface's table
 * (through the same short-lived cache as Leida; 0 seconds = a lookup on every request),
 * refusing unknown/disabled/token-less callers, constant-time compare, freshness window.
 */
export async function authenticate(ctx: RouteContext, surface: Side, query: Query | undefined): Promise<Principal | string> {
  const params = readSignatureParams(query);
  if (!params) return 'missing_params';
  let record: PrincipalRecord | undefined = ctx.principals.get(surface, params.userId);
  if (!record) {
    const version = ctx.principals.version;
    const row = (await ctx.pool.query({ ...S.AUTH[surface], values: [params.userId] })).rows[0];
    if (row) {
      record = { id: row.id, companyId: row.company_id, token: row.token, disabled: row.disabled };
      ctx.principals.set(surface, record, version);
    }
  }
  if (!record || record.disabled || !record.token) return 'unknown_user';
  if (!signatureMatches(params.randStr, params.timestamp, record.token)) return 'bad_signature';
  if (!isFresh(Number(params.timestamp), Date.now(), ctx.signatureMaxSkewSeconds)) return 'expired';
  return { role: surface, id: record.id, companyId: record.companyId };
}

/** Guard + the ValidationStyleInterceptor's checks (unparsable body, NUL characters). */
async function principalOf(ctx: RouteContext, surface: Side, request: FastifyRequest, errorCode = 402): Promise<Principal> {
  const result = await authenticate(ctx, surface, request.query as Query);
  if (typeof result === 'string') throw signatureError(result);
  if (hasUnparsableBody(request)) throw invalid(fieldError('body', 'invalid', '请求体格式错误。'), errorCode);
  if (request.url.includes('%00') || request.body) {
    const nul = P.nulErrors(request.query, request.body);
    if (nul) throw invalid(nul, errorCode);
  }
  return result;
}

function keyOf(p: Principal, otherId: number): ConversationKey {
  return p.role === 'customer' ? { companyId: p.companyId, repId: otherId, customerId: p.id } : { companyId: p.companyId, repId: p.id, customerId: otherId };
}

const ownerOf = (side: Side, key: ConversationKey) => (side === 'rep' ? key.repId : key.customerId);

/** Rep and customer profiles from a row carrying PARTY_COLUMNS (307 when either is missing, like ChatService.profiles). */
function partiesOf(row: Record<string, any>, key: ConversationKey, memoName: string | null): ChatParties {
  if (row.rep_id === null || row.cu_id === null) throw noRelation();
  return {
    rep: { id: row.rep_id, companyId: key.companyId, name: row.rep_name, avatar: row.rep_avatar, mingpianPhone: row.mingpian_phone, wechat: row.wechat },
    customer: { id: row.cu_id, companyId: key.companyId, username: row.cu_username, headimgurl: row.cu_headimgurl, sex: row.cu_sex, createdAt: row.cu_created_at },
    memoName,
  };
}

function render(ctx: RouteContext, side: Side, m: MessageRow, parties: ChatParties, history = false): CustomerChatMessage | RepChatMessage {
  const dateTime = (at: Date) => ctx.clock.dateTime(at);
  return side === 'rep' ? mapRepMessage(m, parties, dateTime, history) : mapCustomerMessage(m, parties, dateTime, history);
}

/** Ends the transaction: NOTIFYs (with the receiver's total) + COMMIT in one round trip, then releases. */
async function commitWithEvents(client: PoolClient, events: RealtimeEvent[], total?: { companyId: number; side: Side; ownerId: number }): Promise<void> {
  const frames = events.flatMap(encodeFrames);
  await client.query(S.notifyAndCommit(frames, (text) => client.escapeLiteral(text), total));
  client.release();
}

/** The unread event with its total and seq filled in by the database at commit (see notifyAndCommit). */
const unreadEvent = (to: Side, key: ConversationKey, count: number) =>
  ChatEvents.unread(to, key, count, { unread: S.TOTAL_SENTINEL as unknown as number, seq: S.SEQ_SENTINEL as unknown as number });

async function rollback(client: PoolClient, error: unknown): Promise<never> {
  await client.query('ROLLBACK').catch(() => undefined);
  client.release();
  throw error;
}

/** Rows of a multi-statement simple query. */
const resultsOf = (r: unknown) => r as unknown as { rows: Record<string, any>[] }[];

/** getmsg (ChatService.fetchUnread): polling fast path in one statement, else lock → read+advance → total+commit. */
async function fetchUnread(ctx: RouteContext, p: Principal, otherId: number) {
  const side = p.role;
  const key = keyOf(p, otherId);
  const { rows: heads } = await ctx.pool.query({ ...S.unreadOne(side), values: [key.companyId, key.repId, key.customerId] });
  const head = heads[0];
  if (!head) throw noRelation();
  if (head.conv_id === null || !head.unread_count) return ok(GETMSG_EMPTY, { ret_data: [], data_count: 0 });

  const client = await ctx.pool.connect();
  let rows: Record<string, any>[];
  try {
    await client.query(S.beginAndLock(key.companyId, key.repId, key.customerId));
    rows = (await client.query({ ...S.fetchUnreadLocked(side), values: [key.companyId, head.conv_id, key.repId, key.customerId] })).rows;
    const events = rows.length
      ? [ChatEvents.read(S.other(side), key, rows[rows.length - 1].id), unreadEvent(side, key, rows[0].unread_left ?? 0)]
      : [];
    await commitWithEvents(client, events, { companyId: key.companyId, side, ownerId: ownerOf(side, key) });
  } catch (error) {
    return rollback(client, error);
  }
  if (!rows.length) return ok(GETMSG_EMPTY, { ret_data: [], data_count: 0 });
  const parties = partiesOf(rows[0], key, head.memo_name);
  const items = rows.map((m) => render(ctx, side, m as MessageRow, parties));
  return ok(GETMSG_OK, { ret_data: items, data_count: items.length });
}

/** History (ChatService.history): one statement for the page; opening it marks the conversation read as the page saw it. */
async function history(ctx: RouteContext, p: Principal, otherId: number, page: P.Page) {
  const side = p.role;
  const key = keyOf(p, otherId);
  const { rows } = await ctx.pool.query({ ...S.historyPage(side), values: [key.companyId, key.repId, key.customerId, page.offset, page.limit] });
  const head = rows[0];
  if (!head) throw noRelation();
  const parties = partiesOf(head, key, head.memo_name);
  const messages = head.id === null ? [] : (rows as MessageRow[]);
  const total = head.conv_id === null ? 0 : head.message_count;

  if (head.conv_id !== null && head.unread_count > 0) {
    const client = await ctx.pool.connect();
    try {
      await client.query(S.beginAndLock(key.companyId, key.repId, key.customerId));
      const { rows: marked } = await client.query({ ...S.markReadThroughSeqLocked(side), values: [key.companyId, head.conv_id, head.message_count] });
      const events = marked.length ? [ChatEvents.read(S.other(side), key, marked[0].id), unreadEvent(side, key, marked[0].unread_left)] : [];
      await commitWithEvents(client, events, { companyId: key.companyId, side, ownerId: ownerOf(side, key) });
    } catch (error) {
      return rollback(client, error);
    }
  }
  const items = messages.map((m) => render(ctx, side, m, parties, true));
  if (side === 'customer') {
    return ok(HISTORY_OK, { ret_data: items, mingpian_phone: parties.rep.mingpianPhone ?? '', wechat: parties.rep.wechat ?? '', data_count: total });
  }
  return ok(HISTORY_OK, { ret_data: items, data_count: total });
}

/** Radar target text (ActionLogService.clean). */
function cleanTarget(value: string | null | undefined): string | null {
  const text = value?.replace(/\u0000/g, '').trim().slice(0, 200);
  return text ? text : null;
}

/** send_msg (ChatService.send): BEGIN+header+lock, one write statement, [radar], total+COMMIT, NOTIFY. */
async function send(ctx: RouteContext, p: Principal, otherId: number, rawContent: unknown, clientMsgId: string | null) {
  const side = p.role;
  let content;
  try {
    content = parseContent(rawContent, side);
  } catch (error) {
    if (error instanceof ValidationFailed) throw invalid(error.fieldErrors);
    throw error;
  }
  const key = keyOf(p, otherId);
  const receiver = S.other(side);
  const client = await ctx.pool.connect();
  let id: number;
  try {
    const [, header] = resultsOf(await client.query(S.beginSendHeader(key.companyId, key.repId, key.customerId)));
    const head = header.rows[0];
    if (!head) throw noRelation();
    const parties = partiesOf(head, key, head.memo_name);
    if (head.conv_id === null) {
      await client.query({ ...S.ENSURE_CONVERSATION, values: [key.companyId, key.repId, key.customerId] });
      const { rows: locked } = await client.query(S.lockOnly(key.companyId, key.repId, key.customerId));
      head.conv_id = locked[0].id;
      head.message_count = locked[0].message_count;
    }
    const inquiry = side === 'customer' && content.infoType === 2;
    const now = inquiry ? ctx.clock.now() : null;
    const values: unknown[] = [key.companyId, head.conv_id, head.message_count + 1, content.infoType, JSON.stringify(content.fields), clientMsgId, head.relation_id];
    if (side === 'customer') values.push(now);
    const { rows } = await client.query({ ...S.sendLocked(side), values });
    const written = rows[0];
    if (written.dup_id !== null || written.id === null) {
      // An idempotent retry: the first message's id, nothing stored, nothing published.
      id = written.dup_id ?? (await client.query(`SELECT id FROM chat_message WHERE conversation_id = $1 AND send_type = $2 AND client_msg_id = $3`, [head.conv_id, S.outgoing(side), clientMsgId])).rows[0].id;
      await commitWithEvents(client, []);
    } else {
      id = written.id;
      // Event order as Leida's: the radar row (recorded inside the send), the message, the counts.
      const events = inquiry ? await recordInquiry(ctx, client, key, content.fields.product_name ?? null, now!, head) : [];
      events.push(ChatEvents.message(receiver, key, render(ctx, receiver, written as MessageRow, parties)), unreadEvent(receiver, key, written.unread ?? 0));
      await commitWithEvents(client, events, { companyId: key.companyId, side: receiver, ownerId: ownerOf(receiver, key) });
    }
  } catch (error) {
    return rollback(client, error);
  }
  return ok('send msg successful', { id });
}

/** Radar action 7 for a product inquiry inside the send's transaction (ActionLogService.recordAction). */
async function recordInquiry(ctx: RouteContext, client: PoolClient, key: ConversationKey, productName: string | null, now: Date, head: Record<string, any>): Promise<RealtimeEvent[]> {
  const target = { productName: cleanTarget(productName), articleId: null, title: null };
  const window = ctx.radarDedupeSeconds;
  if (window > 0) {
    const lockKey = JSON.stringify(['radar', key.companyId, key.repId, key.customerId, ACTION_PRODUCT_INQUIRY, target.productName, target.articleId, target.title]);
    await client.query({ ...S.RADAR_DEDUPE_LOCK, values: [lockKey] });
  }
  const remark = standardRemark(ACTION_PRODUCT_INQUIRY, target);
  const { rows } = await client.query({
    ...S.RADAR_INSERT,
    values: [key.companyId, key.repId, key.customerId, ACTION_PRODUCT_INQUIRY, target.productName, null, null, now, window, remark],
  });
  if (rows[0].id === null) return [];
  const face = customerFace(key.customerId, { username: head.cu_username, headimgurl: head.cu_headimgurl }, head.memo_name);
  const entry = { id: rows[0].id, repId: key.repId, customerId: key.customerId, action: ACTION_PRODUCT_INQUIRY, remark, createdAt: now, ...face };
  return [{ to: { role: 'rep', id: key.repId }, event: 'radar.action', data: mapRadarItem(entry, ctx.clock.asClock) }];
}

/** Customer query_num: one statement (relation + the conversation's unread for the customer). */
async function unreadCount(ctx: RouteContext, p: Principal, otherId: number) {
  const key = keyOf(p, otherId);
  const { rows } = await ctx.pool.query({ ...S.unreadOne(p.role), values: [key.companyId, key.repId, key.customerId] });
  if (!rows[0]) throw noRelation();
  return ok('查询成功', { chatinfo_count: rows[0].unread_count ?? 0 });
}

async function chatContacts(ctx: RouteContext, p: Principal, page: P.Page) {
  const { rows } = await ctx.pool.query(S.CONTACT_LIST, [p.companyId, p.id, page.limit, page.offset]);
  const head = rows[0];
  const shortTime = (at: Date) => ctx.clock.shortChatTime(at);
  const items = head.conv_id === null ? [] : rows.map((r) =>
    mapChatContact(
      {
        customerId: r.customer_id,
        lastMessageAt: r.last_message_at,
        infoType: r.info_type,
        content: r.content,
        unread: r.unread,
        username: r.cu_id === null ? '' : r.username,
        headimgurl: r.cu_id === null ? '' : r.headimgurl,
        memoName: r.memo_name,
      },
      shortTime,
    ),
  );
  return ok('查询成功', { ret_data: items, data_count: head.conversations ?? 0, unread_msg_num: head.unread_total ?? 0 });
}

/** tongxunlu SQL per (order, source filter), built once. */
const TONGXUNLU_SQL = new Map<string, string>();
for (const [wire, column] of Object.entries(S.TONGXUNLU_COLUMNS)) {
  for (const desc of [true, false]) {
    for (const bySource of [false, true]) TONGXUNLU_SQL.set(`${desc ? '-' : ''}${wire}|${bySource}`, S.tongxunluSql(column, desc ? 'DESC' : 'ASC', bySource));
  }
}

async function tongxunlu(ctx: RouteContext, p: Principal, filter: { order: string; source?: number }, page: P.Page) {
  const bySource = filter.source !== undefined;
  const values: unknown[] = [p.companyId, p.id, page.limit, page.offset];
  if (bySource) values.push(filter.source);
  const { rows } = await ctx.pool.query(TONGXUNLU_SQL.get(`${filter.order}|${bySource}`)!, values);
  const total = rows[0].total;
  if (total === 0) throw new Answer({ code: 302, msg: '没有数据', data: {} });
  const clock = ctx.clock.asClock;
  const items = rows[0].customer_id === null ? [] : rows.map((r) => {
    const row: ContactListRow = {
      customerId: r.customer_id,
      nickname: r.cu_id === null ? '' : r.username,
      headimgurl: r.cu_id === null ? '' : r.headimgurl,
      memoName: r.memo_name,
      expectedTime: r.expected_time,
      expectedPr: r.expected_pr,
      source: r.source,
      lastFollowAt: r.last_follow_at,
      lastActivityAt: r.last_activity_at,
      articleId: r.article_id,
      title: r.article_id !== null ? (r.title ?? null) : null,
    };
    return mapContactListRow(row, clock);
  });
  return ok('查询成功', { ret_data: items, data_count: total });
}

async function customerProfile(ctx: RouteContext, p: Principal, customerId: number) {
  const now = ctx.clock.now();
  const { rows } = await ctx.pool.query({
    ...S.PROFILE,
    values: [p.companyId, p.id, customerId, now, ctx.clock.timeZone, AI_PR_WINDOW_DAYS - 1, AI_PR_CHAT_CAP],
  });
  const r = rows[0];
  if (!r || r.cu_id === null) throw noRelation();
  const tallies: ActionTally[] = (r.tallies ?? []).map(([action, ageDays, count]: number[]) => ({ action, ageDays, count }));
  const view = {
    customer: { id: r.cu_id, companyId: p.companyId, username: r.cu_username, headimgurl: r.cu_headimgurl, sex: r.cu_sex, createdAt: r.cu_created_at },
    relation: {
      memoName: r.memo_name,
      expectedTime: r.expected_time,
      expectedPr: r.expected_pr,
      source: r.source,
      memoSex: r.memo_sex,
      phone: r.phone,
      email: r.email,
      companyName: r.company_name,
      jobPosition: r.job_position,
      address: r.address,
      birthday: r.birthday,
      mem: r.mem,
    },
    aiPr: aiPrScore(tallies, { customerMessages: r.customer_messages ?? 0, repMessages: r.rep_messages ?? 0 }),
    superior: r.superior_customer_id && r.sup_id !== null ? customerDisplayName(r.sup_id, r.sup_username, r.sup_memo) : null,
    tags: r.tags,
  } as unknown as CustomerView;
  return ok('查询成功', { ret_data: [mapCustomerProfile(view, ctx.clock.asClock)], data_count: 1 });
}

async function radarTime(ctx: RouteContext, p: Principal, filter: S.RadarFilter, page: P.Page) {
  const { text, extra } = S.radarTimeline(filter, ctx.clock.timeZone);
  const { rows } = await ctx.pool.query(text, [p.companyId, p.id, page.limit, page.offset, ...extra]);
  const total = rows[0].total;
  const clock = ctx.clock.asClock;
  const items = rows[0].id === null ? [] : rows.map((r) =>
    mapRadarItem(
      {
        id: r.id,
        repId: r.rep_id,
        customerId: r.customer_id,
        action: r.action,
        remark: r.remark,
        createdAt: r.created_at,
        ...customerFace(r.customer_id, r.cu_id === null ? null : { username: r.username, headimgurl: r.headimgurl }, r.memo_name),
      },
      clock,
    ),
  );
  return ok('查询日志记录成功', { ret_data: items, data_count: total });
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export function registerRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const C = '/zhugeleida/gongzhonghao';
  const R = '/zhugeleida/qiyeweixin';
  const get = (path: string, h: Handler) => app.get(path, h);
  const post = (path: string, h: Handler) => app.post(path, h);
  const check = (errors: P.Errors, code = 402) => {
    if (errors.fields) throw invalid(errors.fields, code);
  };

  // ---- customer surface (API.md §4)
  get(`${C}/chat/query_num/0`, async (req) => {
    const p = await principalOf(ctx, 'customer', req, 302);
    const e = new P.Errors();
    const repId = P.requiredId((req.query as Query).u_id, 'u_id', e);
    check(e, 302);
    return unreadCount(ctx, p, repId);
  });
  get(`${C}/chat/getmsg/0`, async (req) => {
    const p = await principalOf(ctx, 'customer', req);
    const e = new P.Errors();
    const repId = P.requiredId((req.query as Query).u_id, 'u_id', e);
    check(e);
    return fetchUnread(ctx, p, repId);
  });
  get(`${C}/chat`, async (req) => {
    const p = await principalOf(ctx, 'customer', req);
    const q = req.query as Query;
    const e = new P.Errors();
    const repId = P.requiredId(q.u_id, 'u_id', e);
    const page = P.page(q, 20, e);
    check(e);
    return history(ctx, p, repId, page);
  });
  post(`${C}/chat/send_msg/0`, async (req) => {
    const p = await principalOf(ctx, 'customer', req);
    const body = (req.body ?? {}) as Query;
    const e = new P.Errors();
    const repId = P.requiredId(body.u_id, 'u_id', e);
    if (body.content === undefined || body.content === null) e.add('content', 'required');
    const clientMsgId = P.clientMsgId(body.client_msg_id, e);
    check(e);
    return send(ctx, p, repId, body.content, clientMsgId);
  });

  // ---- rep surface (API.md §5, §6)
  get(`${R}/chat/getmsg/0`, async (req) => {
    const p = await principalOf(ctx, 'rep', req);
    const e = new P.Errors();
    const customerId = P.requiredId((req.query as Query).customer_id, 'customer_id', e);
    check(e);
    return fetchUnread(ctx, p, customerId);
  });
  get(`${R}/chat`, async (req) => {
    const p = await principalOf(ctx, 'rep', req);
    const q = req.query as Query;
    const e = new P.Errors();
    const customerId = P.requiredId(q.customer_id, 'customer_id', e);
    const page = P.page(q, 20, e);
    check(e);
    return history(ctx, p, customerId, page);
  });
  post(`${R}/chat/send_msg/0`, async (req) => {
    const p = await principalOf(ctx, 'rep', req);
    const body = (req.body ?? {}) as Query;
    const e = new P.Errors();
    const customerId = P.requiredId(body.customer_id, 'customer_id', e);
    if (body.content === undefined || body.content === null) e.add('content', 'required');
    const clientMsgId = P.clientMsgId(body.client_msg_id, e);
    check(e);
    return send(ctx, p, customerId, body.content, clientMsgId);
  });
  get(`${R}/contact`, async (req) => {
    const p = await principalOf(ctx, 'rep', req);
    const e = new P.Errors();
    const page = P.page(req.query as Query, 0, e);
    check(e);
    return chatContacts(ctx, p, page);
  });
  get(`${R}/contact/query_num`, async (req) => {
    const p = await principalOf(ctx, 'rep', req);
    const { rows } = await ctx.pool.query({ ...S.ownerUnread('rep'), values: [p.companyId, p.id] });
    return ok('查询成功', { chatinfo_count: rows[0]?.unread ?? 0 });
  });
  get(`${R}/tongxunlu`, async (req) => {
    const p = await principalOf(ctx, 'rep', req);
    const q = req.query as Query;
    const e = new P.Errors();
    const filter = P.contactListFilter(q, e);
    const page = P.page(q, 10, e);
    check(e);
    return tongxunlu(ctx, p, filter, page);
  });
  get(`${R}/customer`, async (req) => {
    const p = await principalOf(ctx, 'rep', req);
    const e = new P.Errors();
    const customerId = P.requiredId((req.query as Query).customer_id, 'customer_id', e);
    check(e);
    return customerProfile(ctx, p, customerId);
  });
  get(`${R}/action/time`, async (req) => {
    const p = await principalOf(ctx, 'rep', req);
    const q = req.query as Query;
    const e = new P.Errors();
    const filter = P.radarFilter(q, e);
    const page = P.page(q, 10, e);
    check(e);
    return radarTime(ctx, p, filter, page);
  });
}
