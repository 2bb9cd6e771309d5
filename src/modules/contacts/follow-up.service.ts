import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import type { Page } from '../../common/pagination/pagination';
import { FollowUpEntity } from './entities/follow-up.entity';
import type { RelationEntity } from './entities/relation.entity';
import { CompanyService } from '../company/company.service';
import { CustomerService } from '../customer/customer.service';
import { RelationService } from './relation.service';

export interface FollowUpNote {
  id: number;
  repId: number;
  customerId: number;
  content: string;
  createdAt: Date;
}

/** The two faces a legacy follow-up item shows: the customer's avatar and the rep's. */
export interface FollowUpFaces {
  customerHeadimgurl: string;
  repAvatar: string;
}

export interface FollowUpPage {
  items: FollowUpNote[];
  total: number;
  faces: FollowUpFaces;
}

/**
 * A rep's follow-up notes on a customer (API.md §6.2). Every note also moves the relation's
 * `last_follow_at`; the customer-update endpoints write their notes through `addInTx`.
 */
@Injectable()
export class FollowUpService {
  constructor(
    @InjectRepository(FollowUpEntity) private readonly notes: Repository<FollowUpEntity>,
    private readonly relations: RelationService,
    private readonly customers: CustomerService,
    private readonly company: CompanyService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** The caller's notes on the customer, newest first; 307 without a relation. */
  async list(companyId: number, repId: number, customerId: number, page: Page): Promise<FollowUpPage> {
    const relation = await this.relations.require({ companyId, repId, customerId });
    const [[rows, total], customer, rep] = await Promise.all([
      this.notes.findAndCount({ where: { companyId, relationId: relation.id }, order: { createdAt: 'DESC', id: 'DESC' }, skip: page.offset, take: page.limit }),
      this.customers.findCustomer(companyId, customerId),
      this.company.findRep(companyId, repId),
    ]);
    const faces = { customerHeadimgurl: customer?.headimgurl ?? '', repAvatar: rep?.avatar ?? '' };
    return { items: rows.map((r) => toNote(r, relation)), total, faces };
  }

  /** Adds a note written by the rep; 307 without a relation. */
  async add(companyId: number, repId: number, customerId: number, content: string): Promise<FollowUpNote> {
    return this.tx.run(async ({ manager }) => {
      const relation = await this.relations.require({ companyId, repId, customerId }, manager);
      return this.addInTx(manager, relation, content);
    });
  }

  /** Adds a note inside the caller's transaction and marks the relation as followed up now. */
  async addInTx(manager: EntityManager, relation: RelationEntity, content: string): Promise<FollowUpNote> {
    const now = this.clock.now();
    const row = await manager.getRepository(FollowUpEntity).save({ companyId: relation.companyId, relationId: relation.id, content, createdAt: now });
    await this.relations.touchFollow(manager, relation.id, now);
    return toNote(row, relation);
  }
}

function toNote(row: FollowUpEntity, relation: RelationEntity): FollowUpNote {
  return { id: row.id, repId: relation.repId, customerId: relation.customerId, content: row.content, createdAt: row.createdAt };
}
