/**
 * `@ApiDoc(...)`: complete OpenAPI documentation for one legacy operation in one decorator.
 *
 * Usage (on a route of a `@CustomerController`/`@RepController`):
 *
 * ```ts
 * @Post('send_msg/0')
 * @ApiDoc({
 *   operationId: 'customerChatSend',       // stable, surface first (a generated client's method name)
 *   name: '发送消息',                       // the brief's Chinese name
 *   english: 'Send a message to the rep',
 *   description: 'Stores the message, counts it unread for the rep and pushes chat.message (API.md §4.1).',
 *   json: { u_id: 1, content: { info_type: 1, msg: '你好' }, client_msg_id: 'c-1' },
 *   // form: optional; by default the JSON example with nested objects as JSON strings, like a
 *   // legacy client: u_id=1&content={"info_type":1,"msg":"你好"}...
 *   returns: CreatedId,                    // the success `data` DTO (what the mapper returns)
 *   success: { msg: 'send msg successful', data: { id: 42 } },
 *   errors: [DocErrors.validation402({ u_id: [{ message: '该字段是必填项。', code: 'required' }] }), DocErrors.noRelation()],
 * })
 * send(...) {}
 * ```
 *
 * What it produces in /docs-json (applied by `applyApiDocExamples` in src/swagger.ts):
 * - `summary` `<Chinese name> / <English>` and the `description`;
 * - on routes with a body: `consumes` form and JSON, with a request example for each media type;
 * - the HTTP 200 response: a `oneOf` of the success envelope (code 200, its messages, `data` typed
 *   by `returns`) and the envelope schema of every error you list plus the signature
 *   failure (added for you), each pinning its `code` (handled outcomes are all HTTP 200, API.md §2);
 *   a named example per outcome;
 * - the 413 (body routes), 429, 500 and 503 answers (src/common/openapi/envelope-schemas.ts).
 * Do not add `@ApiOperation`/`@ApiConsumes` to a route that has `@ApiDoc`.
 */
import { applyDecorators, Type } from '@nestjs/common';
import { ApiConsumes, ApiExtension, ApiExtraModels, ApiOperation, getSchemaPath } from '@nestjs/swagger';
import { EmptyData } from '../envelope/envelope-data.dto';
import type { Envelope } from '../envelope/envelope';
import type { EnvelopeSchemaName } from './envelope-schemas';

export const API_DOC_EXTENSION = 'x-leida-doc';
export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** One documented outcome: the envelope the route answers (always HTTP 200 but for 413/429/500/503). */
export interface DocOutcome {
  code: number;
  msg: string | Record<string, unknown>;
  data: unknown;
  /** When this happens (the example's title in Swagger UI). */
  when: string;
  /** The envelope's schema; none for a code-200 outcome (it is the success envelope with another msg). */
  schema?: EnvelopeSchemaName;
}

export interface ApiDocOptions<T> {
  /** Stable operationId, surface first: `customerChatSend`, `repContactList` (a generated client's name). */
  operationId: string;
  /** The brief's Chinese name of the operation, e.g. `获取未读消息数`. */
  name: string;
  /** The same in English, e.g. `Count unread messages`. */
  english: string;
  description: string;
  /** Example JSON body (POST routes). */
  json?: Record<string, unknown>;
  /** Example form body; defaults to `json` with nested objects as JSON strings (formExampleOf). */
  form?: Record<string, unknown>;
  /** The wire DTO of the success `data` (the type the controller's mapper returns). */
  returns: Type<T>;
  /** The success example; its `data` is checked against `returns` by the compiler. */
  success: { msg: string; data: T; when?: string };
  /** The documented error outcomes besides the signature failure. */
  errors?: DocOutcome[];
}

/** What the decorator stores on the operation for `applyApiDocExamples` to expand. */
export interface ApiDocExtension {
  request?: { form: Record<string, unknown>; json: Record<string, unknown> };
  /** `$ref` of the success `data` schema. */
  dataRef: string;
  outcomes: DocOutcome[];
}

