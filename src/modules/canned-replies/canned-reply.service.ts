import { Injectable } from '@nestjs/common';
import type { Page } from '../../common/pagination/pagination';
import { MAX_ALL_LENGTH } from '../../common/pagination/pagination';
import { parseOrder } from '../../common/pagination/ordering';
import { Sql } from '../../database/sql';
import type { ReplyOrder } from './dto/canned-reply.dto';

export interface ReplyGroup {
  id: number;
  name: string;
  ownerName: string;
  companyName: string;
  createdAt: Date;
}

export interface ReplyPhrase {
  id: number;
  content: string;
  sendCount: number;
  groupName: string;
  createdAt: Date;
}

export interface GroupFilter {
  id?: number;
  /** Substring of the group's name. */
  name?: string;
  order?: ReplyOrder;
}

export interface PhraseFilter {
  id?: number;
  /** Substring of the phrase's group's name. */
  groupName?: string;
  order?: ReplyOrder;
}

/** The legacy order (default newest first), read by the shared parser; the id breaks ties in the same direction. */
const direction = (order: ReplyOrder = '-createDate') => parseOrder(order, { createDate: 'created_at' })?.direction ?? 'DESC';

// Substrings with strpos: no LIKE wildcards to escape in what the user typed.
const GROUPS_WHERE = `g.company_id = $1 AND ($2::int IS NULL OR g.id = $2) AND ($3::text IS NULL OR strpos(g.name, $3) > 0)`;
const PHRASES_WHERE = `p.company_id = $1 AND ($2::int IS NULL OR p.id = $2) AND ($3::text IS NULL OR strpos(coalesce(g.name, ''), $3) > 0)`;

/**
 * Canned replies (话术库, issue 12): the company's groups and phrases, read-only here (the
 * legacy managed them from its admin back end). Scoped to the caller's company; the legacy
 * listed every company's rows.
 */
@Injectable()
export class CannedReplyService {
  constructor(private readonly sql: Sql) {}

  async groups(companyId: number, filter: GroupFilter, page: Page): Promise<{ items: ReplyGroup[]; total: number }> {
    const values = [companyId, filter.id ?? null, filter.name ?? null];
    const dir = direction(filter.order);
    const [items, count] = await Promise.all([
      this.sql.rows<ReplyGroup>(
        `SELECT g.id, g.name, g.owner_name AS "ownerName", c.name AS "companyName", g.created_at AS "createdAt"
           FROM reply_group g JOIN company c ON c.id = g.company_id
          WHERE ${GROUPS_WHERE}
          ORDER BY g.created_at ${dir}, g.id ${dir} OFFSET $4 LIMIT $5`,
        [...values, page.offset, page.limit],
      ),
      this.sql.one<{ n: number }>(`SELECT count(*)::int AS n FROM reply_group g WHERE ${GROUPS_WHERE}`, values),
    ]);
    return { items, total: count?.n ?? 0 };
  }

  /** All matching phrases (the legacy did not page them), the newest MAX_ALL_LENGTH at most. */
  async phrases(companyId: number, filter: PhraseFilter): Promise<{ items: ReplyPhrase[]; total: number }> {
    const values = [companyId, filter.id ?? null, filter.groupName ?? null];
    const dir = direction(filter.order);
    const from = `reply_phrase p LEFT JOIN reply_group g ON g.id = p.group_id`;
    const [items, count] = await Promise.all([
      this.sql.rows<ReplyPhrase>(
        `SELECT p.id, p.content, p.send_count AS "sendCount", coalesce(g.name, '') AS "groupName", p.created_at AS "createdAt"
           FROM ${from} WHERE ${PHRASES_WHERE}
          ORDER BY p.created_at ${dir}, p.id ${dir} LIMIT ${MAX_ALL_LENGTH}`,
        values,
      ),
      this.sql.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${from} WHERE ${PHRASES_WHERE}`, values),
    ]);
    return { items, total: count?.n ?? 0 };
  }
}
