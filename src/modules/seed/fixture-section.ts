import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';

/**
 * One section of the import fixture (API.md §9). Each module that owns tables provides the
 * handler for its sections, marked with @FixtureSection(); the importer discovers them, so
 * adding a module never edits the importer.
 */
export interface FixtureSectionHandler<R = unknown> {
  /** The fixture key, e.g. "messages". */
  readonly section: string;
  /** Load order: sections referenced by others load first (companies 10, reps 20, ...). */
  readonly order: number;
  /** Validates every record (throwing FixtureError naming the record) and returns them typed. */
  validate(records: unknown[]): R[];
  /** Inserts or updates the records; loading the same records twice changes nothing. */
  load(manager: EntityManager, records: R[]): Promise<void>;
}

export const FixtureSection = DiscoveryService.createDecorator<void>();
