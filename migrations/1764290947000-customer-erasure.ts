import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A customer erased on request (GDPR Art. 17): the row stays, anonymised, because past
 * appointments still point at it as statistics; erased_at marks it gone for every reader.
 */
export class CustomerErasure1764290947000 implements MigrationInterface {
  name = 'CustomerErasure1764290947000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customers ADD COLUMN erased_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customers DROP COLUMN erased_at`);
  }
}
