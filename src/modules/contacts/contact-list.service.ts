import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Errors } from '../../common/errors/api-error';
import { applyStableOrder, parseOrder } from '../../common/pagination/ordering';
import type { Page } from '../../common/pagination/pagination';
import { CustomerService } from '../customer/customer.service';
import { DEFAULT_CONTACT_ORDER } from './dto/contact-list-query.dto';
import { ArticleEntity } from './entities/article.entity';
import { RelationEntity } from './entities/relation.entity';

/** Wire order name → relation column (each has its index, see the Contacts migration). */
const ORDER_COLUMNS: Record<string, string> = {
  expedted_pr: 'r.expected_pr',
  last_follow_time: 'r.last_follow_at',
  last_activity_time: 'r.last_activity_at',
  create_date: 'r.created_at',
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
 * The rep's contact list (通讯录, API.md §6.1). A page costs a constant number of queries:
 * relations (page + count), then their customers and articles in one batch each.
 */
@Injectable()
export class ContactListService {
  constructor(
    @InjectRepository(RelationEntity) private readonly relations: Repository<RelationEntity>,
    @InjectRepository(ArticleEntity) private readonly articles: Repository<ArticleEntity>,
    private readonly customers: CustomerService,
  ) {}

  /** A page of the rep's customers and the total; 302 `没有数据` when there are none. */
  async list(companyId: number, repId: number, filter: ContactListFilter, page: Page): Promise<{ rows: ContactRow[]; total: number }> {
    const order = parseOrder(filter.order ?? DEFAULT_CONTACT_ORDER, ORDER_COLUMNS);
    // The DTO already restricts `order` to the whitelist; this guards direct callers.
    if (!order) throw new Error(`unsupported contact order ${filter.order}`);
    const qb = this.relations
      .createQueryBuilder('r')
      .where('r.company_id = :companyId AND r.rep_id = :repId', { companyId, repId });
    if (filter.source !== undefined) qb.andWhere('r.source = :source', { source: filter.source });
    applyStableOrder(qb, [order], 'r.id').offset(page.offset).limit(page.limit);
    const [relations, total] = await qb.getManyAndCount();
    if (total === 0) throw Errors.noData();

    const [customers, articles] = await Promise.all([
      this.customers.findCustomers(companyId, relations.map((r) => r.customerId)),
      this.findArticles(companyId, relations.map((r) => r.articleId).filter((id): id is number => id !== null)),
    ]);
    const rows = relations.map((r): ContactRow => {
      const customer = customers.get(r.customerId);
      return {
        customerId: r.customerId,
        nickname: customer?.username ?? '',
        headimgurl: customer?.headimgurl ?? '',
        memoName: r.memoName,
        expectedTime: r.expectedTime,
        expectedPr: r.expectedPr,
        source: r.source,
        lastFollowAt: r.lastFollowAt,
        lastActivityAt: r.lastActivityAt,
        articleId: r.articleId,
        title: r.articleId !== null ? (articles.get(r.articleId) ?? null) : null,
      };
    });
    return { rows, total };
  }

  /** Article titles by id (within the company). */
  async findArticles(companyId: number, ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.articles.find({ where: { companyId, id: In([...new Set(ids)]) } });
    return new Map(rows.map((a) => [a.id, a.title]));
  }
}
