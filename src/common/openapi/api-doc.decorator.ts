/**
 * `@ApiDoc(...)`: complete OpenAPI documentation for one legacy operation in one decorator.
 *
 * Usage (on a route of a `@CustomerController`/`@RepController`):
 *
 * ```ts
 * @Post('send_msg/0')
 * @ApiDoc({
 *   name: '发送消息',                       // the brief's Chinese name
 *   english: 'Send a message to the rep',
 *   description: 'Stores the message, counts it unread for the rep and pushes chat.message (API.md §4.1).',
 *   json: { u_id: 1, content: { info_type: 1, msg: '你好' }, client_msg_id: 'c-1' },
 *   // form: optional; by default the JSON example form-encoded like a legacy client
 *   // (structured values become JSON strings): u_id=1&content={"info_type":1,"msg":"你好"}...
 *   success: { msg: 'send msg successful', data: { id: 42 } },
 *   errors: [DocErrors.validation402({ u_id: [{ message: '该字段是必填项。', code: 'required' }] }), DocErrors.noRelation()],
 * })
 * send(...) {}
 * ```
 *
 * What it produces in /docs-json (applied by `applyApiDocExamples` in src/swagger.ts):
 * - `summary` `<Chinese name> / <English>` and the `description`;
 * - on routes with a body: `consumes` form and JSON, with a request example for each media type;
 * - HTTP 200 response examples: the success envelope, the signature failure (code 400, added
 *   for you) and every error you list (handled outcomes are all HTTP 200, API.md §2).
 * Do not add `@ApiOperation`/`@ApiConsumes` to a route that has `@ApiDoc`.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiConsumes, ApiExtension, ApiOperation } from '@nestjs/swagger';

export const API_DOC_EXTENSION = 'x-leida-doc';
export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** One documented outcome: the envelope the route answers (always HTTP 200 but for 413/429/500). */
export interface DocOutcome {
  code: number;
  msg: string | Record<string, unknown>;
  data: unknown;
  /** When this happens (the example's title in Swagger UI). */
  when: string;
}

export interface ApiDocOptions {
  /** The brief's Chinese name of the operation, e.g. `获取未读消息数`. */
  name: string;
  /** The same in English, e.g. `Count unread messages`. */
  english: string;
  description: string;
  /** Example JSON body (POST routes). */
  json?: Record<string, unknown>;
  /** Example form body; defaults to `json` encoded like a legacy form post. */
  form?: Record<string, string>;
  success: { msg: string; data: unknown; when?: string };
  /** The documented error outcomes besides the signature failure. */
  errors?: DocOutcome[];
}

/** What the decorator stores on the operation for `applyApiDocExamples` to expand. */
export interface ApiDocExtension {
  request?: { form: Record<string, string>; json: Record<string, unknown> };
  outcomes: DocOutcome[];
}

/** Builders for the contract's common error outcomes (API.md §2). */
export const DocErrors = {
  signature: (): DocOutcome => ({ code: 400, msg: 'token异常', data: { reason: 'bad_signature' }, when: 'bad signature (reason: missing_params | unknown_user | bad_signature | expired)' }),
  validation402: (fieldErrors: Record<string, unknown>): DocOutcome => ({ code: 402, msg: '请求异常', data: fieldErrors, when: 'invalid parameters' }),
  validation302: (fieldErrors: Record<string, unknown>): DocOutcome => ({ code: 302, msg: '请求异常', data: fieldErrors, when: 'invalid parameters (legacy code 302)' }),
  validation303: (fieldErrors: Record<string, unknown>): DocOutcome => ({ code: 303, msg: fieldErrors, data: {}, when: 'invalid parameters (field errors in msg)' }),
  validation303String: (fieldErrors: Record<string, unknown>): DocOutcome => ({ code: 303, msg: JSON.stringify(fieldErrors), data: {}, when: 'invalid parameters (msg is the field errors as a JSON string, legacy quirk)' }),
  noRelation: (): DocOutcome => ({ code: 307, msg: '用户-客户关系不存在', data: {}, when: 'no relation between the caller and the other party' }),
  tagNotFound: (): DocOutcome => ({ code: 301, msg: '用户标签不存在', data: {}, when: 'a tag id not visible to the caller' }),
  noData: (): DocOutcome => ({ code: 302, msg: '没有数据', data: {}, when: 'empty result' }),
};

/** Encodes a JSON example the way a legacy form post does: structured values become JSON strings. */
export function formExampleOf(json: Record<string, unknown>): Record<string, string> {
  const form: Record<string, string> = {};
  for (const [key, value] of Object.entries(json)) {
    if (value === undefined) continue;
    form[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return form;
}

export function ApiDoc(options: ApiDocOptions): MethodDecorator {
  const hasBody = options.json !== undefined || options.form !== undefined;
  const extension: ApiDocExtension = {
    request: hasBody ? { json: options.json ?? { ...options.form }, form: options.form ?? formExampleOf(options.json ?? {}) } : undefined,
    outcomes: [
      { code: 200, msg: options.success.msg, data: options.success.data, when: options.success.when ?? 'success' },
      DocErrors.signature(),
      ...(options.errors ?? []),
    ],
  };
  return applyDecorators(
    ApiOperation({ summary: `${options.name} / ${options.english}`, description: options.description }),
    ...(hasBody ? [ApiConsumes(FORM, JSON_TYPE)] : []),
    ApiExtension(API_DOC_EXTENSION, extension),
  );
}
