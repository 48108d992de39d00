import { Service } from '../salon/service';
import { isShared, ServiceStylist, StylistStep, stylistFor } from '../salon/visit-assignment';
import { err, ok, Result } from '../shared/result';
import { TimeRange } from '../shared/time-range';
import {
  IllegalStatusTransition,
  IllegalSyncTransition,
  PhaseNotFound,
  ServiceMismatch,
} from './appointment.errors';
import { AppointmentPhase, CalendarBookingRef } from './appointment-phase';
import { AppointmentStatus, nextStatus, StatusEvent } from './appointment-status';
import { IdGenerator, randomIds } from './id-generator';
import {
  AppointmentFacts,
  AppointmentSnapshot,
  AppointmentSource,
  NewAppointment,
} from './appointment-snapshot';
import { CalendarSync } from './calendar-sync';
import { legal } from './legal-step';
import { SyncState } from './sync-state';

export type { AppointmentSnapshot, AppointmentSource, NewAppointment };

/** A phase the calendar holds, and the booking it holds it under. */
export interface MirroredPhase {
  readonly phaseId: string;
  readonly ref: CalendarBookingRef;
}

/** Where the calendar moved one of the appointment's bookings, and under which booking. */
export interface CalendarMove extends CalendarBookingRef {
  readonly phaseId: string;
  readonly start: Date;
}

/** Who does the appointment: one stylist, or a visit's services shared among several. */
export interface AppointmentStylists {
  readonly staffId: string;
  readonly assignment?: readonly ServiceStylist[];
}

/**
 * A booked service for one customer with one stylist (or a visit whose services several
 * stylists share: each phase then names its own, the appointment the first service's). Its phases follow the service's segments;
 * a buffer after the service is one more phase, staff-busy and flagged `isBuffer`, so it blocks
 * the stylist (and the database constraint) like any working step but is no calendar booking.
 */
export class Appointment {
  readonly id: string;
  readonly staffId: string;
  readonly serviceId: string;
  readonly customerId: string;
  readonly branchId: string | undefined;
  readonly status: AppointmentStatus;
  readonly source: AppointmentSource;
  readonly callId: string | undefined;
  readonly idempotencyKey: string | undefined;

  private constructor(
    private readonly s: AppointmentFacts,
    readonly sync: CalendarSync,
    readonly phases: readonly AppointmentPhase[],
  ) {
    this.id = s.id;
    this.staffId = s.staffId;
    this.serviceId = s.serviceId;
    this.customerId = s.customerId;
    this.branchId = s.branchId;
    this.status = s.status;
    this.source = s.source;
    this.callId = s.callId;
    this.idempotencyKey = s.idempotencyKey;
  }

  static create(input: NewAppointment): Appointment {
    const newId = input.newId ?? randomIds;
    const id = input.id ?? newId();
    // Bookings that came from the calendar are already there.
    const calendarSync = input.source !== 'calendar';
    const phases = Appointment.planPhases(id, input.service, input.start, newId, calendarSync, {
      staffId: input.staffId,
      assignment: input.assignment,
    });
    return new Appointment(
      {
        id,
        staffId: input.staffId,
        serviceId: input.service.id,
        ...(input.service.isVisit ? { visitServiceIds: [...input.service.serviceIds] } : {}),
        customerId: input.customerId,
        branchId: input.branchId,
        start: new Date(input.start.getTime()),
        end: Appointment.customerEnd(phases),
        status: 'scheduled',
        source: input.source,
        callId: input.callId,
        idempotencyKey: input.idempotencyKey,
      },
      CalendarSync.initial(calendarSync),
      phases,
    );
  }

  static restore(snapshot: AppointmentSnapshot): Appointment {
    const { phases, syncState, syncAttempts, lastSyncError, ...facts } = snapshot;
    const restored = [...phases]
      .sort((a, b) => a.sequence - b.sequence)
      .map((p) => AppointmentPhase.restore(p));
    const sync = CalendarSync.restore(syncState, syncAttempts, lastSyncError);
    return new Appointment({ ...facts }, sync, restored);
  }

  private static planPhases(
    appointmentId: string,
    service: Service,
    start: Date,
    newId: IdGenerator,
    calendarSync: boolean,
    stylists: AppointmentStylists,
  ): AppointmentPhase[] {
    // One stylist: the phases name none (the appointment's is theirs), as rows always did.
    const shared = isShared(stylists.assignment);
    return service.layoutAt(start).map((placed) =>
      AppointmentPhase.plan({
        id: newId(),
        appointmentId,
        calendarSync,
        ...placed,
        ...(shared
          ? { staffId: stylistFor(stylists.assignment, placed.serviceId, stylists.staffId) }
          : {}),
      }),
    );
  }

