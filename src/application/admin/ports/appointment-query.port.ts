import { Appointment } from '../../../domain/appointment/appointment';
import { AppointmentStatus } from '../../../domain/appointment/appointment-status';
import { SyncState } from '../../../domain/appointment/sync-state';
import { Page, PageRequest } from '../page';

export const APPOINTMENT_QUERY = Symbol('AppointmentQuery');

export interface AppointmentFilter {
  /** Appointments starting at or after. */
  readonly from?: Date;
  /** Appointments starting before. */
  readonly to?: Date;
  readonly staffId?: string;
  readonly status?: AppointmentStatus;
  readonly syncState?: SyncState;
}

/** The salon's calendar as operators search it, earliest first. */
export interface AppointmentQuery {
  list(companyId: string, filter: AppointmentFilter, page: PageRequest): Promise<Page<Appointment>>;
}
