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
      // One error per field is what the legacy sent. class-validator lists constraints
      // bottom decorator first, so pick by severity instead: a missing value before a
      // malformed one before an out-of-range one (ties: the decorator written first).
      const failed = Object.entries(error.constraints).map(([name, text]) => {
        const pinned = error.contexts?.[name]?.code as FieldErrorCode | undefined;
        return { text, code: pinned ?? CODE_BY_CONSTRAINT[name] ?? 'invalid' };
      });
      const rank = (code: FieldErrorCode) => (code === 'required' ? 0 : code === 'invalid' ? 1 : 2);
      const { text, code } = failed.reverse().reduce((best, f) => (rank(f.code) < rank(best.code) ? f : best));
      const message = /[\u4e00-\u9fff]/.test(text) ? text : FIELD_ERROR_MESSAGES[code];
      out[field] = [{ message, code }];
    }
    if (error.children?.length) Object.assign(out, toFieldErrors(error.children, `${field}.`));
  }
  return out;
}
