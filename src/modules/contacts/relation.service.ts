import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Errors } from '../../common/errors/api-error';
import { statement, txRows } from '../../database/sql';
import { RelationEntity } from './entities/relation.entity';

const TOUCH_FOLLOW = statement('relation_touch_follow', `UPDATE relation SET last_follow_at = GREATEST(COALESCE(last_follow_at, $2), $2) WHERE id = $1`);
const ARTICLE_EXISTS = statement('article_exists', `SELECT 1 FROM article WHERE company_id = $1 AND id = $2`);
const TOUCH_ACTIVITY = statement('relation_touch_activity', `UPDATE relation SET last_activity_at = GREATEST(COALESCE(last_activity_at, $2), $2) WHERE id = $1`);

/** The rep's private notes about a customer; undefined = unchanged, null = cleared. */
export interface RelationMemoPatch {
  memoName?: string | null;
  memoSex?: number | null;
  phone?: string | null;
  email?: string | null;
  companyName?: string | null;
  jobPosition?: string | null;
  address?: string | null;
  /** `YYYY-MM-DD`. */
  birthday?: string | null;
  mem?: string | null;
}

export interface RelationKey {
  companyId: number;
  repId: number;
  customerId: number;
}

/**
 * Rep × customer relations: whether a rep and a customer may talk, and the two timestamps
 * that other modules move (API.md §6.2). Other modules use this service, never the table.
 */
@Injectable()
export class RelationService {
  constructor(@InjectRepository(RelationEntity) private readonly relations: Repository<RelationEntity>) {}

  find(key: RelationKey, manager?: EntityManager): Promise<RelationEntity | null> {
    const repo = manager ? manager.getRepository(RelationEntity) : this.relations;
    return repo.findOne({ where: { companyId: key.companyId, repId: key.repId, customerId: key.customerId } });
  }

  /** The relation, or 307 `用户-客户关系不存在` when there is none in the caller's company. */
  async require(key: RelationKey, manager?: EntityManager): Promise<RelationEntity> {
    const relation = await this.find(key, manager);
    if (!relation) throw Errors.noRelation();
    return relation;
  }

  /** Relations of one rep with several customers, keyed by customer id. */
  async findForRep(companyId: number, repId: number, customerIds: number[], manager?: EntityManager): Promise<Map<number, RelationEntity>> {
    if (!customerIds.length) return new Map();
    const repo = manager ? manager.getRepository(RelationEntity) : this.relations;
    const rows = await repo.find({ where: { companyId, repId, customerId: In([...new Set(customerIds)]) } });
    return new Map(rows.map((r) => [r.customerId, r]));
  }

  /** Whether an article of this company has that id (articles are per company, like everything a caller names). */
  async articleExists(manager: EntityManager, companyId: number, articleId: number): Promise<boolean> {
    return (await txRows(manager, ARTICLE_EXISTS, [companyId, articleId])).length > 0;
  }

  /** A rep follow-up happened (chat message, note, expected time/probability update). */
  async touchFollow(manager: EntityManager, relationId: number, at: Date = new Date()): Promise<void> {
    await txRows(manager, TOUCH_FOLLOW, [relationId, at]);
  }

  /** A customer did something (chat message, recorded radar action). */
  async touchActivity(manager: EntityManager, relationId: number, at: Date = new Date()): Promise<void> {
    await txRows(manager, TOUCH_ACTIVITY, [relationId, at]);
  }

  /** Writes the rep's memo fields of one relation (only the keys that are present). */
  async updateMemo(manager: EntityManager, relationId: number, patch: RelationMemoPatch): Promise<void> {
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length) await manager.getRepository(RelationEntity).update({ id: relationId }, set);
  }

  /** Expected close date `YYYY-MM-DD`, or null to clear it. */
  async setExpectedTime(manager: EntityManager, relationId: number, date: string | null): Promise<void> {
    await manager.getRepository(RelationEntity).update({ id: relationId }, { expectedTime: date });
  }

  /** Expected close probability 0..100. */
  async setExpectedPr(manager: EntityManager, relationId: number, pr: number): Promise<void> {
    await manager.getRepository(RelationEntity).update({ id: relationId }, { expectedPr: pr });
  }
}
