import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { retriedTransaction } from '../../../src/adapters/outbound/persistence/retried-transaction';
import { isExclusionViolation } from '../../../src/adapters/outbound/persistence/repositories/slot-taken.translation';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/**
 * The database itself refuses two overlapping busy intervals of one stylist (SPEC rule 2).
 * These tests write rows directly, below any application code, to prove the constraint alone.
 */
describe('busy_blocks exclusion constraint (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let companyId: string;
  let branchId: string;
  let staffId: string;
  let serviceId: string;
  let customerId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = db.dataSource;
    [{ id: companyId }] = await ds.query(
      `INSERT INTO companies(name, slug) VALUES ('Salon', 'salon') RETURNING id`,
    );
    [{ id: branchId }] = await ds.query(
      `INSERT INTO branches(company_id, name) VALUES ($1, 'Mitte') RETURNING id`,
      [companyId],
    );
    [{ id: staffId }] = await ds.query(
      `INSERT INTO staff(company_id, branch_id, name) VALUES ($1, $2, 'Anna') RETURNING id`,
      [companyId, branchId],
    );
    [{ id: serviceId }] = await ds.query(
      `INSERT INTO services(company_id, name) VALUES ($1, 'Dauerwelle') RETURNING id`,
      [companyId],
    );
    [{ id: customerId }] = await ds.query(
      `INSERT INTO customers(company_id, name) VALUES ($1, 'Kundin') RETURNING id`,
      [companyId],
    );
  });

  afterAll(async () => {
    await db.drop();
  });

  beforeEach(async () => {
    await ds.query(`DELETE FROM busy_blocks; DELETE FROM holds; DELETE FROM appointments`);
  });

  /** Inserts an appointment with the given phases [start, end, staffBusy] inside `runner`'s transaction. */
  async function insertAppointment(
    exec: (sql: string, params: unknown[]) => Promise<unknown>,
    phases: Array<[string, string, boolean]>,
  ): Promise<string> {
    const id = randomUUID();
    await exec(
      `INSERT INTO appointments(id, company_id, branch_id, staff_id, service_id, customer_id, starts_at, ends_at, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'voice')`,
      [
        id,
        companyId,
        branchId,
        staffId,
        serviceId,
        customerId,
        phases[0][0],
        phases[phases.length - 1][1],
      ],
    );
    for (const [i, [start, end, busy]] of phases.entries()) {
      const phaseId = randomUUID();
      await exec(
        `INSERT INTO appointment_phases(id, appointment_id, sequence, kind, starts_at, ends_at, staff_busy)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [phaseId, id, i, busy ? 'work' : 'processing', start, end, busy],
      );
      if (busy) {
        await exec(
          `INSERT INTO busy_blocks(company_id, staff_id, kind, during, appointment_id, phase_id)
           VALUES ($1, $2, 'appointment', tstzrange($3, $4, '[)'), $5, $6)`,
          [companyId, staffId, start, end, id, phaseId],
        );
      }
    }
    return id;
  }

  const viaDataSource = (sql: string, params: unknown[]) => ds.query(sql, params);

  it('lets exactly one of two concurrent overlapping bookings commit', async () => {
    const attempt = (start: string, end: string) =>
      ds.transaction(async (m) => {
        await insertAppointment((sql, p) => m.query(sql, p), [[start, end, true]]);
        // Both transactions hold their insert open at the same time before committing.
        await m.query(`SELECT pg_sleep(0.2)`);
      });

    const outcomes = await Promise.allSettled([
      attempt('2026-12-04T09:00:00Z', '2026-12-04T10:00:00Z'),
      attempt('2026-12-04T09:30:00Z', '2026-12-04T10:30:00Z'),
    ]);
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0].reason as { driverError?: { code?: string } }).driverError?.code).toBe(
      '23P01',
    );
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM appointments`);
    expect(count).toBe(1);
  });

  it('accepts back-to-back busy phases (half-open ranges)', async () => {
    await insertAppointment(viaDataSource, [
      ['2026-12-04T09:00:00Z', '2026-12-04T10:00:00Z', true],
    ]);
    await expect(
      insertAppointment(viaDataSource, [['2026-12-04T10:00:00Z', '2026-12-04T11:00:00Z', true]]),
    ).resolves.toBeDefined();
  });

  it('frees the time of a cancelled appointment', async () => {
    const first = await insertAppointment(viaDataSource, [
      ['2026-12-04T09:00:00Z', '2026-12-04T10:00:00Z', true],
    ]);
    await expect(
      insertAppointment(viaDataSource, [['2026-12-04T09:15:00Z', '2026-12-04T09:45:00Z', true]]),
    ).rejects.toMatchObject({ driverError: { code: '23P01' } });
    await ds.query(`UPDATE appointments SET status = 'cancelled' WHERE id = $1`, [first]);
    await expect(
      insertAppointment(viaDataSource, [['2026-12-04T09:15:00Z', '2026-12-04T09:45:00Z', true]]),
    ).resolves.toBeDefined();
  });

  it('does not let a processing (staff-free) phase block the stylist', async () => {
    // Dauerwelle: wrap 30 busy, process 40 free, rinse 20 busy.
    await insertAppointment(viaDataSource, [
      ['2026-12-04T09:00:00Z', '2026-12-04T09:30:00Z', true],
      ['2026-12-04T09:30:00Z', '2026-12-04T10:10:00Z', false],
      ['2026-12-04T10:10:00Z', '2026-12-04T10:30:00Z', true],
    ]);
    // A 30-minute cut inside the 40-minute processing gap.
    await expect(
      insertAppointment(viaDataSource, [['2026-12-04T09:35:00Z', '2026-12-04T10:05:00Z', true]]),
    ).resolves.toBeDefined();
  });

  it('refuses an appointment over another call’s live hold, and allows it once the hold is released', async () => {
    const holdId = randomUUID();
    await ds.query(
      `INSERT INTO holds(id, company_id, call_id, staff_id, service_id, starts_at, expires_at)
       VALUES ($1, $2, 'call_a', $3, $4, '2026-12-04T13:00:00Z', '2026-12-04T12:03:00Z')`,
      [holdId, companyId, staffId, serviceId],
    );
    await ds.query(
      `INSERT INTO busy_blocks(company_id, staff_id, kind, during, hold_id, expires_at)
       VALUES ($1, $2, 'hold', tstzrange('2026-12-04T13:00:00Z', '2026-12-04T14:00:00Z', '[)'), $3, '2026-12-04T12:03:00Z')`,
      [companyId, staffId, holdId],
    );
    await expect(
      insertAppointment(viaDataSource, [['2026-12-04T13:30:00Z', '2026-12-04T14:30:00Z', true]]),
    ).rejects.toMatchObject({ driverError: { code: '23P01' } });
    await ds.query(`UPDATE busy_blocks SET active = false WHERE hold_id = $1`, [holdId]);
    await expect(
      insertAppointment(viaDataSource, [['2026-12-04T13:30:00Z', '2026-12-04T14:30:00Z', true]]),
    ).resolves.toBeDefined();
  });

  it('keeps different stylists independent', async () => {
    const [{ id: other }] = await ds.query(
      `INSERT INTO staff(company_id, branch_id, name) VALUES ($1, $2, 'Ben') RETURNING id`,
      [companyId, branchId],
    );
    await insertAppointment(viaDataSource, [
      ['2026-12-04T15:00:00Z', '2026-12-04T16:00:00Z', true],
    ]);
    await expect(
      ds.query(
        `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
         VALUES ($1, $2, 'calendar', tstzrange('2026-12-04T15:00:00Z', '2026-12-04T16:00:00Z', '[)'), 'ext-1')`,
        [companyId, other],
      ),
    ).resolves.toBeDefined();
  });

  it('two bookings deadlocked over each other’s time: the aborted one runs again and is refused, not failed', async () => {
    await ds.query(`DELETE FROM busy_blocks`);
    const block = (m: EntityManager, from: string, to: string, uid: string) =>
      m.query(
        `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
         VALUES ($1, $2, 'calendar', tstzrange($3, $4, '[)'), $5)`,
        [companyId, staffId, from, to, uid],
      );
    let aFirst!: () => void;
    let bFirst!: () => void;
    const aWrote = new Promise<void>((r) => (aFirst = r));
    const bWrote = new Promise<void>((r) => (bFirst = r));
    const runs = { a: 0, b: 0 };
    // Each writes its own time, then reaches into the other's: both wait, Postgres aborts one.
    const a = retriedTransaction(ds, async (m) => {
      runs.a++;
      await block(m, '2026-12-04T09:00:00Z', '2026-12-04T09:30:00Z', `a-${runs.a}`);
      aFirst();
      await bWrote;
      await block(m, '2026-12-04T10:15:00Z', '2026-12-04T10:45:00Z', `a2-${runs.a}`);
    });
    const b = retriedTransaction(ds, async (m) => {
      runs.b++;
      await aWrote;
      await block(m, '2026-12-04T10:00:00Z', '2026-12-04T10:30:00Z', `b-${runs.b}`);
      bFirst();
      await block(m, '2026-12-04T09:15:00Z', '2026-12-04T09:45:00Z', `b2-${runs.b}`);
    });
    const outcomes = await Promise.allSettled([a, b]);
    // One committed; the other ran again, met the winner's committed rows and was refused.
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [refused] = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(isExclusionViolation(refused.reason)).toBe(true);
    // At least one run again. On a busy machine the rerun can meet the other's waking insert
    // and deadlock once more (each sees the other's in-progress index entry), so 4 is fine too.
    expect(runs.a + runs.b).toBeGreaterThanOrEqual(3);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM busy_blocks`);
    expect(n).toBe(2);
  });
});
