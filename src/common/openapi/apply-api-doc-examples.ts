import type { OpenAPIObject } from '@nestjs/swagger';
import { API_DOC_EXTENSION, ApiDocExtension, FORM, JSON_TYPE } from './api-doc.decorator';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The envelope every handled outcome uses (API.md §2). */
const ENVELOPE_SCHEMA = {
  type: 'object',
  required: ['code', 'msg', 'data'],
  properties: {
    code: { type: 'integer', description: '200 success; 400 signature; 402/302/303 invalid parameters; 307 no relation; 301 unknown tag' },
    msg: { description: 'A message, or field errors on some routes', oneOf: [{ type: 'string' }, { type: 'object' }] },
    data: { type: 'object' },
  },
};

function exampleKey(code: number, index: number): string {
  return `code_${code}${index ? `_${index}` : ''}`;
}

/**
 * Expands the `@ApiDoc` extension into standard OpenAPI: a request example per media type
 * (form and JSON) and named HTTP 200 response examples, then removes the extension. Swagger
 * can only attach one example set to all media types, hence this post-processing step.
 */
export function applyApiDocExamples(document: OpenAPIObject): OpenAPIObject {
  for (const pathItem of Object.values(document.paths ?? {}) as Json[]) {
    for (const method of METHODS) {
      const operation = pathItem[method] as Json | undefined;
      const doc = operation?.[API_DOC_EXTENSION] as ApiDocExtension | undefined;
      if (!operation || !doc) continue;
      delete operation[API_DOC_EXTENSION];

      if (doc.request) {
        const body = (operation.requestBody ??= { required: true, content: {} }) as Json;
        body.content ??= {};
        const formSchema = body.content[FORM]?.schema ?? body.content[JSON_TYPE]?.schema ?? { type: 'object' };
        body.content[FORM] = { ...body.content[FORM], schema: formSchema, examples: { form: { summary: 'form body (legacy clients)', value: doc.request.form } } };
        body.content[JSON_TYPE] = { ...body.content[JSON_TYPE], schema: body.content[JSON_TYPE]?.schema ?? formSchema, examples: { json: { summary: 'JSON body', value: doc.request.json } } };
      }

      const examples: Json = {};
      const seen = new Map<number, number>();
      for (const outcome of doc.outcomes) {
        const n = seen.get(outcome.code) ?? 0;
        seen.set(outcome.code, n + 1);
        examples[exampleKey(outcome.code, n)] = { summary: `${outcome.code}: ${outcome.when}`, value: { code: outcome.code, msg: outcome.msg, data: outcome.data } };
      }
      const responses = (operation.responses ??= {}) as Json;
      const ok = (responses['200'] ??= { description: '' }) as Json;
      ok.description = ok.description || 'The envelope; `code` says what happened (every handled outcome is HTTP 200).';
      const json = (ok.content ??= {})[JSON_TYPE] ?? {};
      ok.content[JSON_TYPE] = { ...json, schema: json.schema ?? ENVELOPE_SCHEMA, examples };
    }
  }
  return document;
}
