import type { OpenAPIObject } from '@nestjs/swagger';
import { MINI_PROGRAM_PREFIX } from '../auth/surface.decorators';
import { API_TAGS } from './api-tags';
import { UNDECODABLE_PATH } from '../http/protocol-errors';
import { API_DOC_EXTENSION, ApiDocExtension, DocErrors, DocOutcome, FORM, JSON_TYPE } from './api-doc.decorator';
import { ENVELOPE_SCHEMAS, NON_200_OUTCOMES, schemaRef, successEnvelope } from './envelope-schemas';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function exampleKey(code: number, index: number): string {
  return `code_${code}${index ? `_${index}` : ''}`;
}

/** The request examples: one per media type (form and JSON). */
function applyRequest(operation: Json, request: NonNullable<ApiDocExtension['request']>): void {
  const body = (operation.requestBody ??= { required: true, content: {} }) as Json;
  body.content ??= {};
  const formSchema = body.content[FORM]?.schema ?? body.content[JSON_TYPE]?.schema ?? { type: 'object' };
  body.content[FORM] = { ...body.content[FORM], schema: formSchema, examples: { form: { summary: 'form body (legacy clients)', value: request.form } } };
  body.content[JSON_TYPE] = { ...body.content[JSON_TYPE], schema: body.content[JSON_TYPE]?.schema ?? formSchema, examples: { json: { summary: 'JSON body', value: request.json } } };
}

/** HTTP 200: every handled outcome, as a `oneOf` of envelopes that each pin their `code`. */
function applyHandledOutcomes(operation: Json, doc: ApiDocExtension): void {
  const examples: Json = {};
  const seen = new Map<number, number>();
  for (const outcome of doc.outcomes) {
    const n = seen.get(outcome.code) ?? 0;
    seen.set(outcome.code, n + 1);
    examples[exampleKey(outcome.code, n)] = { summary: `${outcome.code}: ${outcome.when}`, value: { code: outcome.code, msg: outcome.msg, data: outcome.data } };
  }
  const successMessages = doc.outcomes.filter((o) => o.code === 200).map((o) => o.msg as string);
  const errorSchemas = [...new Set(doc.outcomes.flatMap((o) => (o.schema ? [o.schema] : [])))];
  const responses = (operation.responses ??= {}) as Json;
  responses['200'] = {
    description: 'The envelope; `code` says what happened (every handled outcome is HTTP 200).',
    content: { [JSON_TYPE]: { schema: { oneOf: [successEnvelope(successMessages, doc.dataRef), ...errorSchemas.map(schemaRef)] }, examples } },
  };
}

/** The outcomes with their own HTTP status (API.md §2). */
function applyNon200Outcomes(operation: Json, hasBody: boolean): void {
  const responses = operation.responses as Json;
  for (const outcome of NON_200_OUTCOMES) {
    if (outcome.bodyOnly && !hasBody) continue;
    const example = { code: outcome.error.code, msg: outcome.error.msg, data: outcome.data ?? {} };
    responses[String(outcome.error.httpStatus)] = { description: outcome.description, content: { [JSON_TYPE]: { schema: schemaRef(outcome.schema), example } } };
  }
}

/**
 * The mini-program routes share the Official Account handlers (and so their @ApiDoc): their
 * operationIds and names say 小程序 / miniProgram instead (operationIds must stay unique), and
 * the class-level tag and security the subclass inherits are not repeated.
 */
function renameForMiniProgram(operation: Json): void {
  operation.operationId = String(operation.operationId).replace(/^customer/, 'miniProgram');
  operation.summary = String(operation.summary).replace(/^公众号/, '小程序');
  operation.tags = [API_TAGS.chatMiniProgram];
  operation.security = [...new Map((operation.security ?? []).map((s: Json) => [JSON.stringify(s), s])).values()];
}

/**
 * Expands the `@ApiDoc` extension into standard OpenAPI: request examples per media type, the
 * typed outcomes of every status, and the shared envelope schemas; then removes the extension.
 * Swagger can only attach one example set to all media types, hence this post-processing step.
 */
export function applyApiDocExamples(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  components.schemas = { ...components.schemas, ...ENVELOPE_SCHEMAS };
  for (const [path, pathItem] of Object.entries(document.paths ?? {}) as [string, Json][]) {
    for (const method of METHODS) {
      const operation = pathItem[method] as Json | undefined;
      const doc = operation?.[API_DOC_EXTENSION] as ApiDocExtension | undefined;
      if (!operation || !doc) continue;
      delete operation[API_DOC_EXTENSION];
      if (path.startsWith(`/${MINI_PROGRAM_PREFIX}/`)) renameForMiniProgram(operation);
      if (doc.request) applyRequest(operation, doc.request);
      // Swagger UI prefills a parameter from the parameter's own example (not its schema's).
      for (const parameter of (operation.parameters ?? []) as Json[]) {
        if (parameter.schema?.example !== undefined && parameter.example === undefined) parameter.example = parameter.schema.example;
      }
      // A path parameter the router cannot decode is refused before the route is known: the default style.
      const hasPathParameter = ((operation.parameters ?? []) as Json[]).some((p) => p.in === 'path');
      const pathOutcome: DocOutcome = { ...DocErrors.validation402(UNDECODABLE_PATH), when: 'a path that cannot be decoded (refused before routing, always code 402)' };
      applyHandledOutcomes(operation, hasPathParameter ? { ...doc, outcomes: [...doc.outcomes, pathOutcome] } : doc);
      applyNon200Outcomes(operation, doc.request !== undefined);
    }
  }
  return document;
}
