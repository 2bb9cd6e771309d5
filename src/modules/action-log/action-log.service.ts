import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { ValidationFailed } from '../../common/errors/api-error';
import { fieldError } from '../../common/errors/field-errors';
import { Clock } from '../../common/time/clock';
import { APP_CONFIG } from '../../config/app-config';
import type { AppConfig } from '../../config/app-config';
import { TransactionRunner } from '../../database/transaction-runner';
import type { Tx } from '../../database/transaction-runner';
import { RelationService } from '../contacts/relation.service';
import { CustomerService } from '../customer/customer.service';
import type { CustomerProfile } from '../customer/customer.service';
import type { RadarTimelineQueryDto } from './dto/radar-query.dto';
import type { RecordActionDto } from './dto/record-action.dto';
import { RadarActionEntity } from './entities/radar-action.entity';
import { dayStartSql } from './local-days';
import { pageOf } from '../../common/pagination/pagination';
import { radarActionKind, standardRemark } from './radar-actions';
import { customerFace, mapRadarItem, RadarEntry } from './radar-item';
import { RadarActionInput, RadarActionRecorder } from './radar-ports';

export interface RecordedAction {
  id: number;
  /** True when an identical action within the dedupe window was found and nothing was stored. */
  deduplicated: boolean;
}

/** Longest target text kept (the HTTP route validates; port callers such as Chat pass free text). */
const MAX_TARGET_LENGTH = 200;

/** Empty or whitespace-only text means "no target"; NULs (which PostgreSQL text refuses) are dropped. */
function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\u0000/g, '').trim().slice(0, MAX_TARGET_LENGTH);
  return text ? text : null;
}

/**
 * The radar log: records customer actions (from the customer's pages and, through the
 * RadarActionRecorder port, from other modules such as Chat) and reads the rep's timeline.
 */