  private static customerEnd(phases: readonly AppointmentPhase[]): Date {
    return [...phases].reverse().find((p) => !p.isBuffer)!.end;
  }

  /** The services of the visit in the order planned (one service: just that one). */
  get serviceIds(): string[] {
    return [...(this.s.visitServiceIds ?? [this.serviceId])];
  }

  /** Several services booked as one visit. */
  get isVisit(): boolean {
    return (this.s.visitServiceIds?.length ?? 0) > 1;
  }

  /** The service a phase belongs to. */
  serviceOf(phase: AppointmentPhase): string {
    return phase.serviceId ?? this.serviceId;
  }

  /** The stylist of a phase: its own in a shared visit, else the appointment's. */
  stylistOf(phase: AppointmentPhase): string {
    return phase.staffId ?? this.staffId;
  }

  /** Several stylists share the visit. */
  get isShared(): boolean {
    return this.stylistIds.length > 1;
  }

  /** Every stylist working on the appointment, the appointment's own first. */
  get stylistIds(): string[] {
    return [...new Set([this.staffId, ...this.phases.map((p) => this.stylistOf(p))])];
  }

  /** Who does which service of a shared visit, in the visit's order; undefined: one stylist. */
  get assignment(): ServiceStylist[] | undefined {
    if (!this.isShared) return undefined;
    return this.serviceIds.map((serviceId) => {
      const phase = this.phases.find((p) => this.serviceOf(p) === serviceId);
      return { serviceId, staffId: phase ? this.stylistOf(phase) : this.staffId };
    });
  }

  get start(): Date {
    return new Date(this.s.start.getTime());
  }
  get end(): Date {
    return new Date(this.s.end.getTime());
  }
  get syncState(): SyncState {
    return this.sync.state;
  }
  get syncAttempts(): number {
    return this.sync.attempts;
  }
  get lastSyncError(): string | undefined {
    return this.sync.lastError;
  }

  /** The phases the external calendar holds one booking each for: the working steps. */
  get calendarPhases(): AppointmentPhase[] {
    return this.phases.filter((p) => p.needsCalendarBooking);
  }

  /** Until the stylist is free again: end of the buffer when there is one. */
  get blockedUntil(): Date {
    return this.phases[this.phases.length - 1].end;
  }

  /**
   * Whether `other` is this appointment as it stood: same status, start and phases. A change
   * made from another copy (a move, a cancellation) shows as a difference here.
   */
  standsAs(other: Appointment): boolean {
    return (
      other.id === this.id &&
      other.status === this.status &&
      other.s.start.getTime() === this.s.start.getTime() &&
      other.phases.length === this.phases.length &&
      other.phases.every((p, i) => p.id === this.phases[i].id)
    );
  }

  /** What blocks the stylist: staff-busy phases incl. buffer; nothing once cancelled. */
  busyIntervals(): TimeRange[] {
    if (this.status === 'cancelled') return [];
    return this.phases.filter((p) => p.staffBusy).map((p) => p.range);
  }

  /** What blocks whom: each staff-busy phase with its own stylist; nothing once cancelled. */
  busySteps(): StylistStep[] {
    if (this.status === 'cancelled') return [];
    return this.phases
      .filter((p) => p.staffBusy)
      .map((p) => ({ staffId: this.stylistOf(p), range: p.range }));
  }

  /**
   * `propagate: false` when the cancellation came from the calendar itself. The idempotency key
   * goes: a caller who cancels and then books the same wish again wants a new appointment, not
   * the cancelled one back.
   */
  cancel(opts: { propagate?: boolean } = {}): Result<Appointment, IllegalStatusTransition> {
    const cancelled = this.toStatus('cancel', { idempotencyKey: undefined });
    if (!cancelled.ok || opts.propagate === false) return cancelled;
    return ok(cancelled.value.resync());
  }

  complete(): Result<Appointment, IllegalStatusTransition> {
    return this.toStatus('complete');
  }

  markNoShow(): Result<Appointment, IllegalStatusTransition> {
    return this.toStatus('mark_no_show');
  }

