import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A company can be closed: from closed_at on its numbers stop answering and its keys are
 * revoked; after COMPANY_RETENTION_DAYS a sweep erases it with everything it owns.
 */
export class CompanyClosing1764290959000 implements MigrationInterface {
  name = 'CompanyClosing1764290959000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE companies ADD COLUMN closed_at timestamptz`);
    await q.query(
      `CREATE INDEX companies_closed_idx ON companies(closed_at) WHERE closed_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE companies DROP COLUMN closed_at`);
  }
}
