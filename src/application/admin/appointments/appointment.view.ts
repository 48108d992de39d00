import { Appointment } from '../../../domain/appointment/appointment';

export interface AppointmentPhaseView {
  readonly id: string;
  readonly sequence: number;
  readonly start: string;
  readonly end: string;
  readonly staffBusy: boolean;
  readonly isBuffer: boolean;
  readonly syncState: string;
  /** Who does this step: its own stylist in a visit shared by several, else the appointment's. */
  readonly staffId: string;
  /** The service of the visit this step belongs to (one service: the appointment's). */
  readonly serviceId: string;
}

export interface AppointmentView {
  readonly id: string;
  readonly branchId: string | null;
  readonly staffId: string;
  readonly serviceId: string;
  readonly customerId: string;
  readonly start: string;
  readonly end: string;
  readonly status: string;
  readonly source: string;
  readonly syncState: string;
  readonly syncAttempts: number;
  readonly lastSyncError: string | null;
  readonly phases: AppointmentPhaseView[];
}

export function appointmentView(a: Appointment): AppointmentView {
  return {
    id: a.id,
    branchId: a.branchId ?? null,
    staffId: a.staffId,
    serviceId: a.serviceId,
    customerId: a.customerId,
    start: a.start.toISOString(),
    end: a.end.toISOString(),
    status: a.status,
    source: a.source,
    syncState: a.syncState,
    syncAttempts: a.syncAttempts,
    lastSyncError: a.lastSyncError ?? null,
    phases: a.phases.map((p) => ({
      id: p.id,
      sequence: p.sequence,
      start: p.start.toISOString(),
      end: p.end.toISOString(),
      staffBusy: p.staffBusy,
      isBuffer: p.isBuffer,
      syncState: p.syncState,
      staffId: a.stylistOf(p),
      serviceId: a.serviceOf(p),
    })),
  };
}
