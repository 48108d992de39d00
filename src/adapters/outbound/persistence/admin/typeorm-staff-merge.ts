import { EntityManager } from 'typeorm';
import {
  MergeCollision,
  MergeMoves,
  MergeResult,
  StaffIdentity,
  StaffMerge,
} from '../../../../application/admin/ports/staff-merge.port';
import { isExclusionViolation } from '../postgres-refusals';
import { CountRow, IdRow } from '../shared.rows';
import { affected } from './sql-helpers';
import {
  CollisionRow,
  StaffIdentityRow,
  toMergeCollision,
  toStaffIdentity,
} from './typeorm-staff-merge.rows';

export class TypeOrmStaffMerge implements StaffMerge {
  constructor(private readonly m: EntityManager) {}

  async identities(companyId: string): Promise<StaffIdentity[]> {
    const rows: StaffIdentityRow[] = await this.m.query(
      `SELECT s.id, s.name, s.email, s.branch_id, s.active,
              array_agg(DISTINCT m.calcom_user_id::text) FILTER (WHERE m.calcom_user_id IS NOT NULL) AS users
         FROM staff s LEFT JOIN calcom_mappings m ON m.staff_id = s.id
        WHERE s.company_id = $1 AND s.active
        GROUP BY s.id ORDER BY s.name, s.id`,
      [companyId],
    );
    return rows.map(toStaffIdentity);
  }

  async merge(companyId: string, keepId: string, mergeId: string): Promise<MergeResult> {
    await this.m.query(`SELECT id FROM staff WHERE id = ANY($1::uuid[]) FOR UPDATE`, [
      [keepId, mergeId],
    ]);
    const before = await this.collisions(keepId, mergeId);
    if (before.length > 0) return { ok: false, collisions: before };
    try {
      const moved = await this.m.transaction((m) => this.move(m, companyId, keepId, mergeId));
      return { ok: true, ...moved };
    } catch (error) {
      // Someone booked in between: the constraint refused, the savepoint rolled back.
      if (!isExclusionViolation(error)) throw error;
      return { ok: false, collisions: await this.collisions(keepId, mergeId) };
    }
  }

  /** Active blocks of the two stylists that overlap, by the appointments they belong to. */
  private async collisions(keepId: string, mergeId: string): Promise<MergeCollision[]> {
    const rows: CollisionRow[] = await this.m.query(
      `SELECT DISTINCT k.appointment_id AS kept, x.appointment_id AS merged
         FROM busy_blocks x
         JOIN busy_blocks k ON k.staff_id = $1 AND k.active AND k.during && x.during
        WHERE x.staff_id = $2 AND x.active
        ORDER BY 1, 2`,
      [keepId, mergeId],
    );
    return rows.map(toMergeCollision);
  }

  private async move(
    m: EntityManager,
    companyId: string,
    keep: string,
    merge: string,
  ): Promise<{ moved: MergeMoves; movedAppointmentIds: string[] }> {
    const busyBlocks = affected(
      await m.query(`UPDATE busy_blocks SET staff_id = $1 WHERE staff_id = $2`, [keep, merge]),
    );
    const [movedRows]: [IdRow[], number] = await m.query(
      `UPDATE appointments SET staff_id = $1, updated_at = now() WHERE staff_id = $2 AND company_id = $3
       RETURNING id`,
      [keep, merge, companyId],
    );
    // The steps the merged stylist does in visits shared with others move too.
    const [phaseRows]: [Array<{ appointment_id: string }>, number] = await m.query(
      `UPDATE appointment_phases p SET staff_id = $1 FROM appointments a
        WHERE p.staff_id = $2 AND a.id = p.appointment_id AND a.company_id = $3
       RETURNING p.appointment_id`,
      [keep, merge, companyId],
    );
    const movedAppointmentIds = [
      ...new Set([...movedRows.map((r) => r.id), ...phaseRows.map((r) => r.appointment_id)]),
    ];
    await m.query(`UPDATE holds SET staff_id = $1 WHERE staff_id = $2`, [keep, merge]);
    await m.query(
      `UPDATE holds SET assignment = replace(assignment::text, $2, $1)::jsonb
        WHERE company_id = $3 AND assignment::text LIKE '%' || $2 || '%'`,
      [keep, merge, companyId],
    );
    const links: unknown[] = await m.query(
      `INSERT INTO staff_services(staff_id, service_id)
       SELECT $1, service_id FROM staff_services WHERE staff_id = $2
       ON CONFLICT DO NOTHING RETURNING service_id`,
      [keep, merge],
    );
    const serviceLinks = links.length;
    await m.query(`DELETE FROM staff_services WHERE staff_id = $1`, [merge]);
    const mappings = affected(
      await m.query(
        `UPDATE calcom_mappings x SET staff_id = $1 WHERE x.staff_id = $2 AND NOT EXISTS (
           SELECT 1 FROM calcom_mappings k WHERE k.staff_id = $1 AND k.service_id = x.service_id
              AND COALESCE(k.segment_sequence, -1) = COALESCE(x.segment_sequence, -1))`,
        [keep, merge],
      ),
    );
    const mappingsDropped = affected(
      await m.query(`DELETE FROM calcom_mappings WHERE staff_id = $1`, [merge]),
    );
    // Own hours are united; a record without any follows the branch and stays so.
    const [{ n: keptHours }]: CountRow[] = await m.query(
      `SELECT count(*)::int AS n FROM staff_working_hours WHERE staff_id = $1`,
      [keep],
    );
    const workingHours =
      keptHours > 0
        ? affected(
            await m.query(`UPDATE staff_working_hours SET staff_id = $1 WHERE staff_id = $2`, [
              keep,
              merge,
            ]),
          )
        : 0;
    const absences = affected(
      await m.query(`UPDATE staff_absences SET staff_id = $1 WHERE staff_id = $2`, [keep, merge]),
    );
    await m.query(
      `UPDATE staff k SET email = COALESCE(k.email, x.email) FROM staff x WHERE k.id = $1 AND x.id = $2`,
      [keep, merge],
    );
    await m.query(`UPDATE staff SET active = false WHERE id = $1`, [merge]);
    return {
      moved: {
        appointments: movedAppointmentIds.length,
        busyBlocks,
        serviceLinks,
        mappings,
        mappingsDropped,
        workingHours,
        absences,
      },
      movedAppointmentIds,
    };
  }
}
