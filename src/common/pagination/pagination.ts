import { MAX_ALL_LENGTH, MAX_OFFSET, PageQueryDto } from './page-query.dto';

export { MAX_ALL_LENGTH, MAX_OFFSET, MAX_PAGE_LENGTH, PageQueryDto } from './page-query.dto';

export interface Page {
  offset: number;
  limit: number;
}

export function pageOf(query: PageQueryDto, defaultLength: number): Page {
  const length = query.length ?? defaultLength;
  const page = query.current_page ?? 1;
  if (length === 0) return { offset: 0, limit: MAX_ALL_LENGTH };
  return { offset: Math.min((page - 1) * length, MAX_OFFSET), limit: length };
}
