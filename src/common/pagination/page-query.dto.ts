import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** "All" (length=0) is capped so one request can never pull an unbounded list. */
export const MAX_ALL_LENGTH = 1000;
export const MAX_PAGE_LENGTH = 100;
/** Offsets are bounded: a page far past the end is simply empty, never an SQL overflow. */
export const MAX_OFFSET = 2 ** 31;

/** `current_page` / `length` query parameters shared by every legacy list (API.md §3). */
export class PageQueryDto {
  /** Page number, from 1. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @ApiPropertyOptional({ example: 1 })
  current_page?: number;

  /** Items per page (1..100); 0 means all (at most 1000). The default depends on the endpoint. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_LENGTH)
  @ApiPropertyOptional({ example: 10 })
  length?: number;
}
