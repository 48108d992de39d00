import { QueryRunner } from 'typeorm';
import { AdminKeyRoles1764291583000 } from '../../../migrations/1764291583000-admin-key-roles';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/** Keys that existed before roles get a role and their creator from the audit log. */
describe('migration: admin key roles', () => {
  let db: TestDatabase;
  let q: QueryRunner;
  let companyId: string;
  const ids: Record<string, string> = {};

  const key = async (name: string, createdByActor: string | null, revoked = false) => {
    const [row] = await q.query(
      `INSERT INTO admin_api_keys(company_id, name, key_prefix, key_hash, revoked_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [companyId, name, name.slice(0, 12), `hash-${name}`, revoked ? new Date() : null],
    );
    ids[name] = row.id;
    if (createdByActor) {
      await q.query(
        `INSERT INTO audit_log(company_id, actor, action, entity, entity_id, details)
         VALUES ($1, $2, 'admin_key.created', 'admin_api_key', $3, '{}')`,
        [companyId, createdByActor, row.id],
      );
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    q = db.dataSource.createQueryRunner();
    const migration = new AdminKeyRoles1764291583000();
    await migration.down(q);
    [{ id: companyId }] = await q.query(
      `INSERT INTO companies(name, slug) VALUES ('Salon Alt', 'alt') RETURNING id`,
    );
    await key('first', 'admin:bootstrap');
    await key('till', `admin:${ids.first}`);
    await key('tablet', `admin:${ids.till}`);
    await key('rotated', 'admin:bootstrap', true);
    await key('successor', `admin:${ids.rotated}`);
    await key('unknown', null);
    await migration.up(q);
  }, 60_000);
  afterAll(async () => {
    await q?.release();
    await db?.drop();
  });

  it('gives keys made by an active key the operator role and remembers their creator', async () => {
    const rows: Array<{ name: string; role: string; created_by: string | null }> = await q.query(
      `SELECT name, role, created_by FROM admin_api_keys ORDER BY name`,
    );
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName.first).toMatchObject({ role: 'owner', created_by: null });
    expect(byName.till).toMatchObject({ role: 'operator', created_by: ids.first });
    expect(byName.tablet).toMatchObject({ role: 'operator', created_by: ids.till });
    expect(byName.rotated).toMatchObject({ role: 'owner', created_by: null });
    expect(byName.successor).toMatchObject({ role: 'owner', created_by: ids.rotated });
    expect(byName.unknown).toMatchObject({ role: 'owner', created_by: null });
    const [{ n }] = await q.query(
      `SELECT count(*)::int AS n FROM admin_api_keys WHERE revoked_at IS NOT NULL`,
    );
    expect(n).toBe(1);
  });

  it('makes every new key name its role', async () => {
    await expect(
      q.query(
        `INSERT INTO admin_api_keys(company_id, name, key_prefix, key_hash)
         VALUES ($1, 'no role', 'norole', 'hash-norole')`,
        [companyId],
      ),
    ).rejects.toThrow(/role/);
  });
});
