import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Errors, ValidationFailed } from '../../common/errors/api-error';
import { fieldError } from '../../common/errors/field-errors';
import { customerDisplayName } from '../contacts/customer-display-name';
import type { Page } from '../../common/pagination/pagination';
import { TransactionRunner } from '../../database/transaction-runner';
import { RelationService } from '../contacts/relation.service';
import { CustomerTagEntity } from './entities/customer-tag.entity';
import { TagEntity } from './entities/tag.entity';

/** Advisory-lock namespace for "the tags of one customer are being replaced". */
const CUSTOMER_TAGS_LOCK = 0x7461_6773; // 'tags'

/** A tag and the rep's customers who carry it (tag_customer). */
export interface TagGroupOfCustomers {
  id: number;
  name: string;
  customers: { id: number; headimgurl: string; displayName: string }[];
}

/**
 * The company's tags carried by the rep's related customers, with those customers ($1 company,
 * $2 rep, $3 tag id or null, $4 name substring or null). Reads relation and customer (Contacts,
 * Customer) read-only, by key.
 */
const TAGS_WITH_CUSTOMERS = `SELECT t.id, t.name, cu.id AS "customerId", cu.username, cu.headimgurl, r.memo_name AS "memoName"
FROM tag t
JOIN customer_tag ct ON ct.company_id = t.company_id AND ct.tag_id = t.id
JOIN relation r ON r.company_id = t.company_id AND r.rep_id = $2 AND r.customer_id = ct.customer_id
JOIN customer cu ON cu.company_id = t.company_id AND cu.id = ct.customer_id
WHERE t.company_id = $1 AND ($3::int IS NULL OR t.id = $3) AND ($4::text IS NULL OR strpos(t.name, $4) > 0)
ORDER BY t.id, cu.id`;

/** The company's tag of that name, created if missing (a concurrent creation is reused, not an error). */
async function upsertTag(manager: EntityManager, companyId: number, name: string): Promise<{ id: number; name: string }> {
  const [tag] = await manager.query(
    `INSERT INTO tag (company_id, name) VALUES ($1, $2)
     ON CONFLICT (company_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id, name`,
    [companyId, name],
  );
  return tag;
}

export interface TagChoice {
  id: number;
  name: string;
  selected: boolean;
}

/**
 * Company-wide customer tags (API.md §6.7). A rep changes a customer's tags only when related
 * to the customer (307 otherwise); a tag id outside the caller's company is 301.
 */
@Injectable()
export class TagService {
  constructor(
    @InjectRepository(TagEntity) private readonly tags: Repository<TagEntity>,
    private readonly relations: RelationService,
    private readonly tx: TransactionRunner,
  ) {}

  /** Names of the customer's tags, in tag id order. */
  async namesOf(companyId: number, customerId: number): Promise<string[]> {
    const rows = await this.tags
      .createQueryBuilder('t')
      .innerJoin(CustomerTagEntity, 'ct', 'ct.company_id = t.company_id AND ct.tag_id = t.id')
      .where('t.company_id = :companyId AND ct.customer_id = :customerId', { companyId, customerId })
      .orderBy('t.id', 'ASC')
      .getMany();
    return rows.map((t) => t.name);
  }

  /** The company's tags, each marked when the customer carries it. */
  async choicesFor(companyId: number, repId: number, customerId: number, page: Page): Promise<{ items: TagChoice[]; total: number }> {
    await this.relations.require({ companyId, repId, customerId });
    const qb = this.tags
      .createQueryBuilder('t')
      .leftJoin(CustomerTagEntity, 'ct', 'ct.company_id = t.company_id AND ct.tag_id = t.id AND ct.customer_id = :customerId', { customerId })
      .select('t.id', 'id')
      .addSelect('t.name', 'name')
      .addSelect('ct.tag_id IS NOT NULL', 'selected')
      .where('t.company_id = :companyId', { companyId })
      .orderBy('t.id', 'ASC')
      .offset(page.offset)
      .limit(page.limit);
    const [rows, total] = await Promise.all([qb.getRawMany<{ id: number; name: string; selected: boolean }>(), this.tags.count({ where: { companyId } })]);
    return { items: rows.map((r) => ({ id: r.id, name: r.name, selected: r.selected })), total };
  }

