import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, Min } from 'class-validator';

/**
 * A required positive id (query or body; form values arrive as strings). Applied in this
 * order so the first failed rule, the one reported, is required → invalid → out_of_range.
 */
export const IdParam = () =>
  applyDecorators(ApiProperty({ type: 'integer', minimum: 1 }), IsDefined({ message: '这个字段是必填项。' }), Type(() => Number), IsInt(), Min(1));
