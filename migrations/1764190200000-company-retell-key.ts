import { MigrationInterface, QueryRunner } from 'typeorm';

/** A salon's own Retell API key (encrypted), with which its agent's requests are signed. */
export class CompanyRetellKey1764190200000 implements MigrationInterface {
  name = 'CompanyRetellKey1764190200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE companies ADD COLUMN retell_api_key_encrypted text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE companies DROP COLUMN retell_api_key_encrypted`);
  }
}
