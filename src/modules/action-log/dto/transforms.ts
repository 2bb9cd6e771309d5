import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { parseCalendarDate } from '../local-days';

export { MAX_ID } from '../../../common/validation/ids';

/**
 * Optional integer from a query string, a form field (strings) or JSON (numbers). An empty
 * string means "not given" (legacy pages send empty filters); anything else that is not a
 * whole number is kept as is so @IsInt reports it.
 */
export const OptionalInt = () =>
  Transform(({ obj, key }) => {
    const raw = (obj as Record<string, unknown>)[key];
    if (raw === undefined || raw === null || raw === '') return undefined;
    if (typeof raw === 'string' && /^\s*-?\d{1,10}\s*$/.test(raw)) return Number(raw);
    return raw;
  });

/** Optional text: trimmed, and an empty value means "not given". */
export const OptionalText = () =>
  Transform(({ value }) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  });

/** An optional calendar date `YYYY-MM-DD` (`YYYY-M-D` accepted), normalised; '' = not given. */
export const OptionalDate = () =>
  Transform(({ value }) => {
    if (value === undefined || value === null || value === '') return undefined;
    return typeof value === 'string' ? (parseCalendarDate(value) ?? value) : value;
  });

/** Validates a value normalised by OptionalDate: a real calendar date `YYYY-MM-DD`. */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: '请输入有效的日期（YYYY-MM-DD）。', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && parseCalendarDate(value) === value },
    });
}
