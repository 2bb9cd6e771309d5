import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FixtureSection, FixtureSectionHandler } from '../seed/fixture-section';
import { FixtureError, readRecord, where } from '../seed/fixture-schema';
import { bumpIdentity, requireInCompany, requireSameTenant } from '../seed/sections/sql';

interface ArticleRecord {
  id: number;
  company_id: number;
  title: string;
}

interface FollowLanguageRecord {
  id: number;
  company_id: number;
  /** Absent or null: a company-wide phrase. */
  rep_id?: number | null;
  language: string;
}

interface RelationRecord {
  rep_id: number;
  customer_id: number;
  source?: number | null;
  article_id?: number | null;
  superior_customer_id?: number | null;
  expected_time?: string | null;
  expedted_pr?: number | null;
  create_date?: string | null;
}

@FixtureSection()
@Injectable()
export class ArticlesFixture implements FixtureSectionHandler<ArticleRecord> {
  readonly section = 'articles';
  readonly order = 40;

  validate(records: unknown[]): ArticleRecord[] {
    return records.map((r, i) => readRecord<ArticleRecord>(this.section, i, r, { id: 'id', company_id: 'id', title: 'string' }));
  }

  async load(manager: EntityManager, records: ArticleRecord[]): Promise<void> {
    for (const [i, r] of records.entries()) {
      await requireSameTenant(manager, 'article', r.id, r.company_id, where(this.section, i, r));
      await manager.query(
        `INSERT INTO article (id, company_id, title) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title`,
        [r.id, r.company_id, r.title],
      );
    }
    await bumpIdentity(manager, 'article');
  }
}

@FixtureSection()
@Injectable()
export class RelationsFixture implements FixtureSectionHandler<RelationRecord> {
  readonly section = 'relations';
  readonly order = 50;

  validate(records: unknown[]): RelationRecord[] {
    return records.map((r, i) => {
      const rec = readRecord<RelationRecord>(this.section, i, r, {
        rep_id: 'id',
        customer_id: 'id',
        source: 'int?',
        article_id: 'id?',
        superior_customer_id: 'id?',
        expected_time: 'date?',
        expedted_pr: 'int?',
        create_date: 'datetime?',
      });
      if (rec.source != null && ![1, 2, 3, 4].includes(rec.source)) throw new FixtureError(`${where(this.section, i, rec)}: "source" must be 1..4`);
      if (rec.expedted_pr != null && (rec.expedted_pr < 0 || rec.expedted_pr > 100)) {
        throw new FixtureError(`${where(this.section, i, rec)}: "expedted_pr" must be 0..100`);
      }
      return rec;
    });
  }

  async load(manager: EntityManager, records: RelationRecord[]): Promise<void> {
    for (const [i, r] of records.entries()) {
      const what = where(this.section, i, r);
      const [rep] = await manager.query(`SELECT company_id FROM rep WHERE id = $1`, [r.rep_id]);
      if (!rep) throw new FixtureError(`${what}: rep ${r.rep_id} does not exist`);
      const companyId: number = rep.company_id;
      await requireInCompany(manager, 'customer', r.customer_id, companyId, what);
      if (r.article_id != null) await requireInCompany(manager, 'article', r.article_id, companyId, what);
      if (r.superior_customer_id != null) await requireInCompany(manager, 'customer', r.superior_customer_id, companyId, what);
      await manager.query(
        `INSERT INTO relation (company_id, rep_id, customer_id, source, article_id, superior_customer_id, expected_time, expected_pr, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9::timestamptz, now()))
         ON CONFLICT (rep_id, customer_id) DO UPDATE SET source = EXCLUDED.source, article_id = EXCLUDED.article_id,
           superior_customer_id = EXCLUDED.superior_customer_id, expected_time = EXCLUDED.expected_time,
           expected_pr = EXCLUDED.expected_pr, created_at = COALESCE($9::timestamptz, relation.created_at)`,
        [companyId, r.rep_id, r.customer_id, r.source ?? 1, r.article_id ?? null, r.superior_customer_id ?? null, r.expected_time ?? null, r.expedted_pr ?? 0, r.create_date ?? null],
      );
    }
  }
}

/** Follow-up phrases (`follow_languages`): a rep's own, or company-wide without rep_id. */
@FixtureSection()
@Injectable()
export class FollowLanguagesFixture implements FixtureSectionHandler<FollowLanguageRecord> {
  readonly section = 'follow_languages';
  readonly order = 60;

  validate(records: unknown[]): FollowLanguageRecord[] {
    return records.map((r, i) => {
      const rec = readRecord<FollowLanguageRecord>(this.section, i, r, { id: 'id', company_id: 'id', rep_id: 'id?', language: 'string' });
      const length = [...rec.language.trim()].length;
      if (length < 1 || length > 256) throw new FixtureError(`${where(this.section, i, rec)}: "language" must be 1..256 characters`);
      return rec;
    });
  }

  async load(manager: EntityManager, records: FollowLanguageRecord[]): Promise<void> {
    for (const [i, r] of records.entries()) {
      await requireSameTenant(manager, 'follow_language', r.id, r.company_id, where(this.section, i, r));
      if (r.rep_id != null) await requireInCompany(manager, 'rep', r.rep_id, r.company_id, where(this.section, i, r));
      await manager.query(
        `INSERT INTO follow_language (id, company_id, rep_id, language) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET rep_id = EXCLUDED.rep_id, language = EXCLUDED.language`,
        [r.id, r.company_id, r.rep_id ?? null, r.language.trim()],
      );
    }
    await bumpIdentity(manager, 'follow_language');
  }
}