@Injectable()
export class ActionLogService implements RadarActionRecorder {
  constructor(
    @InjectRepository(RadarActionEntity) private readonly actions: Repository<RadarActionEntity>,
    private readonly relations: RelationService,
    private readonly customers: CustomerService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** POST action/record/0: the signed-in customer did something on rep `u_id`'s pages. */
  async recordFromCustomer(customer: Principal, body: RecordActionDto): Promise<RecordedAction> {
    // Read before the transaction so it never waits for a second pool connection while holding one.
    const profile = await this.customers.findCustomer(customer.companyId, customer.id);
    return this.transactions.run((tx) =>
      this.recordAction(
        tx,
        { companyId: customer.companyId, repId: body.u_id, customerId: customer.id, action: body.action, productName: body.product_name, articleId: body.article_id, title: body.title },
        profile,
      ),
    );
  }

  /** RadarActionRecorder port (e.g. Chat's product inquiry, action 7) inside the caller's transaction. */
  async record(tx: Tx, input: RadarActionInput): Promise<void> {
    // Inside the caller's transaction: read through its connection, never a second one.
    const profile = await this.customers.findCustomer(input.companyId, input.customerId, tx.manager);
    await this.recordAction(tx, input, profile);
  }

  /**
   * Stores the action with its standard remark unless the same customer did the same action
   * on the same target for the same rep within RADAR_DEDUPE_SECONDS; moves last_activity_at
   * and queues `radar.action` for the rep (sent after commit). 307 without a relation.
   */
  async recordAction(tx: Tx, input: RadarActionInput, profile: CustomerProfile | null): Promise<RecordedAction> {
    if (!radarActionKind(input.action)) throw new ValidationFailed(fieldError('action', 'invalid'));
    const relation = await this.relations.require({ companyId: input.companyId, repId: input.repId, customerId: input.customerId }, tx.manager);
    const target = { productName: clean(input.productName), articleId: input.articleId ?? null, title: clean(input.title) };
    const now = this.clock.now();

    // Lock order: the relation row first (touchActivity's UPDATE), then the dedupe key. A
    // caller that already touched the relation in its transaction (Chat) holds that row lock
    // already, so every path takes the two locks in the same order (no deadlock).
    await this.relations.touchActivity(tx.manager, relation.id, now);
    const duplicate = await this.findRecentDuplicate(tx, input, target, now);
    if (duplicate !== undefined) return { id: duplicate, deduplicated: true };

    const remark = standardRemark(input.action, target);
    const [row] = await tx.manager.query(
      `INSERT INTO radar_action (company_id, rep_id, customer_id, action, product_name, article_id, title, remark, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [input.companyId, input.repId, input.customerId, input.action, target.productName, target.articleId, target.title, remark, now],
    );

    const face = customerFace(input.customerId, profile, relation.memoName);
    const entry: RadarEntry = { id: row.id, repId: input.repId, customerId: input.customerId, action: input.action, remark, createdAt: now, ...face };
    tx.publish({ to: { role: 'rep', id: input.repId }, event: 'radar.action', data: mapRadarItem(entry, this.clock) });
    return { id: row.id, deduplicated: false };
  }

  /**
   * Serialises identical actions with a transaction-scoped advisory lock on the dedupe key,
   * then looks for one inside the window: two concurrent identical requests store one row
   * (the second waits for the first to commit and then sees its row).
   */
  private async findRecentDuplicate(
    tx: Tx,
    input: RadarActionInput,
    target: { productName: string | null; articleId: number | null; title: string | null },
    now: Date,
  ): Promise<number | undefined> {
    const windowSeconds = this.config.radarDedupeSeconds;
    if (windowSeconds <= 0) return undefined;
    const key = JSON.stringify(['radar', input.companyId, input.repId, input.customerId, input.action, target.productName, target.articleId, target.title]);
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
    const [row] = await tx.manager.query(
      `SELECT id FROM radar_action
        WHERE company_id = $1 AND rep_id = $2 AND customer_id = $3 AND action = $4
          AND product_name IS NOT DISTINCT FROM $5 AND article_id IS NOT DISTINCT FROM $6 AND title IS NOT DISTINCT FROM $7
          AND created_at > $8::timestamptz - make_interval(secs => $9)
        ORDER BY created_at DESC, id DESC LIMIT 1`,
      [input.companyId, input.repId, input.customerId, input.action, target.productName, target.articleId, target.title, now, windowSeconds],
    );
    return row?.id;
  }

  /** GET action/time: the rep's timeline, newest first; the returned rows become seen. */
  async timeline(rep: Principal, query: RadarTimelineQueryDto): Promise<{ items: RadarEntry[]; total: number }> {
    const qb = this.actions
      .createQueryBuilder('a')
      .where('a.company_id = :companyId AND a.rep_id = :repId', { companyId: rep.companyId, repId: rep.id, tz: this.clock.timeZone });
    if (query.customer_id !== undefined) qb.andWhere('a.customer_id = :customerId', { customerId: query.customer_id });
    if (query.action !== undefined) qb.andWhere('a.action = :action', { action: query.action });
    if (query.create_date__gte) qb.andWhere(`a.created_at >= ${dayStartSql(':gte', ':tz')}`, { gte: query.create_date__gte });
    if (query.create_date__lt) qb.andWhere(`a.created_at < ${dayStartSql(':lt', ':tz')}`, { lt: query.create_date__lt });

    const page = pageOf(query, 10);
    const [rows, total] = await qb.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').skip(page.offset).take(page.limit).getManyAndCount();
    if (!rows.length) return { items: [], total };

    const customerIds = [...new Set(rows.map((r) => r.customerId))];
    const [profiles, relations] = await Promise.all([
      this.customers.findCustomers(rep.companyId, customerIds),
      this.relations.findForRep(rep.companyId, rep.id, customerIds),
    ]);
    await this.markSeen(rep, rows.filter((r) => !r.seen).map((r) => r.id));
    const items = rows.map((r) => ({
      id: r.id,
      repId: r.repId,
      customerId: r.customerId,
      action: r.action,
      remark: r.remark,
      createdAt: r.createdAt,
      ...customerFace(r.customerId, profiles.get(r.customerId), relations.get(r.customerId)?.memoName),
    }));
    return { items, total };
  }

  private async markSeen(rep: Principal, ids: number[]): Promise<void> {
    if (!ids.length) return;
    await this.actions.query(`UPDATE radar_action SET seen = true WHERE company_id = $1 AND rep_id = $2 AND id = ANY($3::int[]) AND NOT seen`, [
      rep.companyId,
      rep.id,
      ids,
    ]);
  }
}
