import { EntityManager } from 'typeorm';
import { offsetOf, Page, PageRequest, pageOf } from '../../../../application/admin/page';
import {
  StaffAdmin,
  StaffData,
  StaffView,
} from '../../../../application/admin/ports/staff-admin.port';
import { CountRow, IdRow } from '../shared.rows';
import { AbsenceRow, StaffRow, StaffServiceRow, toStaffView } from './typeorm-staff-admin.rows';
import { hoursByOwner, replaceHours, WeeklyRow } from './weekly-rows';

export class TypeOrmStaffAdmin implements StaffAdmin {
  constructor(private readonly m: EntityManager) {}

  async save(companyId: string, id: string | undefined, d: StaffData): Promise<StaffView> {
    let staffId = id;
    if (staffId) {
      await this.m.query(
        `UPDATE staff SET branch_id = $3, name = $4, email = $5, active = $6
          WHERE id = $1 AND company_id = $2`,
        [staffId, companyId, d.branchId, d.name, d.email, d.active],
      );
    } else {
      const [created]: IdRow[] = await this.m.query(
        `INSERT INTO staff(company_id, branch_id, name, email, active) VALUES ($1, $2, $3, $4, $5)
         RETURNING id`,
        [companyId, d.branchId, d.name, d.email, d.active],
      );
      staffId = created.id;
    }
    const sid = staffId as string;
    await this.m.query(`DELETE FROM staff_services WHERE staff_id = $1`, [sid]);
    for (const serviceId of d.serviceIds) {
      await this.m.query(`INSERT INTO staff_services(staff_id, service_id) VALUES ($1, $2)`, [
        sid,
        serviceId,
      ]);
    }
    await replaceHours(this.m, 'staff_working_hours', sid, d.workingHours);
    await this.m.query(`DELETE FROM staff_absences WHERE staff_id = $1`, [sid]);
    for (const a of d.absences) {
      await this.m.query(
        `INSERT INTO staff_absences(staff_id, period, reason) VALUES ($1, tstzrange($2, $3, '[)'), $4)`,
        [sid, a.start, a.end, a.reason],
      );
    }
    return (await this.find(companyId, sid)) as StaffView;
  }

  async find(companyId: string, id: string): Promise<StaffView | null> {
    const rows: StaffRow[] = await this.m.query(
      `SELECT * FROM staff WHERE id = $1 AND company_id = $2`,
      [id, companyId],
    );
    return (await this.views(rows))[0] ?? null;
  }

  async list(companyId: string, page: PageRequest): Promise<Page<StaffView>> {
    const rows: StaffRow[] = await this.m.query(
      `SELECT * FROM staff WHERE company_id = $1 ORDER BY name, id LIMIT $2 OFFSET $3`,
      [companyId, page.pageSize, offsetOf(page)],
    );
    const [{ n }]: CountRow[] = await this.m.query(
      `SELECT count(*)::int AS n FROM staff WHERE company_id = $1`,
      [companyId],
    );
    return pageOf(await this.views(rows), n, page);
  }

  private async views(rows: StaffRow[]): Promise<StaffView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    // One statement at a time: in a transaction these share its one connection.
    const services: StaffServiceRow[] = await this.m.query(
      `SELECT staff_id, service_id FROM staff_services WHERE staff_id = ANY($1::uuid[]) ORDER BY service_id`,
      [ids],
    );
    const hours: WeeklyRow[] = await this.m.query(
      `SELECT staff_id AS owner, weekday, starts_at::text AS from_time, ends_at::text AS to_time
         FROM staff_working_hours WHERE staff_id = ANY($1::uuid[])`,
      [ids],
    );
    const absences: AbsenceRow[] = await this.m.query(
      `SELECT staff_id, lower(period) AS starts, upper(period) AS ends, reason
         FROM staff_absences WHERE staff_id = ANY($1::uuid[]) ORDER BY lower(period)`,
      [ids],
    );
    const byStaff = hoursByOwner(hours);
    return rows.map((r) => toStaffView(r, services, byStaff, absences));
  }
}
