import { Page, PageRequest } from '../page';
import { WeeklyHoursView } from './weekly-hours.view';

export const STAFF_ADMIN = Symbol('StaffAdmin');

export interface AbsenceView {
  readonly start: Date;
  readonly end: Date;
  readonly reason: string | null;
}

export interface StaffData {
  readonly branchId: string;
  readonly name: string;
  readonly email: string | null;
  readonly active: boolean;
  readonly serviceIds: readonly string[];
  /** Null: the stylist works whenever the branch is open. */
  readonly workingHours: WeeklyHoursView | null;
  readonly absences: readonly AbsenceView[];
}

export interface StaffView extends StaffData {
  readonly id: string;
  readonly companyId: string;
}

export interface StaffAdmin {
  save(companyId: string, id: string | undefined, data: StaffData): Promise<StaffView>;
  find(companyId: string, id: string): Promise<StaffView | null>;
  list(companyId: string, page: PageRequest): Promise<Page<StaffView>>;
}
