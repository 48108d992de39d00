import {
  CalendarBadRequest,
  CalendarNotFound,
  CalendarRateLimited,
  CalendarUnavailable,
} from '../../domain/calendar/calendar.errors';
import type { CalendarBookingLedger, LedgerEntry } from '../ports/calendar-booking-ledger.port';
import type { CalendarGateway, ExternalBooking } from '../ports/calendar-gateway.port';
import type { Clock } from '../ports/clock.port';
import { BookingCanceller } from './booking-canceller';
import type { PlannedMove } from './phase-moves';
import { failed, type BookedHow, type PhaseResult } from './phase-booker';
import type { Sleeper, SyncSettings } from './sync-settings';

/** Noted on the old booking's ledger line while its move is out: its echo is ours. */
export const MOVING_NOTE = 'moving with the appointment';

/** How long the learnt "moves of this event type change the length" holds. */
const RESIZING_BELIEVED_MS = 3_600_000;

export interface PhaseMoveRequest extends PlannedMove {
  readonly companyId: string;
  readonly appointmentId: string;
  readonly slotScope?: { companyId: string; branchId: string; staffId: string };
}

/** A move's end: the phase's booking (or why not), or "create it": the old one is out of the way. */
export type MoveResult = PhaseResult | { readonly kind: 'create'; readonly why: string };

/** What the calendar made of an old booking a move may have been sent for. */
type Trace =
  | { readonly kind: 'moved'; readonly booking: ExternalBooking }
  | { readonly kind: 'still_there' }
  | { readonly kind: 'gone' };

const isLive = (b: ExternalBooking | null): boolean =>
  b !== null && b.status !== 'cancelled' && b.status !== 'rejected';

/**
 * Moves one booking of ours to its phase's new time with the calendar's reschedule, exactly
 * once. The old booking's ledger line is marked before the request goes out, so the calendar's
 * echo (rescheduled / cancelled) reads as ours, and so a later attempt knows a move may have
 * happened: it asks the calendar what became of the old booking before it sends anything. The
 * calendar answers a move with a new booking (new uid) and keeps the old one, cancelled, pointing
 * to it (`rescheduledToUid`); that pointer, checked against the new booking's
 * `rescheduledFromUid`, is how a move that answered an error is found. Our metadata is no help
 * there: the calendar does not promise to carry it over, and where it does it names the old
 * phase. After any error or timeout it waits and asks before calling it a failure.
 *
 * When the old booking is gone, or the calendar refuses the move itself (not the time), or the
 * moved booking comes back with another length (the reschedule takes the event type's own
 * length, which an event type offering several may not share), the phase is created instead.
 */
export class PhaseMover {
  private readonly canceller: BookingCanceller;
  /** `credentialRef:eventTypeId:minutes` whose moves changed the length, until when (ms). */
  private readonly resizing = new Map<string, number>();

  constructor(
    private readonly calendar: CalendarGateway,
    private readonly ledger: CalendarBookingLedger,
    private readonly settings: SyncSettings,
    private readonly sleep: Sleeper,
    private readonly clock: Clock,
  ) {
    this.canceller = new BookingCanceller(calendar, ledger);
  }

  async move(r: PhaseMoveRequest): Promise<MoveResult> {
    if (r.from.state !== 'live') {
      // A move (or a cancel) of it may have gone out before: the calendar knows what became of it.
      let trace: Trace;
      try {
        trace = await this.traceOf(r);
      } catch (error) {
        return failed(r.phase, 'lookup before move', error);
      }
      if (trace.kind === 'moved') return this.settle(r, trace.booking, 'found_moved');
      if (trace.kind === 'gone') return this.gone(r);
    }
    if (this.resizes(r)) return this.cancelInstead(r, r.from, 'its moves change the length');
    if (r.from.state === 'live')
      await this.ledger.mark(r.from.bookingUid, 'cancelling', MOVING_NOTE);
    return this.send(r);
  }

  private async send(r: PhaseMoveRequest): Promise<MoveResult> {
    let moved: ExternalBooking;
    try {
      moved = await this.calendar.rescheduleBooking({
        credentialRef: r.from.credentialRef,
        uid: r.from.bookingUid,
        newStart: r.phase.start,
        reason: 'moved',
        slotScope: r.slotScope,
      });
    } catch (moveError) {
      return this.afterError(r, moveError);
    }
    return this.settle(r, moved, 'moved');
  }

