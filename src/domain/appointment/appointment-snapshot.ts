import { Service } from '../salon/service';
import { ServiceStylist } from '../salon/visit-assignment';
import { AppointmentPhaseSnapshot } from './appointment-phase';
import { AppointmentStatus } from './appointment-status';
import { IdGenerator } from './id-generator';
import { SyncState } from './sync-state';

export type AppointmentSource = 'voice' | 'admin' | 'calendar';

export interface NewAppointment {
  readonly service: Service;
  /** The stylist; of a visit shared by several stylists, the one of its first service. */
  readonly staffId: string;
  /** A visit shared by several stylists: who does which service (see checkVisitStart). */
  readonly assignment?: readonly ServiceStylist[];
  readonly customerId: string;
  readonly start: Date;
  readonly source: AppointmentSource;
  readonly branchId?: string;
  readonly callId?: string;
  readonly idempotencyKey?: string;
  /** The appointment's own id; otherwise drawn from `newId`. */
  readonly id?: string;
  /** Ids for the appointment (unless given) and its phases; random UUIDs by default. */
  readonly newId?: IdGenerator;
}

export type AppointmentFacts = Omit<
  AppointmentSnapshot,
  'phases' | 'syncState' | 'syncAttempts' | 'lastSyncError'
>;

export interface AppointmentSnapshot {
  readonly id: string;
  readonly staffId: string;
  readonly serviceId: string;
  /** A visit's services in the order planned (the first is `serviceId`); unset: one service. */
  readonly visitServiceIds?: readonly string[];
  readonly customerId: string;
  readonly branchId?: string;
  readonly start: Date;
  /** When the customer is done: end of the last segment, buffer excluded. */
  readonly end: Date;
  readonly status: AppointmentStatus;
  readonly source: AppointmentSource;
  readonly callId?: string;
  readonly idempotencyKey?: string;
  readonly syncState: SyncState;
  readonly syncAttempts: number;
  readonly lastSyncError?: string;
  readonly phases: readonly AppointmentPhaseSnapshot[];
}
