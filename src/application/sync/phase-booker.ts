import type {
  BookingAttendee,
  CalendarGateway,
  ExternalBooking,
} from '../ports/calendar-gateway.port';
import type { CalendarBookingLedger } from '../ports/calendar-booking-ledger.port';
import type { AppointmentPhase } from '../../domain/appointment/appointment-phase';
import {
  CalendarRateLimited,
  CalendarUnavailable,
  isCalendarError,
} from '../../domain/calendar/calendar.errors';
import { TimeRange } from '../../domain/shared/time-range';
import { waitOn } from './calendar-wait';
import type { Sleeper, SyncSettings } from './sync-settings';

/** How a phase came to have its booking. */
export type BookedHow =
  | 'known'
  | 'found_before_create'
  | 'created'
  | 'verified_after_error'
  /** Moved from the appointment's old time by the calendar's reschedule. */
  | 'moved'
  /** A move sent by an earlier attempt, found done. */
  | 'found_moved';

export type PhaseResult =
  | {
      readonly kind: 'booked';
      readonly phase: AppointmentPhase;
      readonly booking: ExternalBooking;
      readonly how: BookedHow;
    }
  /** The calendar holds the phase at another time (start or end) than asked. */
  | {
      readonly kind: 'misplaced';
      readonly phase: AppointmentPhase;
      readonly booking: ExternalBooking;
    }
  | {
      readonly kind: 'failed';
      readonly phase: AppointmentPhase;
      readonly reason: string;
      /** The same request may succeed later. */
      readonly retryable: boolean;
      /** Only the breaker (or a rate limit) stood in the way: wait without using an attempt. */
      readonly waiting: boolean;
      /** A rate limit: how long until the calendar takes requests again, when it said. */
      readonly retryAfterMs?: number;
    };

export interface PhaseBookingRequest {
  readonly companyId: string;
  readonly appointmentId: string;
  readonly branchId: string | undefined;
  readonly staffId: string;
  readonly credentialRef: string;
  readonly eventTypeId: number;
  readonly attendee: BookingAttendee;
  readonly phase: AppointmentPhase;
  /** Set when the event type is another service's: the service the phase really is. */
  readonly bookedForService?: string;
}

const isLive = (b: ExternalBooking | null): b is ExternalBooking =>
  b !== null && b.status !== 'cancelled' && b.status !== 'rejected';

/**
 * Books one phase exactly once. A create is noted in the ledger before it is sent; once one was,
 * every later attempt looks first (an earlier attempt, maybe by a worker that died after the
 * calendar's success, may have booked it) and creates only when nothing is there. The very
 * first create of a phase skips that look: nothing can be there yet. After any error or
 * timeout it waits and looks again before calling it a failure, except where nothing can have
 * been booked: the breaker refused it unsent, or the calendar's rate limit refused it before
 * booking anything (a first create refused so stays a first create).
 */
export class PhaseBooker {
  constructor(
    private readonly calendar: CalendarGateway,
    private readonly ledger: CalendarBookingLedger,
    private readonly settings: SyncSettings,
    private readonly sleep: Sleeper,
  ) {}

