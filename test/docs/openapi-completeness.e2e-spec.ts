import { API_TAGS } from '../../src/common/openapi/api-tags';
import { Signer, TestApp } from '../support/test-app';
import { createWorld, World } from '../support/world';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const TAGS: string[] = Object.values(API_TAGS);
/** The only legacy operation that takes no input at all, so it cannot fail on input. */
const NO_INPUT = ['get /zhugeleida/qiyeweixin/contact/query_num'];
/** POST operations whose only input is the path (the legacy posts an empty form). */
const NO_BODY = ['post /zhugeleida/qiyeweixin/follow_language/delete/{id}'];
/** List routes: current_page and length must stay documented. */
const LISTS = [
  'get /zhugeleida/gongzhonghao/chat',
  'get /zhugeleida/xiaochengxu/chat',
  'get /zhugeleida/qiyeweixin/chat',
  'get /zhugeleida/qiyeweixin/contact',
  'get /zhugeleida/qiyeweixin/tongxunlu',
  'get /zhugeleida/qiyeweixin/follow_info',
  'get /zhugeleida/qiyeweixin/follow_language',
  'get /zhugeleida/qiyeweixin/tag_list',
  'get /zhugeleida/qiyeweixin/action/time',
  'get /zhugeleida/qiyeweixin/action/customer',
];

interface Operation {
  key: string;
  method: string;
  path: string;
  op: Json;
}

function operationsOf(doc: Json): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    if (!path.startsWith('/zhugeleida/')) continue;
    for (const [method, op] of Object.entries(item as Json)) ops.push({ key: `${method} ${path}`, method, path, op });
  }
  return ops;
}

const responseExamples = (op: Json): Json[] => Object.values(op.responses?.['200']?.content?.[JSON_TYPE]?.examples ?? {}).map((e) => (e as Json).value);

/**
 * Puts the world's ids into a documented example: the example stays what a client would send
 * (same keys, same encoding), only the ids point at rows that exist in this test's tenant.
 */
function withWorldIds(example: Json, encoding: 'form' | 'json', world: World, tagIds: number[]): Json {
  const ids: Json = {
    u_id: world.reps[0].id,
    customer_id: world.customers[0].id,
    article_id: world.articleId,
    tag_list: tagIds,
    customer_list: [world.customers[0].id, world.customers[1].id],
  };
  const body: Json = { ...example };
  for (const [key, value] of Object.entries(ids)) {
    if (!(key in body)) continue;
    body[key] = encoding === 'json' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  }
  return body;
}

