import { DataSource } from 'typeorm';
import { TypeOrmStaffMerge } from '../../../src/adapters/outbound/persistence/admin/typeorm-staff-merge';
import { ImportedSalon } from '../../../src/application/ports/salon-writer.port';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { importDemoSalon } from './admin-ports.fixture';

/** The merge adapter when someone books between its check and its move. */
describe('TypeOrmStaffMerge', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let salon: ImportedSalon;
  let dupId: string;

  const block = (staffId: string, from: string, to: string, uid: string) =>
    ds.query(
      `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
       VALUES ($1, $2, 'calendar', tstzrange($3, $4, '[)'), $5)`,
      [salon.companyId, staffId, from, to, uid],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = db.dataSource;
    salon = await importDemoSalon(ds);
    [{ id: dupId }] = await ds.query(
      `INSERT INTO staff(company_id, branch_id, name) VALUES ($1, $2, 'anna') RETURNING id`,
      [salon.companyId, salon.branchIds.mitte],
    );
    await block(salon.staffIds.anna, '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z', 'kept');
    await block(dupId, '2026-12-01T09:30:00Z', '2026-12-01T10:30:00Z', 'merged');
  });
  afterAll(() => db.drop());

  it('turns the constraint refusal into named collisions and moves nothing', async () => {
    const result = await ds.transaction(async (m) => {
      const merge = new TypeOrmStaffMerge(m);
      // The check before the move sees nothing, as if the other booking came in just after it.
      jest
        .spyOn(merge as unknown as { collisions: () => Promise<unknown[]> }, 'collisions')
        .mockResolvedValueOnce([]);
      return merge.merge(salon.companyId, salon.staffIds.anna, dupId);
    });
    expect(result).toEqual({
      ok: false,
      collisions: [{ keptAppointmentId: null, mergedAppointmentId: null }],
    });
    const [{ staff_id }] = await ds.query(
      `SELECT staff_id FROM busy_blocks WHERE external_uid = 'merged'`,
    );
    expect(staff_id).toBe(dupId);
    const [{ active }] = await ds.query(`SELECT active FROM staff WHERE id = $1`, [dupId]);
    expect(active).toBe(true);
  });
});