  async book(r: PhaseBookingRequest): Promise<PhaseResult> {
    let found: ExternalBooking | null;
    let first: boolean;
    try {
      first = await this.ledger.firstCreate(r.phase.id);
    } catch (error) {
      return failed(r.phase, 'noting the create', error);
    }
    if (!first) {
      try {
        found = await this.lookup(r);
      } catch (error) {
        return failed(r.phase, 'lookup before create', error);
      }
      if (isLive(found)) return this.settle(r, found, 'found_before_create');
    }

    let created: ExternalBooking;
    try {
      created = await this.calendar.createBooking({
        credentialRef: r.credentialRef,
        eventTypeId: r.eventTypeId,
        start: r.phase.start,
        lengthMinutes: Math.round((r.phase.end.getTime() - r.phase.start.getTime()) / 60_000),
        attendee: r.attendee,
        metadata: {
          appointment_id: r.appointmentId,
          phase_id: r.phase.id,
          company_id: r.companyId,
          // Cal.com titles the booking after the event type; this names what it really is.
          ...(r.bookedForService ? { booked_for_service_id: r.bookedForService } : {}),
        },
        slotScope: r.branchId
          ? { companyId: r.companyId, branchId: r.branchId, staffId: r.staffId }
          : undefined,
      });
    } catch (createError) {
      if (createError instanceof CalendarUnavailable) {
        // The breaker refused without sending anything: nothing can have been created.
        return failed(r.phase, 'create', createError);
      }
      if (createError instanceof CalendarRateLimited) {
        // Refused before anything was booked (unsent, or by the calendar's throttler).
        if (first) await this.withdraw(r);
        return failed(r.phase, 'create', createError);
      }
      await this.sleep(this.settings.verifyDelayMs);
      try {
        found = await this.lookup(r);
      } catch (lookupError) {
        return failed(r.phase, 'create', createError, { lookupError, retryable: true });
      }
      if (isLive(found)) return this.settle(r, found, 'verified_after_error');
      // Not found (yet): whatever Cal.com answered, it may have booked it (a 400 after booking
      // happened), so the phase is tried again; the next attempt looks before it creates.
      return failed(r.phase, 'create', createError, { retryable: true });
    }
    return this.settle(r, created, 'created');
  }

  /** A failed withdrawal only costs the next attempt a look before it creates. */
  private async withdraw(r: PhaseBookingRequest): Promise<void> {
    try {
      await this.ledger.withdrawFirstCreate(r.phase.id);
    } catch {
      // See above.
    }
  }

  private lookup(r: PhaseBookingRequest): Promise<ExternalBooking | null> {
    const margin = this.settings.lookupMarginMs;
    return this.calendar.findBookingByMetadata({
      credentialRef: r.credentialRef,
      eventTypeId: r.eventTypeId,
      around: TimeRange.of(
        new Date(r.phase.start.getTime() - margin),
        new Date(r.phase.end.getTime() + margin),
      ),
      appointmentId: r.appointmentId,
      phaseId: r.phase.id,
    });
  }

  /** Records the booking before anything else can go wrong, then checks its time. */
  private async settle(
    r: PhaseBookingRequest,
    booking: ExternalBooking,
    how: BookedHow,
  ): Promise<PhaseResult> {
    await this.ledger.recordLive({
      companyId: r.companyId,
      appointmentId: r.appointmentId,
      phaseId: r.phase.id,
      credentialRef: r.credentialRef,
      eventTypeId: r.eventTypeId,
      bookingId: booking.externalId,
      bookingUid: booking.uid,
      start: booking.start,
      end: booking.end,
    });
    // Another end is another time too: an event type whose own length is not the step's (a
    // shorter booking would leave part of the step open to online bookings).
    if (
      booking.start.getTime() !== r.phase.start.getTime() ||
      booking.end.getTime() !== r.phase.end.getTime()
    ) {
      return { kind: 'misplaced', phase: r.phase, booking };
    }
    return { kind: 'booked', phase: r.phase, booking, how };
  }
}

export function failed(
  phase: AppointmentPhase,
  step: string,
  error: unknown,
  options: { lookupError?: unknown; retryable?: boolean } = {},
): PhaseResult {
  const { lookupError } = options;
  const retryable = options.retryable ?? (isCalendarError(error) ? error.retryable : true);
  const lookupText = lookupError === undefined ? '' : `; lookup failed: ${describe(lookupError)}`;
  return {
    kind: 'failed',
    phase,
    reason: `phase ${phase.sequence} ${step}: ${describe(error)}${lookupText}`,
    retryable,
    ...(lookupError === undefined ? waitOn(error) : { waiting: false }),
  };
}

export function describe(error: unknown): string {
  if (isCalendarError(error)) return `${error.code}${error.detail ? ` (${error.detail})` : ''}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
