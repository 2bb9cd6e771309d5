import { ValidationError } from 'class-validator';
import { FIELD_ERROR_MESSAGES, FieldErrorCode, FieldErrors } from '../errors/field-errors';

/** class-validator constraint name → legacy field error code. */
const CODE_BY_CONSTRAINT: Record<string, FieldErrorCode> = {
  isDefined: 'required',
  isNotEmpty: 'required',
  min: 'out_of_range',
  max: 'out_of_range',
  maxLength: 'too_long',
  arrayMaxSize: 'too_long',
};

const PRIORITY: FieldErrorCode[] = ['required', 'invalid', 'not_found', 'out_of_range', 'too_long'];

/**
 * Flattens class-validator errors into Django-shaped field errors. A decorator may pin the
 * code with `context: { code: 'not_found' }`; its `message` is used when it is Chinese text
 * written for this API, otherwise the standard message for the code.
 */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors) {
    const field = prefix + error.property;
    if (error.constraints) {
      // One error per field, like the legacy: the most basic failure wins (a missing value is
      // `required`, not also too long; a non-number is `invalid`, not also out of range).
      const failures = Object.entries(error.constraints).map(([name, text]) => {
        const pinned = error.contexts?.[name]?.code as FieldErrorCode | undefined;
        return { code: pinned ?? CODE_BY_CONSTRAINT[name] ?? 'invalid', text };
      });
      failures.sort((a, b) => PRIORITY.indexOf(a.code) - PRIORITY.indexOf(b.code));
      const { code, text } = failures[0];
      const message = /[\u4e00-\u9fff]/.test(text) ? text : FIELD_ERROR_MESSAGES[code];
      out[field] = [{ message, code }];
    }
    if (error.children?.length) Object.assign(out, toFieldErrors(error.children, `${field}.`));
  }
  return out;
}
