import { Page, PageRequest } from '../page';
import { WeeklyHoursView } from './weekly-hours.view';

export const BRANCH_ADMIN = Symbol('BranchAdmin');

export interface BranchData {
  readonly name: string;
  readonly timeZone: string;
  readonly country: string;
  readonly slotGranularityMinutes: number;
  readonly retellAgentId: string | null;
  /** E.164; each answers for exactly one branch. */
  readonly phoneNumbers: readonly string[];
  readonly openingHours: WeeklyHoursView;
  /** yyyy-MM-dd in the branch's zone. */
  readonly closedDates: readonly string[];
  /** False: the numbers do not answer and nothing is booked there; appointments stay. */
  readonly active: boolean;
  /** Where callers' messages go; null: they are only kept for the admin API. */
  readonly email: string | null;
  /** E.164 number a caller who wants a person is transferred to; null: no transfer. */
  readonly transferNumber: string | null;
  /** A visit's services may go to different stylists when no one can do them all. */
  readonly splitVisits: boolean;
}

export interface BranchView extends BranchData {
  readonly id: string;
  readonly companyId: string;
}

export interface BranchAdmin {
  /** Inserts (no id) or replaces the branch with its numbers, hours and closed dates. */
  save(companyId: string, id: string | undefined, data: BranchData): Promise<BranchView>;
  find(companyId: string, id: string): Promise<BranchView | null>;
  list(companyId: string, page: PageRequest): Promise<Page<BranchView>>;
  /** Numbers among these that answer for a branch other than `exceptBranchId`. */
  numbersTaken(numbers: readonly string[], exceptBranchId?: string): Promise<string[]>;
}