describe('OpenAPI description: every legacy operation is complete (issue 6, item 2)', () => {
  let t: TestApp;
  let doc: Json;
  let ops: Operation[];

  beforeAll(async () => {
    t = await TestApp.start();
    doc = (await t.request('GET', '/docs-json')).body;
    ops = operationsOf(doc);
  });
  afterAll(async () => t.close());

  it('finds all 33 operations (with the 4 mini-program chat routes, get_new_log, follow_language and tag_customer)', () => {
    expect(ops).toHaveLength(35);
  });

  it('gives every operation a "<中文> / <English>" summary and a description', () => {
    for (const { key, op } of ops) {
      expect([key, op.summary]).toEqual([key, expect.stringMatching(/[\u4e00-\u9fff].* \/ [A-Za-z]/)]);
      expect([key, typeof op.description === 'string' && op.description.trim().length > 0]).toEqual([key, true]);
    }
  });

  it('tags every operation with exactly one of the six areas, and uses all six', () => {
    for (const { key, op } of ops) {
      expect([key, op.tags?.length]).toEqual([key, 1]);
      expect([key, TAGS.includes(op.tags[0])]).toEqual([key, true]);
    }
    expect(new Set(ops.map((o) => o.op.tags[0]))).toEqual(new Set(['Chat – customer', 'Chat – mini-program', 'Chat – rep', 'Contacts', 'Customer', 'Radar']));
  });

  it('gives every POST operation a form and a JSON request example, the form one with nested objects as JSON strings', () => {
    const posts = ops.filter((o) => o.method === 'post' && !NO_BODY.includes(o.key));
    expect(posts).toHaveLength(12);
    for (const { key, op } of posts) {
      const content = op.requestBody?.content ?? {};
      const form = Object.values(content[FORM]?.examples ?? {}).map((e) => (e as Json).value);
      const json = Object.values(content[JSON_TYPE]?.examples ?? {}).map((e) => (e as Json).value);
      expect([key, form.length > 0, json.length > 0]).toEqual([key, true, true]);
      // A legacy form posts `content` as a JSON string; scalars and arrays are the model's own
      // (a form sends them as text and repeated fields), so each example fits its schema (issue 11).
      for (const [field, value] of Object.entries(form[0] as Json)) {
        const nested = json[0][field] !== null && typeof json[0][field] === 'object' && !Array.isArray(json[0][field]);
        expect([key, field, nested ? JSON.parse(value) : value]).toEqual([key, field, json[0][field]]);
      }
    }
  });

  it('documents HTTP 200 envelopes for success, the signature failure and at least one other error per operation that takes input', () => {
    for (const { key, op } of ops) {
      const examples = responseExamples(op);
      const codes = examples.map((e) => e.code);
      expect([key, codes]).toEqual([key, expect.arrayContaining([200, 400])]);
      for (const e of examples) expect([key, Object.keys(e).sort()]).toEqual([key, ['code', 'data', 'msg']]);
      expect(examples.find((e) => e.code === 400)).toEqual({ code: 400, msg: 'token异常', data: { reason: 'bad_signature' } });
      const takesInput = (op.parameters ?? []).length > 0 || op.requestBody !== undefined;
      expect([key, takesInput]).toEqual([key, !NO_INPUT.includes(key)]);
      if (takesInput) expect([key, codes.some((c) => c !== 200 && c !== 400)]).toEqual([key, true]);
    }
  });

  it('puts validation errors where each route answers them: data on 402/302, an object msg on 303, a JSON string msg on update_expected_time', () => {
    const fieldErrors = expect.objectContaining({});
    for (const { key, op } of ops) {
      for (const e of responseExamples(op)) {
        if (e.code === 402 || (e.code === 302 && e.msg === '请求异常')) expect([key, e.msg, Object.keys(e.data).length > 0]).toEqual([key, '请求异常', true]);
        if (e.code === 303 && !key.includes('update_expected_time')) expect([key, typeof e.msg, e.data]).toEqual([key, 'object', {}]);
        if (e.code === 303 && key.includes('update_expected_time')) expect([key, typeof e.msg, JSON.parse(e.msg)]).toEqual([key, 'string', fieldErrors]);
      }
    }
    const codes = (key: string) => responseExamples(ops.find((o) => o.key === key)!.op).map((e) => e.code);
    expect(codes('get /zhugeleida/gongzhonghao/chat/query_num/0')).toContain(302);
    expect(codes('post /zhugeleida/qiyeweixin/customer/update_tag/{id}')).toEqual(expect.arrayContaining([301, 303, 307]));
    expect(responseExamples(ops.find((o) => o.key === 'get /zhugeleida/qiyeweixin/tongxunlu')!.op)).toContainEqual({ code: 302, msg: '没有数据', data: {} });
  });

  it('keeps the query parameters documented, with current_page and length on every list', () => {
    for (const key of LISTS) {
      const names = (ops.find((o) => o.key === key)?.op.parameters ?? []).map((p: Json) => p.name);
      expect([key, names]).toEqual([key, expect.arrayContaining(['current_page', 'length'])]);
    }
    const queryOf = (key: string) => (ops.find((o) => o.key === key)?.op.parameters ?? []).map((p: Json) => p.name);
    expect(queryOf('get /zhugeleida/gongzhonghao/chat/query_num/0')).toEqual(['u_id']);
    expect(queryOf('get /zhugeleida/qiyeweixin/tongxunlu')).toEqual(expect.arrayContaining(['order', 'customer__source']));
  });

  it('documents the realtime channel in the document description', () => {
    const text: string = doc.info.description;
    for (const word of ['/ws', 'chat.message', 'chat.unread', 'chat.read', 'radar.action', 'rand_str', '4401', 'read_up_to', 'chatinfo_count']) expect(text).toContain(word);
  });

  describe('request examples are real working requests', () => {
    let world: World;
    let tagIds: number[];

    beforeAll(async () => {
      world = await createWorld(t);
      tagIds = [];
      for (const name of ['重要客户', '一般客户']) {
        const res = await t.post(`/zhugeleida/qiyeweixin/tag_list/add_tag/${world.customers[0].id}`, world.reps[0], { name }, 'json');
        tagIds.push(res.body.data.id);
      }
    });

    const signerFor = (path: string): Signer => (path.startsWith('/zhugeleida/qiyeweixin/') ? world.reps[0] : world.customers[0]);
    const concretePath = (path: string) => path.replace(/\{[a-z_]+\}/g, String(world.customers[0].id));

    it.each([
      'post /zhugeleida/gongzhonghao/chat/send_msg/0',
      'post /zhugeleida/xiaochengxu/chat/send_msg/0',
      'post /zhugeleida/qiyeweixin/chat/send_msg/0',
      'post /zhugeleida/qiyeweixin/customer/update_expected_pr/{id}',
      'post /zhugeleida/qiyeweixin/customer/update_expected_time/{id}',
      'post /zhugeleida/qiyeweixin/customer/update_information/{id}',
      'post /zhugeleida/qiyeweixin/customer/update_tag/{id}',
      'post /zhugeleida/qiyeweixin/follow_info/add/{customer_id}',
      'post /zhugeleida/qiyeweixin/tag_list/add_tag/{customer_id}',
      'post /zhugeleida/gongzhonghao/action/record/0',
      'post /zhugeleida/qiyeweixin/follow_language/add/0',
      'post /zhugeleida/qiyeweixin/tag_customer/add/0',
    ])('%s: the documented form and JSON examples answer code 200', async (key) => {
      const { path, op } = ops.find((o) => o.key === key)!;
      const content = op.requestBody.content;
      const form = withWorldIds(content[FORM].examples.form.value, 'form', world, tagIds);
      const json = withWorldIds(content[JSON_TYPE].examples.json.value, 'json', world, tagIds);
      const viaForm = await t.post(concretePath(path), signerFor(path), form, 'form');
      const viaJson = await t.post(concretePath(path), signerFor(path), json, 'json');
      expect([viaForm.status, viaForm.body]).toEqual([200, expect.objectContaining({ code: 200, msg: responseExamples(op)[0].msg })]);
      expect([viaJson.status, viaJson.body]).toEqual([200, expect.objectContaining({ code: 200, msg: responseExamples(op)[0].msg })]);
    });

    it('the update_tag example really replaces the tags with the documented list', async () => {
      const { path, op } = ops.find((o) => o.key === 'post /zhugeleida/qiyeweixin/customer/update_tag/{id}')!;
      const form = withWorldIds(op.requestBody.content[FORM].examples.form.value, 'form', world, tagIds);
      expect((await t.post(concretePath(path), world.reps[0], form, 'form')).body.code).toBe(200);
      const res = await t.get('/zhugeleida/qiyeweixin/customer', world.reps[0], { customer_id: world.customers[0].id });
      expect(res.body.data.ret_data[0].tag.sort()).toEqual(['一般客户', '重要客户']);
    });
  });
});
