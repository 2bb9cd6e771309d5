import { Injectable } from '@nestjs/common';
import { Errors } from '../../common/errors/api-error';
import { OrderTerm, parseOrder } from '../../common/pagination/ordering';
import type { Page } from '../../common/pagination/pagination';
import { Sql } from '../../database/sql';
import { DEFAULT_CONTACT_ORDER } from './dto/contact-list-query.dto';

/** Wire order name → relation column (each has its index, see the Contacts migration). */
const ORDER_COLUMNS: Record<string, string> = {
  expedted_pr: 'expected_pr',
  last_follow_time: 'last_follow_at',
  last_activity_time: 'last_activity_at',
  create_date: 'created_at',
};

export interface ContactListFilter {
  order?: string;
  source?: number;
}

/** Everything one contact-list row shows, before wire mapping. */
export interface ContactRow {
  customerId: number;
  nickname: string;
  headimgurl: string;
  memoName: string | null;
  expectedTime: string | null;
  expectedPr: number;
  source: number;
  lastFollowAt: Date | null;
  lastActivityAt: Date | null;
  articleId: number | null;
  title: string | null;
}

/**
 * One page of the rep's contacts with its total, in one statement: the total is the maintained
 * relation_total (Totals migration), the page walks the order's index (relation_list_*_idx) and
 * only the page's rows join their customer and article. The LATERAL page leaves one row with
 * the total and NULLs when the page is empty (a page past the end).
 */
function contactPageSql(order: OrderTerm, withSource: boolean): string {
  const orderBy = (column: string) => `${column} ${order.direction} NULLS LAST, id ${order.direction}`;
  const source = withSource ? ' AND source = $5' : '';
  return `SELECT t.total, p.*
FROM (SELECT COALESCE(sum(relations), 0)::int AS total FROM relation_total WHERE company_id = $1 AND rep_id = $2${source}) t
LEFT JOIN LATERAL (
  SELECT r.id, r.${order.column} AS sort_key, r.customer_id AS "customerId", COALESCE(cu.username, '') AS nickname, COALESCE(cu.headimgurl, '') AS headimgurl,
         r.memo_name AS "memoName", r.expected_time AS "expectedTime", r.expected_pr AS "expectedPr", r.source,
         r.last_follow_at AS "lastFollowAt", r.last_activity_at AS "lastActivityAt", r.article_id AS "articleId", a.title
  FROM (SELECT * FROM relation WHERE company_id = $1 AND rep_id = $2${source} ORDER BY ${orderBy(order.column)} LIMIT $3 OFFSET $4) r
  LEFT JOIN customer cu ON cu.id = r.customer_id AND cu.company_id = r.company_id
  LEFT JOIN article a ON a.id = r.article_id AND a.company_id = r.company_id
) p ON true
ORDER BY ${orderBy('sort_key')}`;
}

/**
 * The rep's contact list (通讯录, API.md §6.1): one statement per page (see contactPageSql).
 * It reads the customer table (Customer module) read-only by key for the page's names.
 */
@Injectable()
export class ContactListService {
  constructor(private readonly sql: Sql) {}

  /** A page of the rep's customers and the total; 302 `没有数据` when there are none. */
  async list(companyId: number, repId: number, filter: ContactListFilter, page: Page): Promise<{ rows: ContactRow[]; total: number }> {
    const order = parseOrder(filter.order ?? DEFAULT_CONTACT_ORDER, ORDER_COLUMNS);
    // The DTO already restricts `order` to the whitelist; this guards direct callers.
    if (!order) throw new Error(`unsupported contact order ${filter.order}`);
    const withSource = filter.source !== undefined;
    const params = [companyId, repId, page.limit, page.offset, ...(withSource ? [filter.source] : [])];
    const result = await this.sql.rows<ContactRow & { id: number | null; sort_key: unknown; total: number }>(contactPageSql(order, withSource), params);
    const total = result[0]?.total ?? 0;
    if (total === 0) throw Errors.noData();
    const rows = result[0].id === null ? [] : result.map(({ id: _id, sort_key: _key, total: _total, ...row }) => row);
    return { rows, total };
  }
}
