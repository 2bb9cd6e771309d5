import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FixtureSection, FixtureSectionHandler } from '../seed/fixture-section';
import { readRecord, where } from '../seed/fixture-schema';
import { bumpIdentity, requireSameTenant } from '../seed/sections/sql';

interface CompanyRecord {
  id: number;
  name: string;
}

interface RepRecord {
  id: number;
  company_id: number;
  name: string;
  token: string;
  avatar?: string | null;
  mingpian_phone?: string | null;
  wechat?: string | null;
}

@FixtureSection()
@Injectable()
export class CompaniesFixture implements FixtureSectionHandler<CompanyRecord> {
  readonly section = 'companies';
  readonly order = 10;

  validate(records: unknown[]): CompanyRecord[] {
    return records.map((r, i) => readRecord<CompanyRecord>(this.section, i, r, { id: 'id', name: 'string' }));
  }

  async load(manager: EntityManager, records: CompanyRecord[]): Promise<void> {
    for (const r of records) {
      await manager.query(`INSERT INTO company (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`, [r.id, r.name]);
    }
    await bumpIdentity(manager, 'company');
  }
}

@FixtureSection()
@Injectable()
export class RepsFixture implements FixtureSectionHandler<RepRecord> {
  readonly section = 'reps';
  readonly order = 20;

  validate(records: unknown[]): RepRecord[] {
    return records.map((r, i) =>
      readRecord<RepRecord>(this.section, i, r, {
        id: 'id',
        company_id: 'id',
        name: 'string',
        token: 'token',
        avatar: 'string?',
        mingpian_phone: 'string?',
        wechat: 'string?',
      }),
    );
  }

  async load(manager: EntityManager, records: RepRecord[]): Promise<void> {
    for (const [i, r] of records.entries()) {
      await requireSameTenant(manager, 'rep', r.id, r.company_id, where(this.section, i, r));
      await manager.query(
        `INSERT INTO rep (id, company_id, name, token, avatar, mingpian_phone, wechat) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, token = EXCLUDED.token, avatar = EXCLUDED.avatar,
           mingpian_phone = EXCLUDED.mingpian_phone, wechat = EXCLUDED.wechat`,
        [r.id, r.company_id, r.name, r.token, r.avatar ?? '', r.mingpian_phone ?? null, r.wechat ?? null],
      );
    }
    await bumpIdentity(manager, 'rep');
  }
}

