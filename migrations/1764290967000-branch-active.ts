import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A branch can be deactivated like staff and services: its numbers stop answering and nothing
 * is booked there; its appointments stay.
 */
export class BranchActive1764290967000 implements MigrationInterface {
  name = 'BranchActive1764290967000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE branches ADD COLUMN active boolean NOT NULL DEFAULT true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE branches DROP COLUMN active`);
  }
}
