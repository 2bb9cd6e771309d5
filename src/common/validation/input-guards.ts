import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { FieldErrors } from '../errors/field-errors';

/**
 * How deep a request's JSON may nest. No endpoint takes more than an object inside a field
 * (chat `content`); a deeper body is refused before anything walks it recursively (the
 * validators do), so a body that nests thousands of levels is a 402, never a stack overflow.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * Input the database or the validators cannot take, found in one iterative walk (no recursion,
 * whatever the nesting): NUL characters (PostgreSQL cannot store them in text), reported per
 * field, and nesting deeper than MAX_INPUT_DEPTH, reported on the field where it starts.
 */
export function unsafeInputErrors(...sources: unknown[]): FieldErrors | undefined {
  const errors: FieldErrors = {};
  const stack: { value: unknown; path: string; depth: number }[] = sources.map((value) => ({ value, path: '', depth: 0 }));
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) errors[path || 'body'] = [{ message: '不能包含空字符。', code: 'invalid' }];
    } else if (value && typeof value === 'object') {
      if (depth >= MAX_INPUT_DEPTH) {
        const field = path.split('.')[0] || 'body';
        errors[field] = [{ message: `嵌套层级超过 ${MAX_INPUT_DEPTH} 层。`, code: 'invalid' }];
        continue;
      }
      for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: path ? `${path}.${k}` : k, depth: depth + 1 });
    }
  }
  return Object.keys(errors).length ? errors : undefined;
}

/**
 * Safety net: input that validation let through but PostgreSQL refused is still bad input, so
 * it gets the route's validation envelope rather than a 500: a data exception (SQLSTATE class
 * 22: a value out of range, malformed or too long for its column) or an integrity constraint
 * violation (class 23: a CHECK, a foreign key to a row that does not exist). Expected conflicts
 * (a unique key raced by a retry) are handled where they happen and never reach this.
 */
export function isRefusedInput(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown } })?.driverError?.code ?? (error as { code?: unknown })?.code;
  // TypeORM wraps driver errors; the plain SQL path (Sql) throws pg's DatabaseError itself.
  return (error instanceof QueryFailedError || error instanceof DatabaseError) && typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}
