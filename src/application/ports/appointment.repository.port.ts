import { Appointment } from '../../domain/appointment/appointment';
import { AppointmentStatus } from '../../domain/appointment/appointment-status';
import { SlotTaken } from '../../domain/availability/availability.errors';
import { BusyInterval } from '../../domain/availability/busy-interval';
import { Result } from '../../domain/shared/result';
import { TimeRange } from '../../domain/shared/time-range';

export const APPOINTMENT_REPOSITORY = Symbol('AppointmentRepository');

export interface TenantScope {
  readonly companyId: string;
}

/**
 * Appointments with their phases. Writing busy phases can meet the database's no-overlap
 * refusal; that comes back as SlotTaken, never as an exception.
 */
export interface AppointmentRepository {
  /**
   * Inserts the appointment, its phases and the stylist's busy blocks. Inside a unit of work a
   * refusal ends that unit (it can only be rolled back), as both callers do anyway.
   */
  add(scope: TenantScope, appointment: Appointment, now: Date): Promise<Result<void, SlotTaken>>;
  /** Stores status, sync state and phases; moved phases move their busy blocks too. */
  save(scope: TenantScope, appointment: Appointment, now: Date): Promise<Result<void, SlotTaken>>;
  findById(scope: TenantScope, id: string): Promise<Appointment | null>;
  /**
   * As findById, with the appointment's row locked until the transaction ends: inside a unit
   * of work, no other writer changes it between this read and the write that follows.
   */
  findByIdLocked(scope: TenantScope, id: string): Promise<Appointment | null>;
  findByIdempotencyKey(scope: TenantScope, key: string): Promise<Appointment | null>;
  /** Appointments of these customers that end after `from`, earliest first (scheduled only by default). */
  upcomingForCustomers(
    scope: TenantScope,
    customerIds: readonly string[],
    from: Date,
    statuses?: readonly AppointmentStatus[],
  ): Promise<Appointment[]>;
  /**
   * Appointments starting within `range` (any customer), earliest first, at most 200: the day a
   * caller without a known number names, to be narrowed by the name they say.
   */
  startingWithin(
    scope: TenantScope,
    range: TimeRange,
    statuses: readonly AppointmentStatus[],
  ): Promise<Appointment[]>;
  /**
   * What occupies these stylists within `range`: busy phases, holds live at `now` (except the
   * asking call's own), outside calendar blocks. Absences come with the stylist.
   */
  busyIntervals(
    scope: TenantScope,
    staffIds: readonly string[],
    range: TimeRange,
    now: Date,
    options?: { askingCallId?: string; excludeAppointmentId?: string },
  ): Promise<Map<string, BusyInterval[]>>;
}
