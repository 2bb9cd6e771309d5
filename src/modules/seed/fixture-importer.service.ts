import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { FixtureSection, FixtureSectionHandler } from './fixture-section';
import { FixtureError } from './fixture-schema';

/** Every section the fixture format knows (API.md §9, docs/fixtures.md). */
export const KNOWN_SECTIONS = [
  'companies',
  'reps',
  'customers',
  'articles',
  'relations',
  'tags',
  'customer_tags',
  'messages',
  'actions',
  'follow_languages',
  'reply_groups',
  'reply_phrases',
] as const;

export type Fixture = Partial<Record<(typeof KNOWN_SECTIONS)[number], unknown[]>>;

export interface ImportSummary {
  /** Records per loaded section. */
  loaded: Record<string, number>;
}

/**
 * Loads a fixture in one transaction: all of it or nothing. Sections are handled by the
 * modules that own their tables (discovered through @FixtureSection).
 */
@Injectable()
export class FixtureImporter {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly dataSource: DataSource,
  ) {}

  private handlers(): Map<string, FixtureSectionHandler> {
    const found = this.discovery
      .getProviders({ metadataKey: FixtureSection.KEY })
      .map((wrapper) => wrapper.instance as FixtureSectionHandler)
      .filter(Boolean);
    return new Map(found.map((h) => [h.section, h]));
  }

  supportedSections(): string[] {
    return [...this.handlers().keys()];
  }

  /** Validates the whole fixture first (naming the bad record), then loads it atomically. */
  async import(fixture: unknown): Promise<ImportSummary> {
    if (!fixture || typeof fixture !== 'object' || Array.isArray(fixture)) throw new FixtureError('the fixture must be a JSON object');
    const handlers = this.handlers();
    const planned: { handler: FixtureSectionHandler; records: unknown[] }[] = [];
    for (const [key, value] of Object.entries(fixture)) {
      if (!(KNOWN_SECTIONS as readonly string[]).includes(key)) {
        throw new FixtureError(`unknown section "${key}" (known: ${KNOWN_SECTIONS.join(', ')})`);
      }
      if (!Array.isArray(value)) throw new FixtureError(`section "${key}" must be an array`);
      const handler = handlers.get(key);
      if (!handler) {
        if (value.length === 0) continue;
        throw new FixtureError(`section "${key}" is not supported yet: the module that owns it is not part of this build`);
      }
      planned.push({ handler, records: handler.validate(value) });
    }
    planned.sort((a, b) => a.handler.order - b.handler.order);
    const loaded: Record<string, number> = {};
    await this.dataSource.transaction(async (manager) => {
      for (const { handler, records } of planned) {
        await handler.load(manager, records);
        loaded[handler.section] = records.length;
      }
    });
    return { loaded };
  }
}
