import { Result } from '../shared/result';
import { TimeRange } from '../shared/time-range';
import { IllegalSyncTransition } from './appointment.errors';
import { legal } from './legal-step';
import { nextSyncState, SyncEvent, SyncState } from './sync-state';

/** Where a phase lives in the external calendar. */
export interface CalendarBookingRef {
  readonly bookingId: string;
  readonly bookingUid: string;
}

export interface AppointmentPhaseSnapshot {
  readonly id: string;
  readonly appointmentId: string;
  readonly sequence: number;
  readonly start: Date;
  readonly end: Date;
  readonly staffBusy: boolean;
  readonly isBuffer: boolean;
  readonly calcomBookingId?: string;
  readonly calcomBookingUid?: string;
  readonly syncState: SyncState;
  /** The service of a visit this step belongs to; unset: the appointment's one service. */
  readonly serviceId?: string;
  /** Its place among that service's segments; unset: `sequence`. */
  readonly serviceSequence?: number;
  /** The stylist of this step in a visit shared by several; unset: the appointment's. */
  readonly staffId?: string;
}

/**
 * One step of an appointment (one row). Only the stylist's working steps become calendar
 * bookings; processing gaps and the clean-up buffer are `not_required` for the calendar.
 */
export class AppointmentPhase {
  private constructor(private readonly s: AppointmentPhaseSnapshot) {}

  static plan(p: {
    id: string;
    appointmentId: string;
    sequence: number;
    range: TimeRange;
    staffBusy: boolean;
    isBuffer: boolean;
    calendarSync: boolean;
    serviceId?: string;
    serviceSequence?: number;
    staffId?: string;
  }): AppointmentPhase {
    const booked = p.calendarSync && p.staffBusy && !p.isBuffer;
    return new AppointmentPhase({
      serviceId: p.serviceId,
      serviceSequence: p.serviceSequence,
      ...(p.staffId !== undefined ? { staffId: p.staffId } : {}),
      id: p.id,
      appointmentId: p.appointmentId,
      sequence: p.sequence,
      start: p.range.start,
      end: p.range.end,
      staffBusy: p.staffBusy,
      isBuffer: p.isBuffer,
      syncState: booked ? 'pending' : 'not_required',
    });
  }

  static restore(snapshot: AppointmentPhaseSnapshot): AppointmentPhase {
    TimeRange.of(snapshot.start, snapshot.end); // a row with end <= start is corrupt
    return new AppointmentPhase({ ...snapshot });
  }

  get id(): string {
    return this.s.id;
  }
  get appointmentId(): string {
    return this.s.appointmentId;
  }
  get sequence(): number {
    return this.s.sequence;
  }
  get start(): Date {
    return new Date(this.s.start.getTime());
  }
  get end(): Date {
    return new Date(this.s.end.getTime());
  }
  get range(): TimeRange {
    return TimeRange.of(this.s.start, this.s.end);
  }
  get staffBusy(): boolean {
    return this.s.staffBusy;
  }
  get isBuffer(): boolean {
    return this.s.isBuffer;
  }
  get calcomBookingId(): string | undefined {
    return this.s.calcomBookingId;
  }
  get calcomBookingUid(): string | undefined {
    return this.s.calcomBookingUid;
  }
  get syncState(): SyncState {
    return this.s.syncState;
  }
  /** Whose step this is within a visit; undefined: the appointment's one service. */
  get serviceId(): string | undefined {
    return this.s.serviceId;
  }
  /** The place among its own service's segments, the key of that service's calendar mapping. */
  get serviceSequence(): number {
    return this.s.serviceSequence ?? this.s.sequence;
  }

  /** The stylist of this step when the visit is shared; undefined: the appointment's. */
  get staffId(): string | undefined {
    return this.s.staffId;
  }

  /** The same step done by `staffId` (a staff merge), under a new id and in no calendar yet. */
  doneBy(id: string, staffId: string | undefined): AppointmentPhase {
    const renewed = this.renewed(id).s;
    const { staffId: _old, ...rest } = renewed;
    return new AppointmentPhase(staffId === undefined ? rest : { ...rest, staffId });
  }

  /** The stylist's working steps are mirrored to the calendar, one booking each. */
  get needsCalendarBooking(): boolean {
    return this.s.staffBusy && !this.s.isBuffer;
  }

  /** The calendar holds this phase (found after creating or after verifying). */
  recordCalendarBooking(ref: CalendarBookingRef): Result<AppointmentPhase, IllegalSyncTransition> {
    return this.step('confirm', {
      calcomBookingId: ref.bookingId,
      calcomBookingUid: ref.bookingUid,
    });
  }

  /** The same step under a new id and in no calendar yet: its booking stays with the old id. */
  renewed(id: string): AppointmentPhase {
    return new AppointmentPhase({
      ...this.s,
      id,
      calcomBookingId: undefined,
      calcomBookingUid: undefined,
      syncState: this.s.syncState === 'not_required' ? 'not_required' : 'pending',
    });
  }

  /** The same step `offsetMs` later (earlier when negative) under `id`, in no calendar yet. */
  shifted(id: string, offsetMs: number): AppointmentPhase {
    const renewed = this.renewed(id).s;
    return new AppointmentPhase({
      ...renewed,
      start: new Date(renewed.start.getTime() + offsetMs),
      end: new Date(renewed.end.getTime() + offsetMs),
    });
  }

  /** Cancellation or a calendar-side change: the calendar must be brought up to date. */
  requestSync(): Result<AppointmentPhase, IllegalSyncTransition> {
    return this.step('request');
  }

  markSyncFailed(): Result<AppointmentPhase, IllegalSyncTransition> {
    return this.step('fail');
  }

  markForManualReview(): Result<AppointmentPhase, IllegalSyncTransition> {
    return this.step('escalate');
  }

  /**
   * The calendar holds this step under `ref`. A step awaiting its booking (pending, or under
   * review) takes it; any other (holding it already, or needing none) stays as it is.
   */
  mirroredAs(ref: CalendarBookingRef): AppointmentPhase {
    const awaiting = this.s.syncState === 'pending' || this.s.syncState === 'manual_review';
    return awaiting ? legal(this.recordCalendarBooking(ref)) : this;
  }

  /** The appointment went to a person: a working step still waiting for its booking goes too. */
  needsReview(): AppointmentPhase {
    const waiting = this.needsCalendarBooking && this.s.syncState === 'pending';
    return waiting ? legal(this.markForManualReview()) : this;
  }

  /** No calendar mirrors this step (the tenant has none); its last booking ids stay on record. */
  mirrorNotRequired(): AppointmentPhase {
    if (this.s.syncState === 'not_required') return this;
    return new AppointmentPhase({ ...this.s, syncState: 'not_required' });
  }

  toSnapshot(): AppointmentPhaseSnapshot {
    return { ...this.s, start: this.start, end: this.end };
  }

  private step(
    event: SyncEvent,
    change: Partial<AppointmentPhaseSnapshot> = {},
  ): Result<AppointmentPhase, IllegalSyncTransition> {
    const next = nextSyncState(this.s.syncState, event);
    if (!next.ok) return next;
    return {
      ok: true,
      value: new AppointmentPhase({ ...this.s, ...change, syncState: next.value }),
    };
  }
}
