import { Page, pageOf, PageQueryDto } from '../../common/pagination/pagination';

/** Past any table this module holds; a larger offset only risks a bigint overflow in SQL. */
const MAX_OFFSET = 2 ** 31;

/** pageOf with the offset bounded: a page far past the end is simply empty, never an error. */
export function radarPage(query: PageQueryDto, defaultLength: number): Page {
  const page = pageOf(query, defaultLength);
  return { limit: page.limit, offset: Math.min(page.offset, MAX_OFFSET) };
}
