import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { FieldErrors } from '../errors/field-errors';

/**
 * PostgreSQL cannot store NUL characters in text: a request carrying one is refused as
 * invalid input up front (per field), instead of failing in the database.
 */
export function nulCharacterErrors(...sources: unknown[]): FieldErrors | undefined {
  const errors: FieldErrors = {};
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (value.includes('\u0000')) errors[path || 'body'] = [{ message: '不能包含空字符。', code: 'invalid' }];
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
    }
  };
  for (const source of sources) visit(source, '');
  return Object.keys(errors).length ? errors : undefined;
}

/**
 * Safety net: a data exception raised by PostgreSQL (SQLSTATE class 22: a value out of range,
 * malformed or too long for its column) came from input that validation let through. It is
 * still bad input, so it gets the route's validation envelope rather than a 500.
 */
export function isDataException(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown } })?.driverError?.code ?? (error as { code?: unknown })?.code;
  // TypeORM wraps driver errors; the plain SQL path (Sql) throws pg's DatabaseError itself.
  return (error instanceof QueryFailedError || error instanceof DatabaseError) && typeof code === 'string' && code.startsWith('22');
}
