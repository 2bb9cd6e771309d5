import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FixtureSection, FixtureSectionHandler } from '../seed/fixture-section';
import { FixtureError, readRecord, where } from '../seed/fixture-schema';
import { bumpIdentity, requireInCompany, requireSameTenant } from '../seed/sections/sql';

interface ReplyGroupRecord {
  id: number;
  company_id: number;
  name: string;
  owner_name?: string | null;
}

interface ReplyPhraseRecord {
  id: number;
  company_id: number;
  /** Absent or null: a reply in no group. */
  group_id?: number | null;
  content: string;
  send_count?: number | null;
}

const chars = (s: string) => [...s.trim()].length;

/** Canned reply groups (`reply_groups`). */
@FixtureSection()
@Injectable()
export class ReplyGroupsFixture implements FixtureSectionHandler<ReplyGroupRecord> {
  readonly section = 'reply_groups';
  readonly order = 70;

  validate(records: unknown[]): ReplyGroupRecord[] {
    return records.map((r, i) => {
      const rec = readRecord<ReplyGroupRecord>(this.section, i, r, { id: 'id', company_id: 'id', name: 'string', owner_name: 'string?' });
      if (chars(rec.name) < 1 || chars(rec.name) > 64) throw new FixtureError(`${where(this.section, i, rec)}: "name" must be 1..64 characters`);
      if (chars(rec.owner_name ?? '') > 64) throw new FixtureError(`${where(this.section, i, rec)}: "owner_name" must be at most 64 characters`);
      return rec;
    });
  }

  async load(manager: EntityManager, records: ReplyGroupRecord[]): Promise<void> {
    for (const [i, r] of records.entries()) {
      await requireSameTenant(manager, 'reply_group', r.id, r.company_id, where(this.section, i, r));
      await manager.query(
        `INSERT INTO reply_group (id, company_id, name, owner_name) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, owner_name = EXCLUDED.owner_name`,
        [r.id, r.company_id, r.name.trim(), (r.owner_name ?? '').trim()],
      );
    }
    await bumpIdentity(manager, 'reply_group');
  }
}

/** Canned replies (`reply_phrases`), after their groups. */
@FixtureSection()
@Injectable()
export class ReplyPhrasesFixture implements FixtureSectionHandler<ReplyPhraseRecord> {
  readonly section = 'reply_phrases';
  readonly order = 71;

  validate(records: unknown[]): ReplyPhraseRecord[] {
    return records.map((r, i) => {
      const rec = readRecord<ReplyPhraseRecord>(this.section, i, r, { id: 'id', company_id: 'id', group_id: 'id?', content: 'string', send_count: 'int?' });
      if (chars(rec.content) < 1 || chars(rec.content) > 128) throw new FixtureError(`${where(this.section, i, rec)}: "content" must be 1..128 characters`);
      if ((rec.send_count ?? 0) < 0) throw new FixtureError(`${where(this.section, i, rec)}: "send_count" must be ≥ 0`);
      return rec;
    });
  }

  async load(manager: EntityManager, records: ReplyPhraseRecord[]): Promise<void> {
    for (const [i, r] of records.entries()) {
      const at = where(this.section, i, r);
      await requireSameTenant(manager, 'reply_phrase', r.id, r.company_id, at);
      if (r.group_id != null) await requireInCompany(manager, 'reply_group', r.group_id, r.company_id, at);
      await manager.query(
        `INSERT INTO reply_phrase (id, company_id, group_id, content, send_count) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET group_id = EXCLUDED.group_id, content = EXCLUDED.content, send_count = EXCLUDED.send_count`,
        [r.id, r.company_id, r.group_id ?? null, r.content.trim(), r.send_count ?? 0],
      );
    }
    await bumpIdentity(manager, 'reply_phrase');
  }
}
