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
