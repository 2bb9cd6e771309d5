import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * action/get_new_log (issue 12) takes a rep's unseen radar rows: a partial index holds only
 * those, so the call costs the same whether the rep has a hundred rows or two million.
 */
export class UnseenRadar1764600000000 implements MigrationInterface {
  name = 'UnseenRadar1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX radar_action_unseen_idx ON radar_action (company_id, rep_id, created_at DESC, id DESC) WHERE NOT seen`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX radar_action_unseen_idx`);
  }
}
