import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `chat_owner_total.version`: bumped by every change of the row (each transaction that changes
 * a principal's unread counts updates it, under its row lock, until commit), so versions
 * follow commit order per principal. `chat.unread` events carry it as `seq`: NOTIFYs of
 * different transactions may reach a client in any order, and a client keeps the counts of
 * the highest seq it has seen (docs/realtime.md).
 */
export class UnreadSeq1764500000000 implements MigrationInterface {
  name = 'UnreadSeq1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE chat_owner_total ADD COLUMN version bigint NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE FUNCTION chat_owner_total_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.version := OLD.version + 1;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER chat_owner_total_version BEFORE UPDATE ON chat_owner_total FOR EACH ROW EXECUTE FUNCTION chat_owner_total_version()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER chat_owner_total_version ON chat_owner_total`);
    await q.query(`DROP FUNCTION chat_owner_total_version()`);
    await q.query(`ALTER TABLE chat_owner_total DROP COLUMN version`);
  }
}
