import { BranchView } from '../../../../application/admin/ports/branch-admin.port';
import { WeeklyHoursView } from '../../../../application/admin/ports/weekly-hours.view';

/** `SELECT * FROM branches` */
export interface BranchRow {
  id: string;
  company_id: string;
  name: string;
  time_zone: string;
  country: string;
  slot_granularity_minutes: number;
  retell_agent_id: string | null;
  active: boolean;
  email: string | null;
  transfer_number: string | null;
  split_visits: boolean;
}

/** A branch's answered number (`branch_phone_numbers`). */
export interface BranchPhoneRow {
  branch_id: string;
  phone_e164: string;
}

/** A branch's closed day, as `YYYY-MM-DD`. */
export interface ClosedDateRow {
  branch_id: string;
  day: string;
}

/** The branch with its numbers, hours and closed days (each list holding every branch's). */
export function toBranchView(
  r: BranchRow,
  phones: readonly BranchPhoneRow[],
  hours: ReadonlyMap<string, WeeklyHoursView>,
  closed: readonly ClosedDateRow[],
): BranchView {
  return {
    id: r.id,
    companyId: r.company_id,
    name: r.name,
    timeZone: r.time_zone,
    country: r.country.trim(),
    slotGranularityMinutes: r.slot_granularity_minutes,
    retellAgentId: r.retell_agent_id,
    phoneNumbers: phones.filter((p) => p.branch_id === r.id).map((p) => p.phone_e164),
    openingHours: hours.get(r.id) ?? {},
    closedDates: closed.filter((c) => c.branch_id === r.id).map((c) => c.day),
    active: r.active,
    email: r.email,
    transferNumber: r.transfer_number,
    splitVisits: r.split_visits,
  };
}
