import { WeeklyHoursView } from '../../../../application/admin/ports/weekly-hours.view';
import { AbsenceView, StaffView } from '../../../../application/admin/ports/staff-admin.port';

/** `SELECT * FROM staff` */
export interface StaffRow {
  id: string;
  company_id: string;
  branch_id: string;
  name: string;
  email: string | null;
  active: boolean;
}

/** A service the stylist offers (`staff_services`). */
export interface StaffServiceRow {
  staff_id: string;
  service_id: string;
}

/** An absence, its period's bounds taken apart. */
export interface AbsenceRow {
  staff_id: string;
  starts: Date;
  ends: Date;
  reason: string | null;
}

/** The stylist with services, hours and absences (each list holding every stylist's). */
export function toStaffView(
  r: StaffRow,
  services: readonly StaffServiceRow[],
  hours: ReadonlyMap<string, WeeklyHoursView>,
  absences: readonly AbsenceRow[],
): StaffView {
  return {
    id: r.id,
    companyId: r.company_id,
    branchId: r.branch_id,
    name: r.name,
    email: r.email,
    active: r.active,
    serviceIds: services.filter((s) => s.staff_id === r.id).map((s) => s.service_id),
    workingHours: hours.get(r.id) ?? null,
    absences: absences
      .filter((a) => a.staff_id === r.id)
      .map((a): AbsenceView => ({
        start: new Date(a.starts),
        end: new Date(a.ends),
        reason: a.reason,
      })),
  };
}
