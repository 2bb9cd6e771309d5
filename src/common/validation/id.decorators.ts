import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** Ids are PostgreSQL `integer`s: anything outside 1..2^31-1 is invalid input, not a 500. */
export const MAX_ID = 2_147_483_647;

/** A positive integer id (form strings converted), within the database's integer range. */
export const IsId = () => applyDecorators(Type(() => Number), IsInt(), Min(1), Max(MAX_ID, { context: { code: 'invalid' } }));
