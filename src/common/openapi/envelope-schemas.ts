/**
 * The envelopes of the outcomes every operation shares (API.md §2), as named OpenAPI schemas.
 * Each pins its `code` (and its fixed `msg`) so a generated client can narrow on `code`;
 * an operation's own success envelope is built by `successEnvelope` around its `data` DTO.
 */
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';

type Schema = SchemaObject | ReferenceObject;
import { ApiError, Errors } from '../errors/api-error';
import { FIELD_ERROR_MESSAGES } from '../errors/field-errors';

const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

function envelope(description: string, code: number, msg: Schema, data: Schema): SchemaObject {
  return {
    type: 'object',
    description,
    required: ['code', 'msg', 'data'],
    properties: { code: { type: 'integer', enum: [code] }, msg, data },
  };
}
const fixedMsg = (msg: string): SchemaObject => ({ type: 'string', enum: [msg] });
const empty = ref('EmptyData');
/** The envelope of one of the `Errors` (its code and fixed msg come from there, never retyped). */
const errorEnvelope = (description: string, error: ApiError, data: Schema = empty) =>
  envelope(description, error.code, fixedMsg(error.msg as string), data);

/** Component schemas added to every document (referenced by name from the operations). */
export const ENVELOPE_SCHEMAS = {
  FieldError: {
    type: 'object',
    description: 'One problem with one field (Django-shaped).',
    required: ['message', 'code'],
    properties: {
      message: { type: 'string', description: 'A Chinese explanation, e.g. 这个字段是必填项。' },
      code: { type: 'string', enum: Object.keys(FIELD_ERROR_MESSAGES) },
    },
  },
  FieldErrors: {
    type: 'object',
    description: 'Field errors keyed by field name (`content.info_type` for nested fields, `body` for an unreadable body).',
    additionalProperties: { type: 'array', items: ref('FieldError') },
  },
  SignatureFailure: errorEnvelope('The signature was refused (any operation).', Errors.signature('expired'), {
    type: 'object',
    required: ['reason'],
    properties: { reason: { type: 'string', enum: ['missing_params', 'unknown_user', 'bad_signature', 'expired'] } },
  }),
  InvalidInput402: envelope('Invalid parameters: the field errors in `data`.', 402, fixedMsg('请求异常'), ref('FieldErrors')),
  InvalidInput302: envelope('Invalid parameters, legacy code 302: the field errors in `data`.', 302, fixedMsg('请求异常'), ref('FieldErrors')),
  InvalidInput303: envelope('Invalid parameters, legacy code 303: the field errors in `msg`.', 303, ref('FieldErrors'), empty),
  InvalidInput301: envelope('Invalid parameters, legacy code 301: the field errors in `msg`.', 301, ref('FieldErrors'), empty),
  InvalidInput303Text: envelope('Invalid parameters, legacy code 303: `msg` is the field errors as a JSON string (legacy quirk).', 303, { type: 'string' }, empty),
  NoRelation: errorEnvelope('The caller has no relation with the other party.', Errors.noRelation()),
  TagNotFound: errorEnvelope('A tag id that the caller cannot see.', Errors.tagNotFound()),
  NoData: errorEnvelope('An empty result.', Errors.noData()),
  NoTaggedCustomers: errorEnvelope('An empty customer_list.', Errors.noTaggedCustomers()),
  PhraseNotDeletable: errorEnvelope('Not one of the caller\'s own phrases (unknown, another rep\'s, or company-wide).', Errors.phraseNotDeletable()),
  PayloadTooLarge: errorEnvelope('The body is over the size limit (HTTP 413; the connection is closed).', Errors.tooLarge()),
  RateLimited: errorEnvelope('Too many requests from this address (HTTP 429).', Errors.rateLimited()),
  InternalError: errorEnvelope('An unexpected error (HTTP 500); `error_id` is in the server log with the details.', Errors.internal(), {
    type: 'object',
    required: ['error_id'],
    properties: { error_id: { type: 'string', format: 'uuid' } },
  }),
  Unavailable: errorEnvelope('The database is unreachable (HTTP 503, with Retry-After): retry later.', Errors.unavailable()),
} satisfies Record<string, Schema>;

export type EnvelopeSchemaName = keyof typeof ENVELOPE_SCHEMAS;

/** An operation's success envelope: code 200, one of its success messages, its `data` DTO. */
export function successEnvelope(messages: string[], dataRef: string): SchemaObject {
  return envelope('Success.', 200, { type: 'string', enum: [...new Set(messages)] }, { $ref: dataRef });
}

/** The outcomes that leave with another HTTP status than 200 (API.md §2; the code is the status), on every operation. */
export const NON_200_OUTCOMES: { error: ApiError; schema: EnvelopeSchemaName; description: string; bodyOnly?: boolean; data?: unknown }[] = [
  { error: Errors.tooLarge(), schema: 'PayloadTooLarge', description: 'The body is over the size limit.', bodyOnly: true },
  { error: Errors.rateLimited(), schema: 'RateLimited', description: 'Too many requests (RATE_LIMIT_PER_MINUTE per client address).' },
  { error: Errors.internal(), schema: 'InternalError', description: 'An unexpected error; `data.error_id` is logged with the details.', data: { error_id: '0b0f6f5e-8c1e-4f0e-9a55-2f0c2c5e7d1a' } },
  { error: Errors.unavailable(), schema: 'Unavailable', description: 'The database is unreachable; retry after the `Retry-After` seconds.' },
];

export { ref as schemaRef };
