import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FixtureSection, FixtureSectionHandler } from '../seed/fixture-section';
import { FixtureError, readRecord, where } from '../seed/fixture-schema';
import { bumpIdentity, requireInCompany, requireSameTenant } from '../seed/sections/sql';
import { TAG_NAME_MAX_LENGTH } from './dto/tag.dto';

interface TagRecord {
  id: number;
  company_id: number;
  name: string;
}

interface CustomerTagRecord {
  customer_id: number;
  tag_id: number;
}

@FixtureSection()
@Injectable()
export class TagsFixture implements FixtureSectionHandler<TagRecord> {
  readonly section = 'tags';
  readonly order = 60;

  validate(records: unknown[]): TagRecord[] {
    return records.map((r, i) => {
      const rec = readRecord<TagRecord>(this.section, i, r, { id: 'id', company_id: 'id', name: 'string' });
      const length = [...rec.name].length;
      if (rec.name.trim() !== rec.name || length < 1 || length > TAG_NAME_MAX_LENGTH) {
        throw new FixtureError(`${where(this.section, i, rec)}: "name" must be 1..${TAG_NAME_MAX_LENGTH} characters without surrounding spaces`);
      }
      return rec;
    });
  }

  async load(manager: EntityManager, records: TagRecord[]): Promise<void> {
    for (const [i, r] of records.entries()) {
      const what = where(this.section, i, r);
      await requireSameTenant(manager, 'tag', r.id, r.company_id, what);
      const [byName] = await manager.query(`SELECT id FROM tag WHERE company_id = $1 AND name = $2 AND id <> $3`, [r.company_id, r.name, r.id]);
      if (byName) throw new FixtureError(`${what}: company ${r.company_id} already has tag ${byName.id} named ${JSON.stringify(r.name)}`);
      await manager.query(`INSERT INTO tag (id, company_id, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`, [
        r.id,
        r.company_id,
        r.name,
      ]);
    }
    await bumpIdentity(manager, 'tag');
  }
}

@FixtureSection()
@Injectable()
export class CustomerTagsFixture implements FixtureSectionHandler<CustomerTagRecord> {
  readonly section = 'customer_tags';
  readonly order = 65;

  validate(records: unknown[]): CustomerTagRecord[] {
    return records.map((r, i) => readRecord<CustomerTagRecord>(this.section, i, r, { customer_id: 'id', tag_id: 'id' }));
  }

  async load(manager: EntityManager, records: CustomerTagRecord[]): Promise<void> {
    for (const [i, r] of records.entries()) {
      const what = `${where(this.section, i, r)} (tag ${r.tag_id})`;
      const [tag] = await manager.query(`SELECT company_id FROM tag WHERE id = $1`, [r.tag_id]);
      if (!tag) throw new FixtureError(`${what}: tag ${r.tag_id} does not exist`);
      await requireInCompany(manager, 'customer', r.customer_id, tag.company_id, what);
      await manager.query(`INSERT INTO customer_tag (company_id, customer_id, tag_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        tag.company_id,
        r.customer_id,
        r.tag_id,
      ]);
    }
  }
}