  /** Replaces the customer's tags; all ids must be tags of the company, else 301 and no change. */
  async replace(companyId: number, repId: number, customerId: number, tagIds: number[]): Promise<void> {
    const ids = [...new Set(tagIds)];
    await this.tx.run(async ({ manager }) => {
      await this.relations.require({ companyId, repId, customerId }, manager);
      // Two reps replacing the same customer's tags at once must not end with the union of both.
      await manager.query(`SELECT pg_advisory_xact_lock($1::int, $2::int)`, [CUSTOMER_TAGS_LOCK, customerId]);
      if (ids.length) {
        const found = await manager.query(`SELECT count(*)::int AS n FROM tag WHERE company_id = $1 AND id = ANY($2::int[])`, [companyId, ids]);
        if (found[0].n !== ids.length) throw Errors.tagNotFound();
      }
      await manager.query(`DELETE FROM customer_tag WHERE company_id = $1 AND customer_id = $2 AND NOT (tag_id = ANY($3::int[]))`, [companyId, customerId, ids]);
      if (ids.length) {
        await manager.query(
          `INSERT INTO customer_tag (company_id, customer_id, tag_id) SELECT $1, $2, unnest($3::int[]) ON CONFLICT DO NOTHING`,
          [companyId, customerId, ids],
        );
      }
    });
  }

  /** Creates the tag (or reuses the company's tag of that name) and attaches it to the customer. */
  async addAndAttach(companyId: number, repId: number, customerId: number, name: string): Promise<{ id: number; name: string }> {
    return this.tx.run(async ({ manager }) => {
      await this.relations.require({ companyId, repId, customerId }, manager);
      // DO UPDATE (a no-op write) so RETURNING also yields the id of an existing tag.
      const tag = await upsertTag(manager, companyId, name);
      await manager.query(`INSERT INTO customer_tag (company_id, customer_id, tag_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        companyId,
        customerId,
        tag.id,
      ]);
      return { id: tag.id, name: tag.name };
    });
  }

  /**
   * tag_customer: the tags the rep's customers carry, each with those customers; the tags with
   * the most customers first (tag id as tie-breaker), as the legacy sorted them.
   */
  async tagsWithCustomers(companyId: number, repId: number, filter: { id?: number; name?: string } = {}): Promise<TagGroupOfCustomers[]> {
    const rows: { id: number; name: string; customerId: number; username: string; headimgurl: string; memoName: string | null }[] = await this.tags.query(
      TAGS_WITH_CUSTOMERS,
      [companyId, repId, filter.id ?? null, filter.name || null],
    );
    const groups = new Map<number, TagGroupOfCustomers>();
    for (const r of rows) {
      const group = groups.get(r.id) ?? { id: r.id, name: r.name, customers: [] };
      group.customers.push({ id: r.customerId, headimgurl: r.headimgurl, displayName: customerDisplayName(r.customerId, r.username, r.memoName) });
      groups.set(r.id, group);
    }
    return [...groups.values()].sort((a, b) => b.customers.length - a.customers.length || a.id - b.id);
  }

  /**
   * tag_customer/add: creates the tag (or reuses the company's tag of that name) and attaches it
   * to each customer. Every customer must be related to the rep (else field errors and no
   * change, the tag included); an empty list → 302.
   */
  async tagCustomers(companyId: number, repId: number, name: string, customerIds: number[]): Promise<void> {
    const ids = [...new Set(customerIds)];
    if (!ids.length) throw Errors.noTaggedCustomers();
    await this.tx.run(async ({ manager }) => {
      const related = await this.relations.findForRep(companyId, repId, ids, manager);
      if (related.size !== ids.length) throw new ValidationFailed(fieldError('customer_list', 'not_found', '客户不存在或不是您的客户。'));
      const tag = await upsertTag(manager, companyId, name);
      await manager.query(
        `INSERT INTO customer_tag (company_id, customer_id, tag_id) SELECT $1, unnest($2::int[]), $3 ON CONFLICT DO NOTHING`,
        [companyId, ids, tag.id],
      );
    });
  }
}
