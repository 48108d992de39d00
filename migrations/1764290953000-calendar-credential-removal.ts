import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A Cal.com credential can be removed (a leaked key must be unusable at once): its secrets are
 * wiped and removed_at set. The row stays so that its mappings and booked-ledger entries still
 * name it; syncs through it then fail as lacking a credential, visibly, until re-mapped.
 */
export class CalendarCredentialRemoval1764290953000 implements MigrationInterface {
  name = 'CalendarCredentialRemoval1764290953000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calcom_credentials ALTER COLUMN api_key_encrypted DROP NOT NULL`);
    await q.query(`ALTER TABLE calcom_credentials ADD COLUMN removed_at timestamptz`);
    await q.query(`ALTER TABLE calcom_credentials ADD COLUMN rotated_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calcom_credentials DROP COLUMN rotated_at`);
    await q.query(`ALTER TABLE calcom_credentials DROP COLUMN removed_at`);
    await q.query(`DELETE FROM calcom_credentials WHERE api_key_encrypted IS NULL`);
    await q.query(`ALTER TABLE calcom_credentials ALTER COLUMN api_key_encrypted SET NOT NULL`);
  }
}
