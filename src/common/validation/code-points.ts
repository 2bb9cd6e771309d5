import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Text lengths in Unicode code points, as PostgreSQL's char_length counts them. class-validator's
 * MaxLength does not ("❤️" is two code points, U+2764 U+FE0F, but one for validator.js), so a
 * value it accepts could break a CHECK constraint: every length limit of the API uses these.
 */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The first `max` code points of `text`: never cuts a surrogate pair in half. */
export function truncateCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  let n = 0;
  for (const ch of text) {
    if (n++ === max) break;
    out += ch;
  }
  return out;
}

/**
 * At most `max` code points (non-strings pass: IsString reports them). Reported as `maxLength`
 * (the field error code `too_long`) and documented as the schema's maxLength.
 */
export const MaxChars = (max: number, options?: ValidationOptions) =>
  applyDecorators(
    ApiProperty({ maxLength: max }),
    ValidateBy(
      {
        name: 'maxLength',
        constraints: [max],
        validator: {
          validate: (value: unknown) => typeof value !== 'string' || codePointLength(value) <= max,
          defaultMessage: () => `at most ${max} characters`,
        },
      },
      options,
    ),
  );