/** Builders for the contract's common error outcomes (API.md §2). */
export const DocErrors = {
  signature: (): DocOutcome => ({ code: 400, msg: 'token异常', data: { reason: 'bad_signature' }, when: 'bad signature (reason: missing_params | unknown_user | bad_signature | expired)', schema: 'SignatureFailure' }),
  validation402: (fieldErrors: Record<string, unknown>): DocOutcome => ({ code: 402, msg: '请求异常', data: fieldErrors, when: 'invalid parameters', schema: 'InvalidInput402' }),
  validation302: (fieldErrors: Record<string, unknown>): DocOutcome => ({ code: 302, msg: '请求异常', data: fieldErrors, when: 'invalid parameters (legacy code 302)', schema: 'InvalidInput302' }),
  validation303: (fieldErrors: Record<string, unknown>): DocOutcome => ({ code: 303, msg: fieldErrors, data: {}, when: 'invalid parameters (field errors in msg)', schema: 'InvalidInput303' }),
  validation303String: (fieldErrors: Record<string, unknown>): DocOutcome => ({ code: 303, msg: JSON.stringify(fieldErrors), data: {}, when: 'invalid parameters (msg is the field errors as a JSON string, legacy quirk)', schema: 'InvalidInput303Text' }),
  noRelation: (): DocOutcome => ({ code: 307, msg: '用户-客户关系不存在', data: {}, when: 'no relation between the caller and the other party', schema: 'NoRelation' }),
  tagNotFound: (): DocOutcome => ({ code: 301, msg: '用户标签不存在', data: {}, when: 'a tag id not visible to the caller', schema: 'TagNotFound' }),
  noData: (): DocOutcome => ({ code: 302, msg: '没有数据', data: {}, when: 'empty result', schema: 'NoData' }),
  validation301: (fieldErrors: Record<string, unknown>): DocOutcome => ({ code: 301, msg: fieldErrors, data: {}, when: 'invalid parameters (legacy code 301, field errors in msg)', schema: 'InvalidInput301' }),
  noTaggedCustomers: (): DocOutcome => ({ code: 302, msg: '标签关联客户不能为空', data: {}, when: 'an empty customer_list', schema: 'NoTaggedCustomers' }),
  phraseNotDeletable: (): DocOutcome => ({ code: 302, msg: 'ID不存在或者不允许删除', data: {}, when: "not one of the caller's own phrases", schema: 'PhraseNotDeletable' }),
};

/**
 * The form example of a JSON example: nested objects become JSON strings, as a legacy form post
 * sends them (`content={"info_type":1,...}`); numbers and arrays stay what the schema says (a form
 * carries them as text and repeated fields, which the server reads back as numbers and arrays).
 */
export function formExampleOf(json: Record<string, unknown>): Record<string, unknown> {
  const form: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (value === undefined) continue;
    form[key] = value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return form;
}

/** A route handler whose success envelope carries `data` of type T. */
type HandlerOf<T> = (...args: any[]) => Envelope<T> | Promise<Envelope<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Typed by `returns`: a handler whose success `data` lacks a field of that DTO or has one of
 * another type does not compile (a field the DTO does not name is caught by the response check
 * of the tests, test/support/openapi-contract.ts).
 */
export function ApiDoc<T>(options: ApiDocOptions<T>): (target: object, key: string | symbol, descriptor: { value?: HandlerOf<T> }) => void {
  const hasBody = options.json !== undefined || options.form !== undefined;
  const extension: ApiDocExtension = {
    request: hasBody ? { json: options.json ?? { ...options.form }, form: options.form ?? formExampleOf(options.json ?? {}) } : undefined,
    dataRef: getSchemaPath(options.returns),
    outcomes: [
      { code: 200, msg: options.success.msg, data: options.success.data, when: options.success.when ?? 'success' },
      DocErrors.signature(),
      ...(options.errors ?? []),
    ],
  };
  return applyDecorators(
    ApiOperation({ operationId: options.operationId, summary: `${options.name} / ${options.english}`, description: options.description }),
    ApiExtraModels(options.returns, EmptyData),
    ...(hasBody ? [ApiConsumes(FORM, JSON_TYPE)] : []),
    ApiExtension(API_DOC_EXTENSION, extension),
  );
}