  /**
   * The same appointment at another start: fresh phases, the calendar has to follow. `stylists`
   * re-plans who does it (a shared visit is shared anew at the new time); by default the
   * stylists stay as they were.
   */
  reschedule(
    newStart: Date,
    service: Service,
    newId: IdGenerator = randomIds,
    stylists: AppointmentStylists = { staffId: this.staffId, assignment: this.assignment },
  ): Result<Appointment, IllegalStatusTransition | ServiceMismatch> {
    const status = nextStatus(this.status, 'reschedule');
    if (!status.ok) return status;
    if (service.serviceIds.join('|') !== this.serviceIds.join('|')) {
      return err(new ServiceMismatch(this.serviceIds.join('+'), service.serviceIds.join('+')));
    }
    const phases = Appointment.planPhases(this.id, service, newStart, newId, true, stylists);
    // Its key goes as on a cancellation: the old start booked again is a new appointment.
    const facts = {
      ...this.s,
      idempotencyKey: undefined,
      staffId: stylists.staffId,
      start: new Date(newStart.getTime()),
      end: Appointment.customerEnd(phases),
    };
    return ok(new Appointment(facts, this.sync, phases).resync());
  }

  /**
   * The same times after the appointment moved to another stylist (a staff merge): fresh phase
   * ids, as a reschedule gives, so the sync cancels the bookings made for the old stylist and
   * books the phases again under the new stylist's calendar mapping.
   */
  afterStaffMove(
    newId: IdGenerator = randomIds,
    move?: { readonly from: string; readonly to: string },
  ): Result<Appointment, IllegalStatusTransition> {
    const status = nextStatus(this.status, 'reschedule');
    if (!status.ok) return status;
    const staffId = move && this.staffId === move.from ? move.to : this.staffId;
    const own = (p: AppointmentPhase): string | undefined =>
      move && p.staffId === move.from ? move.to : p.staffId;
    // A visit left with one stylist names none on its phases again.
    const shared = new Set(this.phases.map((p) => own(p) ?? staffId)).size > 1;
    const phases = this.phases.map((p) => p.doneBy(newId(), shared ? own(p) : undefined));
    return ok(new Appointment({ ...this.s, staffId }, this.sync, phases).resync());
  }

  /**
   * The same appointment `offsetMs` later (earlier when negative), its layout kept, because the
   * external calendar moved the booking of `movedPhaseId`. That phase keeps its id, so the moved
   * booking (which carries it) still names it; the others get fresh ids, as a reschedule gives,
   * so the sync cancels their old bookings and books them anew. The stylist stays the same.
   */
  shiftedBy(
    offsetMs: number,
    movedPhaseId: string,
    newId: IdGenerator = randomIds,
  ): Result<Appointment, IllegalStatusTransition | PhaseNotFound> {
    const status = nextStatus(this.status, 'reschedule');
    if (!status.ok) return status;
    if (!this.phases.some((p) => p.id === movedPhaseId))
      return err(new PhaseNotFound(movedPhaseId));
    const phases = this.phases.map((p) => {
      if (p.id === movedPhaseId) return p.shifted(p.id, offsetMs);
      // Nothing moved (a new booking at the same time): the other bookings stand.
      return offsetMs === 0 ? p : p.shifted(newId(), offsetMs);
    });
    const facts = {
      ...this.s,
      start: new Date(this.s.start.getTime() + offsetMs),
      end: new Date(this.s.end.getTime() + offsetMs),
    };
    return ok(new Appointment(facts, this.sync, phases).resync());
  }

  /**
   * The same appointment after the external calendar moved the booking of `move.phaseId` to
   * `move.start` under `move`'s booking: all of it follows by that offset (see shiftedBy) and
   * the moved phase holds its new booking already.
   */
  movedInCalendar(
    move: CalendarMove,
    newId: IdGenerator = randomIds,
  ): Result<Appointment, IllegalStatusTransition | PhaseNotFound | IllegalSyncTransition> {
    const phase = this.phases.find((p) => p.id === move.phaseId);
    const offsetMs = phase ? move.start.getTime() - phase.start.getTime() : 0;
    const shifted = this.shiftedBy(offsetMs, move.phaseId, newId);
    if (!shifted.ok) return shifted;
    const { bookingId, bookingUid } = move;
    return shifted.value.recordPhaseBooking(move.phaseId, { bookingId, bookingUid });
  }

  // What the calendar sync learns. Learnt twice, each changes nothing the second time, but a
  // failed attempt: that one counts every time.

