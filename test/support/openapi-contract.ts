import { readFileSync } from 'node:fs';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The response check of issue 11: every answer the end-to-end suite receives through TestApp
 * is validated against the operation's schema for its HTTP status in the committed
 * docs/openapi.json (equal to the served document: test/foundation/openapi.e2e-spec.ts). An
 * undocumented status, a missing or undocumented field or a wrong type throws, so the test
 * that made the request fails.
 *
 * Stricter than the document on one point: an object schema that lists its properties is
 * closed (`additionalProperties: false`), so a field the document does not name is an error.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  responses: Json;
}

export class ContractViolation extends Error {
  override name = 'ContractViolation';
}

/** A copy of `schema` in which every object that lists properties allows no others. */
export function closeObjects<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((s) => closeObjects(s)) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) {
    // `properties` and `examples` map names to values: recurse into their values, not as schemas of their own.
    if (key === 'examples' || key === 'example') out[key] = value;
    else if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, closeObjects(v)]));
    else out[key] = closeObjects(value);
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out as T;
}

export class OpenApiContract {
  private readonly operations: Operation[] = [];
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly ajv: Ajv;
  private readonly components: Json;

  constructor(document: Json) {
    this.components = closeObjects(document.components ?? {});
    // OpenAPI 3.0 schemas: `nullable`, `example` and friends are not JSON Schema keywords.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    for (const [template, item] of Object.entries(document.paths ?? {}) as [string, Json][]) {
      const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const [method, operation] of Object.entries(item)) {
        if (operation?.responses) this.operations.push({ method: method.toUpperCase(), template, pattern, responses: operation.responses });
      }
    }
  }

  static fromFile(path: string): OpenApiContract {
    return new OpenApiContract(JSON.parse(readFileSync(path, 'utf8')));
  }

  /** The documented operation answering `method` on `url` (its path, without the query), if any. */
  operationOf(method: string, url: string): Operation | undefined {
    const path = url.split('?')[0];
    let decoded: string;
    try {
      decoded = decodeURI(path);
    } catch {
      decoded = path;
    }
    return this.operations.find((o) => o.method === method.toUpperCase() && (o.pattern.test(path) || o.pattern.test(decoded)));
  }

  /**
   * Throws ContractViolation when the answer does not match the document. Requests to paths
   * the document does not describe (health, docs, unknown paths) are not checked here.
   */
  check(method: string, url: string, status: number, contentType: string | undefined, body: unknown): void {
    const operation = this.operationOf(method, url);
    if (!operation) return;
    const where = `${method} ${operation.template} → HTTP ${status}`;
    const response = operation.responses[String(status)] ?? operation.responses.default;
    if (!response) throw new ContractViolation(`${where}: status not documented (documented: ${Object.keys(operation.responses).join(', ')})`);
    const media = response.content?.['application/json'];
    if (!media?.schema) return;
    if (!contentType?.startsWith('application/json')) throw new ContractViolation(`${where}: content-type ${contentType ?? 'none'}, documented application/json`);
    const validate = this.validatorFor(`${operation.method} ${operation.template} ${status}`, media.schema);
    if (!validate(body)) {
      const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
      throw new ContractViolation(`${where}: the body does not match the documented schema:\n  ${errors.slice(0, 12).join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 800)}`);
    }
  }

  private validatorFor(key: string, schema: Json): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      // The refs (#/components/schemas/…) resolve inside this root.
      validate = this.ajv.compile({ ...closeObjects(schema), components: this.components });
      this.validators.set(key, validate);
    }
    return validate;
  }
}

let shared: OpenApiContract | undefined;

/** The committed document's contract, loaded once per test file. */
export function committedContract(): OpenApiContract {
  return (shared ??= OpenApiContract.fromFile(`${process.cwd()}/docs/openapi.json`));
}
