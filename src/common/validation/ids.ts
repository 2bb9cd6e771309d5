import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, Max, Min } from 'class-validator';

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
