import type { EntityManager } from 'typeorm';
import { FixtureError } from '../fixture-schema';

/** After explicit ids were inserted, moves the identity sequence past them. */
export async function bumpIdentity(manager: EntityManager, table: string): Promise<void> {
  await manager.query(
    `SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT COALESCE(max(id), 0) FROM ${table}), 1))`,
  );
}

/** Throws naming the record when an id it references is missing in `table` for `companyId`. */
export async function requireInCompany(
  manager: EntityManager,
  table: string,
  id: number,
  companyId: number,
  what: string,
): Promise<void> {
  const rows = await manager.query(`SELECT 1 FROM ${table} WHERE id = $1 AND company_id = $2`, [id, companyId]);
  if (!rows.length) throw new FixtureError(`${what}: ${table} ${id} does not exist in company ${companyId}`);
}

/**
 * Checks a record with an explicit id before its upsert: the company must exist, and an existing
 * row with that id must belong to the same company (a fixture never moves rows between tenants).
 */
export async function requireSameTenant(manager: EntityManager, table: string, id: number, companyId: number, what: string): Promise<void> {
  const [company] = await manager.query(`SELECT 1 FROM company WHERE id = $1`, [companyId]);
  if (!company) throw new FixtureError(`${what}: company ${companyId} does not exist`);
  const [existing] = await manager.query(`SELECT company_id FROM ${table} WHERE id = $1`, [id]);
  if (existing && existing.company_id !== companyId) throw new FixtureError(`${what}: already belongs to company ${existing.company_id}`);
}
