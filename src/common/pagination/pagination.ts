import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** "All" (length=0) is capped so one request can never pull an unbounded list. */
export const MAX_ALL_LENGTH = 1000;
export const MAX_PAGE_LENGTH = 100;
/** Keeps OFFSET a plain integer (a huge page number would render as 1e+21 in SQL: a 500). */
export const MAX_PAGE_NUMBER = 1_000_000;

/** `current_page` / `length` query parameters shared by every legacy list (API.md §3). */
export class PageQueryDto {
  // Explicit: the Swagger CLI plugin only reads *.dto.ts files, and every list inherits these.
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_NUMBER, default: 1, description: 'Page number, from 1.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_NUMBER)
  current_page?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_PAGE_LENGTH,
    description: 'Items per page (1..100); 0 means all (at most 1000). The default depends on the endpoint.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_LENGTH)
  length?: number;
}

export interface Page {
  offset: number;
  limit: number;
}

export function pageOf(query: PageQueryDto, defaultLength: number): Page {
  const length = query.length ?? defaultLength;
  const page = query.current_page ?? 1;
  if (length === 0) return { offset: 0, limit: MAX_ALL_LENGTH };
  return { offset: (page - 1) * length, limit: length };
}
