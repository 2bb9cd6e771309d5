/**
 * A small, strict reader for fixture records: every key must be known, every value of the
 * declared kind; errors name the section, the record index and the field.
 */
export class FixtureError extends Error {}

export type FieldKind =
  | 'id' // positive integer
  | 'id?' // positive integer or null/absent
  | 'int?'
  | 'string'
  | 'string?'
  | 'token' // 32 lowercase hex chars
  | 'date?' // YYYY-MM-DD or null
  | 'datetime?' // ISO 8601 instant, or null/absent
  | 'json'; // any JSON value (validated by the section)

export type RecordSpec = Record<string, FieldKind>;

const TOKEN = /^[0-9a-f]{32}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function where(section: string, index: number, record?: object): string {
  const rec = record as Record<string, unknown> | undefined;
  const id = rec && (rec.id ?? rec.customer_id);
  return `${section}[${index}]${id !== undefined ? ` (id ${JSON.stringify(id)})` : ''}`;
}

function check(kind: FieldKind, value: unknown): boolean {
  const optional = kind.endsWith('?');
  if (value === undefined || value === null) return optional || kind === 'json';
  switch (kind.replace('?', '')) {
    case 'id':
      return Number.isInteger(value) && (value as number) > 0 && (value as number) < 2 ** 31;
    case 'int':
      return Number.isInteger(value);
    case 'string':
      return typeof value === 'string';
    case 'token':
      return typeof value === 'string' && TOKEN.test(value);
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value));
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    default:
      return true;
  }
}

/** Validates one record against its spec; required fields are those whose kind has no `?`. */
export function readRecord<T>(section: string, index: number, record: unknown, spec: RecordSpec): T {
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    throw new FixtureError(`${section}[${index}]: must be an object`);
  }
  const rec = record as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    if (!Object.hasOwn(spec, key)) throw new FixtureError(`${where(section, index, rec)}: unknown key "${key}"`);
  }
  for (const [key, kind] of Object.entries(spec)) {
    if (!check(kind, rec[key])) {
      throw new FixtureError(`${where(section, index, rec)}: "${key}" must be ${describe(kind)}, got ${JSON.stringify(rec[key])}`);
    }
  }
  return rec as T;
}

function describe(kind: FieldKind): string {
  const base: string = ({
    id: 'a positive integer',
    int: 'an integer',
    string: 'a string',
    token: '32 lowercase hex characters',
    date: 'a date YYYY-MM-DD',
    datetime: 'an ISO 8601 date-time',
    json: 'a JSON value',
  } as Record<string, string>)[kind.replace('?', '')];
  return kind.endsWith('?') ? `${base} or null` : base;
}
