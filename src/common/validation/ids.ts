import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Ids are PostgreSQL `integer`: a larger number can match nothing and must not reach SQL. */
export const MAX_ID = 2 ** 31 - 1;

/**
 * A required id in a query, path or body (form values arrive as strings): missing → required,
 * not a whole number → invalid, outside 1..MAX_ID → out_of_range. Documented explicitly because
 * the Swagger plugin does not see rules inside a composed decorator.
 */
export const IsRequiredId = () =>
  applyDecorators(
    ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_ID }),
    IsDefined({ message: '这个字段是必填项。' }),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(MAX_ID),
  );

/** Message ids are PostgreSQL `bigint`, handled as JavaScript numbers up to 2^53 − 1. */
export const MAX_MESSAGE_ID = Number.MAX_SAFE_INTEGER;

/**
 * An optional message id that a client has already shown (resumable getmsg's `last_id`): 0 means
 * "from the start"; not a whole number → invalid, outside 0..MAX_MESSAGE_ID → out_of_range.
 */
export const IsOptionalShownMessageId = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_MESSAGE_ID, description, example: 0 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(0),
    Max(MAX_MESSAGE_ID),
  );

/** An optional id filter in a query: absent → no filter; otherwise as IsRequiredId. */
export const IsOptionalId = () =>
  applyDecorators(ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_ID, example: 1 }), IsOptional(), Type(() => Number), IsInt(), Min(1), Max(MAX_ID));
