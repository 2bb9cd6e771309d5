/** How a customer reached the rep (relation.source, API.md §6.1). */
export const CUSTOMER_SOURCES = [1, 2, 3, 4] as const;

const SOURCE_TEXT: Record<number, string> = {
  1: '扫码',
  2: '转发',
  3: '搜索',
  4: '公众号文章',
};

/** The Chinese label of a source code ('' for a code outside the catalogue). */
export function sourceText(source: number): string {
  return SOURCE_TEXT[source] ?? '';
}
