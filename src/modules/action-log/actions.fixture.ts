import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FixtureSection, FixtureSectionHandler } from '../seed/fixture-section';
import { FixtureError, readRecord, where } from '../seed/fixture-schema';
import { radarActionKind, standardRemark } from './radar-actions';

interface ActionRecord {
  rep_id: number;
  customer_id: number;
  action: number;
  /** Default: the standard remark of the action (with its target). */
  remark?: string | null;
  /** Required: with rep, customer and action it identifies the row, so loading twice changes nothing. */
  create_date: string;
  product_name?: string | null;
  article_id?: number | null;
  title?: string | null;
}

/** The fixture's `actions` section (API.md §9, docs/fixtures.md): radar rows. */
@FixtureSection()
@Injectable()
export class ActionsFixture implements FixtureSectionHandler<ActionRecord> {
  readonly section = 'actions';
  readonly order = 90;

  validate(records: unknown[]): ActionRecord[] {
    return records.map((r, i) => {
      const rec = readRecord<ActionRecord>(this.section, i, r, {
        rep_id: 'id',
        customer_id: 'id',
        action: 'id',
        remark: 'string?',
        create_date: 'datetime?',
        product_name: 'string?',
        article_id: 'id?',
        title: 'string?',
      });
      const what = where(this.section, i, rec);
      if (!radarActionKind(rec.action)) throw new FixtureError(`${what}: "action" ${rec.action} is not a radar action code (see docs/radar-actions.md)`);
      if (rec.create_date == null) throw new FixtureError(`${what}: "create_date" is required (an ISO 8601 date-time)`);
      return rec;
    });
  }

  async load(manager: EntityManager, records: ActionRecord[]): Promise<void> {
    for (const [i, r] of records.entries()) {
      const what = where(this.section, i, r);
      const [relation] = await manager.query(`SELECT company_id FROM relation WHERE rep_id = $1 AND customer_id = $2`, [r.rep_id, r.customer_id]);
      if (!relation) throw new FixtureError(`${what}: rep ${r.rep_id} and customer ${r.customer_id} have no relation (add it to "relations")`);
      const target = [r.product_name ?? null, r.article_id ?? null, r.title ?? null];
      const remark = r.remark ?? standardRemark(r.action, { productName: r.product_name, title: r.title });
      const key = [relation.company_id, r.rep_id, r.customer_id, r.action, r.create_date];
      const [existing] = await manager.query(
        `SELECT id FROM radar_action WHERE company_id = $1 AND rep_id = $2 AND customer_id = $3 AND action = $4 AND created_at = $5::timestamptz`,
        key,
      );
      if (existing) {
        await manager.query(`UPDATE radar_action SET remark = $2, product_name = $3, article_id = $4, title = $5 WHERE id = $1`, [existing.id, remark, ...target]);
        continue;
      }
      await manager.query(
        `INSERT INTO radar_action (company_id, rep_id, customer_id, action, created_at, remark, product_name, article_id, title)
         VALUES ($1, $2, $3, $4, $5::timestamptz, $6, $7, $8, $9)`,
        [...key, remark, ...target],
      );
    }
  }
}
