import { registerDecorator, ValidationOptions } from 'class-validator';

const LEGACY_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * `YYYY-M-D` or `YYYY-MM-DD` (legacy front ends send `2018-06-1`) → `YYYY-MM-DD`, or null
 * when it is not a real calendar date.
 */
export function normalizeLegacyDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = LEGACY_DATE.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A calendar date as `YYYY-M-D` / `YYYY-MM-DD` (see normalizeLegacyDate). */
export function IsLegacyDate(options: ValidationOptions = {}) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isLegacyDate',
      target: object.constructor,
      propertyName,
      options: { message: '日期格式应为 YYYY-MM-DD。', ...options },
      validator: { validate: (value: unknown) => normalizeLegacyDate(value) !== null },
    });
}
