import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Admin keys get a role (owner: manages the company's keys; operator: everything else) and the
 * key that created them, so that revoking a key revokes what it created.
 *
 * Existing keys: the creator is read from the `admin_key.created` audit rows (actor
 * `admin:<keyId>`). A key whose creator is still active becomes an operator, since an owner
 * above it can manage it; every other key (made by the bootstrap key, of unknown origin, or
 * made by a key revoked since, i.e. its successor) becomes an owner, because until now every
 * key could manage keys and taking that from them would leave the salon without a key able to.
 * Nothing is revoked here: a salon that rotated by minting a new key and revoking the old one
 * keeps working; later revocations of an ancestor do reach these keys.
 */
export class AdminKeyRoles1764291583000 implements MigrationInterface {
  name = 'AdminKeyRoles1764291583000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE admin_api_keys
        ADD COLUMN role varchar(16) NOT NULL DEFAULT 'owner'
          CHECK (role IN ('owner', 'operator')),
        ADD COLUMN created_by uuid REFERENCES admin_api_keys(id) ON DELETE SET NULL`);
    await q.query(`
      UPDATE admin_api_keys k SET created_by = p.id
        FROM audit_log a JOIN admin_api_keys p ON a.actor = 'admin:' || p.id::text
       WHERE a.action = 'admin_key.created' AND a.entity = 'admin_api_key'
         AND a.entity_id = k.id::text AND p.company_id = k.company_id AND p.id <> k.id`);
    await q.query(`
      UPDATE admin_api_keys k SET role = 'operator'
        FROM admin_api_keys p
       WHERE k.created_by = p.id AND p.revoked_at IS NULL`);
    // From now on every key is created with a role of its own choosing.
    await q.query(`ALTER TABLE admin_api_keys ALTER COLUMN role DROP DEFAULT`);
    await q.query(`CREATE INDEX admin_api_keys_created_by_idx ON admin_api_keys(created_by)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS admin_api_keys_created_by_idx`);
    await q.query(`ALTER TABLE admin_api_keys DROP COLUMN created_by, DROP COLUMN role`);
  }
}