  private async afterError(r: PhaseMoveRequest, moveError: unknown): Promise<MoveResult> {
    if (moveError instanceof CalendarUnavailable || moveError instanceof CalendarRateLimited) {
      // Refused before anything happened (breaker, or the calendar's throttler): still live.
      await this.ledger.mark(r.from.bookingUid, 'live');
      return failed(r.phase, 'move', moveError);
    }
    if (moveError instanceof CalendarNotFound) return this.gone(r);
    await this.sleep(this.settings.verifyDelayMs);
    let trace: Trace;
    try {
      trace = await this.traceOf(r);
    } catch (lookupError) {
      return failed(r.phase, 'move', moveError, { lookupError, retryable: true });
    }
    if (trace.kind === 'moved') return this.settle(r, trace.booking, 'verified_after_error');
    if (trace.kind === 'gone') return this.gone(r);
    // Still where it was. A refused time is tried again like a refused create; a move the
    // calendar will not make at all is done as cancel and create.
    if (moveError instanceof CalendarBadRequest) {
      return this.cancelInstead(r, r.from, 'the calendar refused to move it');
    }
    return failed(r.phase, 'move', moveError, { retryable: true });
  }

  /** The old booking: moved (to which live booking), still there, or gone. */
  private async traceOf(r: PhaseMoveRequest): Promise<Trace> {
    const ref = { credentialRef: r.from.credentialRef };
    const old = await this.calendar.getBooking({ ...ref, uid: r.from.bookingUid });
    if (!old) return { kind: 'gone' };
    if (isLive(old)) return { kind: 'still_there' };
    if (!old.rescheduledToUid) return { kind: 'gone' };
    const next = await this.calendar.getBooking({ ...ref, uid: old.rescheduledToUid });
    if (!next || !isLive(next)) return { kind: 'gone' };
    // Another booking's successor would not be ours to take.
    const fromOld = next.rescheduledFromUid === undefined || next.rescheduledFromUid === old.uid;
    return fromOld ? { kind: 'moved', booking: next } : { kind: 'gone' };
  }

  /** Records the moved booking for its phase before anything else can go wrong, then checks it. */
  private async settle(
    r: PhaseMoveRequest,
    booking: ExternalBooking,
    how: BookedHow,
  ): Promise<MoveResult> {
    const entry = {
      companyId: r.companyId,
      appointmentId: r.appointmentId,
      phaseId: r.phase.id,
      credentialRef: r.from.credentialRef,
      eventTypeId: r.eventTypeId,
      bookingId: booking.externalId,
      bookingUid: booking.uid,
      start: booking.start,
      end: booking.end,
    };
    await this.ledger.recordLive(entry);
    await this.ledger.mark(r.from.bookingUid, 'cancelled', `moved to ${booking.uid}`);
    if (booking.start.getTime() !== r.phase.start.getTime()) {
      return { kind: 'misplaced', phase: r.phase, booking };
    }
    if (booking.end.getTime() !== r.phase.end.getTime()) {
      this.learnResizing(r);
      return this.cancelInstead(r, { ...entry, state: 'live' }, 'the move changed its length');
    }
    return { kind: 'booked', phase: r.phase, booking, how };
  }

  private async gone(r: PhaseMoveRequest): Promise<MoveResult> {
    await this.ledger.mark(r.from.bookingUid, 'cancelled', 'gone from the calendar');
    return { kind: 'create', why: 'the booking to move is gone' };
  }

  /** Cancels `entry` so that the phase can be created; a failed cancel fails the phase. */
  private async cancelInstead(
    r: PhaseMoveRequest,
    entry: LedgerEntry,
    why: string,
  ): Promise<MoveResult> {
    const [failure] = await this.canceller.cancel([entry], 'moved', r.slotScope);
    if (failure) {
      return {
        kind: 'failed',
        phase: r.phase,
        reason: `phase ${r.phase.sequence} move: ${why}; ${failure.reason}`,
        retryable: true,
        waiting: false,
      };
    }
    return { kind: 'create', why };
  }

  private resizes(r: PhaseMoveRequest): boolean {
    return (this.resizing.get(this.key(r)) ?? 0) > this.clock.now().getTime();
  }

  private learnResizing(r: PhaseMoveRequest): void {
    if (this.resizing.size >= 10_000) this.resizing.clear();
    this.resizing.set(this.key(r), this.clock.now().getTime() + RESIZING_BELIEVED_MS);
  }

  private key(r: PhaseMoveRequest): string {
    const minutes = (r.phase.end.getTime() - r.phase.start.getTime()) / 60_000;
    return `${r.from.credentialRef}:${r.eventTypeId}:${minutes}`;
  }
}
