import { DataSource, QueryRunner } from 'typeorm';
import { TypeOrmAdminKeyStore } from '../../../src/adapters/outbound/persistence/admin/typeorm-admin-key-store';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/**
 * A key being revoked while it creates a child: whichever comes first, the child does not
 * outlive its creator. The interleavings are forced with the row locks themselves.
 */
describe('key revocation racing a key creation (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let companyId: string;
  let n = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = db.dataSource;
    [{ id: companyId }] = await ds.query(
      `INSERT INTO companies(name, slug) VALUES ('Salon Eile', 'eile') RETURNING id`,
    );
  });
  afterAll(() => db?.drop());

  const newKey = (store: TypeOrmAdminKeyStore, createdBy: string | null) => {
    n += 1;
    return store.add({
      companyId,
      name: `key ${n}`,
      prefix: `p${n}`,
      hash: `hash-${n}-${createdBy}`,
      role: 'owner',
      createdBy,
    });
  };

  const transaction = async (): Promise<QueryRunner> => {
    const q = ds.createQueryRunner();
    await q.connect();
    await q.startTransaction();
    return q;
  };

  /** Until some statement waits for a row lock (bounded: the test fails rather than hangs). */
  const someoneWaitsForALock = async () => {
    for (let i = 0; i < 200; i++) {
      const [{ waiting }] = await ds.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (waiting > 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('nobody waited for the lock');
  };

  it('revokes a child committed while the revocation waited for its creator', async () => {
    const parent = await newKey(new TypeOrmAdminKeyStore(ds.manager), null);
    const creating = await transaction();
    const revoking = await transaction();
    try {
      const creator = new TypeOrmAdminKeyStore(creating.manager);
      expect(await creator.holdActive(companyId, parent.id)).toBe(true);
      const child = await newKey(creator, parent.id);
      const revoked = new TypeOrmAdminKeyStore(revoking.manager).revoke(
        companyId,
        parent.id,
        new Date(),
      );
      await someoneWaitsForALock();
      await creating.commitTransaction();
      const result = await revoked;
      await revoking.commitTransaction();
      expect(result?.descendants.map((k) => k.id)).toEqual([child.id]);
      const [row] = await ds.query(`SELECT revoked_at FROM admin_api_keys WHERE id = $1`, [
        child.id,
      ]);
      expect(row.revoked_at).not.toBeNull();
    } finally {
      await creating.release();
      await revoking.release();
    }
  });

  it('refuses to create a child once the revocation of its creator went first', async () => {
    const parent = await newKey(new TypeOrmAdminKeyStore(ds.manager), null);
    const revoking = await transaction();
    const creating = await transaction();
    try {
      await new TypeOrmAdminKeyStore(revoking.manager).revoke(companyId, parent.id, new Date());
      const held = new TypeOrmAdminKeyStore(creating.manager).holdActive(companyId, parent.id);
      await someoneWaitsForALock();
      await revoking.commitTransaction();
      expect(await held).toBe(false);
      await creating.rollbackTransaction();
    } finally {
      await revoking.release();
      await creating.release();
    }
  });
});