  /**
   * The calendar holds the appointment as it is now, and each phase named here under its
   * booking (a phase already holding one, or needing none, keeps what it has).
   */
  mirrored(phases: readonly MirroredPhase[] = []): Appointment {
    const refs = new Map<string, CalendarBookingRef>();
    for (const m of phases) if (!refs.has(m.phaseId)) refs.set(m.phaseId, m.ref);
    const next = this.phases.map((p) => {
      const ref = refs.get(p.id);
      return ref ? p.mirroredAs(ref) : p;
    });
    return new Appointment(this.s, this.sync.mirrored(), next);
  }

  /**
   * One more attempt to mirror the appointment failed with `error`. Every call counts one
   * attempt (that is what the count is for); one job attempt calls it once.
   */
  mirrorAttemptFailed(error: string): Appointment {
    return new Appointment(this.s, this.sync.attemptFailed(error), this.phases);
  }

  /** A person has to look at the mirror, and so at every working phase still waiting for it. */
  needsReview(reason: string): Appointment {
    const phases = this.phases.map((p) => p.needsReview());
    return new Appointment(this.s, this.sync.needsReview(reason), phases);
  }

  /** Flagged for a person for this very reason already. */
  awaitsReviewFor(reason: string): boolean {
    return this.sync.awaitsReviewFor(reason);
  }

  /**
   * The tenant mirrors nothing into an external calendar: no phase needs a booking and the
   * appointment is as synced as it will ever be.
   */
  mirrorNotRequired(): Appointment {
    const phases = this.phases.map((p) => p.mirrorNotRequired());
    return new Appointment(this.s, this.sync.mirrored(), phases);
  }

  requestSync(): Result<Appointment, IllegalSyncTransition> {
    return this.withSync(this.sync.request());
  }

  /** An attempt reached the calendar: created, or found when verifying after an error. */
  markSynced(): Result<Appointment, IllegalSyncTransition> {
    return this.withSync(this.sync.confirm());
  }

  markSyncFailed(error: string): Result<Appointment, IllegalSyncTransition> {
    return this.withSync(this.sync.fail(error));
  }

  markForManualReview(error?: string): Result<Appointment, IllegalSyncTransition> {
    return this.withSync(this.sync.escalate(error));
  }

  recordPhaseBooking(
    phaseId: string,
    ref: CalendarBookingRef,
  ): Result<Appointment, IllegalSyncTransition | PhaseNotFound> {
    return this.changePhase(phaseId, (p) => p.recordCalendarBooking(ref));
  }

  markPhaseSyncFailed(phaseId: string): Result<Appointment, IllegalSyncTransition | PhaseNotFound> {
    return this.changePhase(phaseId, (p) => p.markSyncFailed());
  }

  markPhaseForManualReview(
    phaseId: string,
  ): Result<Appointment, IllegalSyncTransition | PhaseNotFound> {
    return this.changePhase(phaseId, (p) => p.markForManualReview());
  }

  toSnapshot(): AppointmentSnapshot {
    return {
      ...this.s,
      start: this.start,
      end: this.end,
      syncState: this.sync.state,
      syncAttempts: this.sync.attempts,
      lastSyncError: this.sync.lastError,
      phases: this.phases.map((p) => p.toSnapshot()),
    };
  }

  private toStatus(
    event: StatusEvent,
    change: Partial<AppointmentFacts> = {},
  ): Result<Appointment, IllegalStatusTransition> {
    const status = nextStatus(this.status, event);
    if (!status.ok) return status;
    return ok(
      new Appointment({ ...this.s, ...change, status: status.value }, this.sync, this.phases),
    );
  }

  private withSync(
    sync: Result<CalendarSync, IllegalSyncTransition>,
  ): Result<Appointment, IllegalSyncTransition> {
    return sync.ok ? ok(new Appointment(this.s, sync.value, this.phases)) : sync;
  }

  // Appointment and calendar-relevant phases go back to pending; every state allows that.
  private resync(): Appointment {
    const phases = this.phases.map((p) => (p.needsCalendarBooking ? legal(p.requestSync()) : p));
    return new Appointment(this.s, legal(this.sync.request()), phases);
  }

  private changePhase(
    phaseId: string,
    change: (p: AppointmentPhase) => Result<AppointmentPhase, IllegalSyncTransition>,
  ): Result<Appointment, IllegalSyncTransition | PhaseNotFound> {
    const index = this.phases.findIndex((p) => p.id === phaseId);
    if (index < 0) return err(new PhaseNotFound(phaseId));
    const changed = change(this.phases[index]);
    if (!changed.ok) return changed;
    const phases = this.phases.map((p, i) => (i === index ? changed.value : p));
    return ok(new Appointment(this.s, this.sync, phases));
  }
}
