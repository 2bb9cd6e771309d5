import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface OrderTerm {
  /** A column expression the caller controls (never user input). */
  column: string;
  direction: 'ASC' | 'DESC';
}

/**
 * Parses a legacy `order` parameter (`-field` = descending) against a whitelist mapping the
 * wire name to a column expression. Undefined for anything not on the list.
 */
export function parseOrder(value: string, whitelist: Record<string, string>): OrderTerm | undefined {
  const descending = value.startsWith('-');
  const name = descending ? value.slice(1) : value;
  if (!Object.hasOwn(whitelist, name)) return undefined;
  return { column: whitelist[name], direction: descending ? 'DESC' : 'ASC' };
}

/**
 * Applies an ordering that is total and stable for paging: NULLs last in either direction,
 * then the row id (same direction as the first term) as the tie-breaker (API.md §3).
 */
export function applyStableOrder<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  terms: OrderTerm[],
  idColumn: string,
): SelectQueryBuilder<T> {
  terms.forEach((term, i) => {
    if (i === 0) qb.orderBy(term.column, term.direction, 'NULLS LAST');
    else qb.addOrderBy(term.column, term.direction, 'NULLS LAST');
  });
  const idDirection = terms[0]?.direction ?? 'DESC';
  return terms.length ? qb.addOrderBy(idColumn, idDirection) : qb.orderBy(idColumn, idDirection);
}
