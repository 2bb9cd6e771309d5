import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FixtureSection, FixtureSectionHandler } from '../seed/fixture-section';
import { FixtureError, readRecord, where } from '../seed/fixture-schema';
import { bumpIdentity, requireSameTenant } from '../seed/sections/sql';

interface CustomerRecord {
  id: number;
  company_id: number;
  username: string;
  token: string;
  headimgurl?: string | null;
  sex?: number | null;
  openid?: string | null;
}

@FixtureSection()
@Injectable()
export class CustomersFixture implements FixtureSectionHandler<CustomerRecord> {
  readonly section = 'customers';
  readonly order = 30;

  validate(records: unknown[]): CustomerRecord[] {
    return records.map((r, i) => {
      const rec = readRecord<CustomerRecord>(this.section, i, r, {
        id: 'id',
        company_id: 'id',
        username: 'string',
        token: 'token',
        headimgurl: 'string?',
        sex: 'int?',
        openid: 'string?',
      });
      if (rec.sex !== undefined && rec.sex !== null && ![0, 1, 2].includes(rec.sex)) {
        throw new FixtureError(`${where(this.section, i, rec)}: "sex" must be 0, 1, 2 or null`);
      }
      return rec;
    });
  }

  async load(manager: EntityManager, records: CustomerRecord[]): Promise<void> {
    for (const [i, r] of records.entries()) {
      await requireSameTenant(manager, 'customer', r.id, r.company_id, where(this.section, i, r));
      await manager.query(
        `INSERT INTO customer (id, company_id, username, token, headimgurl, sex, openid) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, token = EXCLUDED.token,
           headimgurl = EXCLUDED.headimgurl, sex = EXCLUDED.sex, openid = EXCLUDED.openid`,
        [r.id, r.company_id, r.username, r.token, r.headimgurl ?? '', r.sex ?? null, r.openid ?? null],
      );
    }
    await bumpIdentity(manager, 'customer');
  }
}
