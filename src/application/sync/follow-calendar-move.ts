import type { Appointment } from '../../domain/appointment/appointment';
import type { CalendarBookingLedger } from '../ports/calendar-booking-ledger.port';
import type { CalendarMappingRepository } from '../ports/calendar-mapping.port';
import type { Clock } from '../ports/clock.port';
import type { SyncKicker } from '../ports/sync-queue.port';
import type { TransactionPorts } from '../ports/unit-of-work.port';
import {
  signedFor,
  type CalendarEvent,
  type CalendarEventOutcome,
  type CalendarEventSigner,
} from './calendar-event';
import { whyNotFollow } from './calendar-move-refusal';
import type { LockedAppointments } from './locked-appointments';
import { findOurMovedBooking, type OurMovedBooking } from './our-moved-booking';
import {
  dropSlotAnswers,
  type SlotAnswerCache,
  type StylistInBranch,
} from './stylist-slot-answers';
import { realSleeper, type Sleeper } from './sync-settings';

const ACTOR = 'calcom-webhook';
const LEASE_MS = 30_000;
/** A running sync job is waited for briefly; after that the move is flagged, not raced. */
const LEASE_WAITS_MS = [100, 400, 1000];

/**
 * A salon moved one of our bookings in the external calendar. The whole appointment follows by
 * the same offset, in one transaction under the appointment lock (and the sync lease): phases,
 * busy blocks, the ledger (the moved phase now lives under the new uid, the old uid is gone, so
 * its echo changes nothing) and an outbox entry, so the sync moves the other phases' bookings.
 * The moved phase keeps its id and its ledger line matches its new time, so the sync neither
 * recreates nor cancels it. A move that cannot be followed puts the appointment to manual review.
 */
export class FollowCalendarMove {
  constructor(
    private readonly ledger: CalendarBookingLedger,
    private readonly mappings: CalendarMappingRepository,
    private readonly locked: LockedAppointments,
    private readonly clock: Clock,
    private readonly slots: SlotAnswerCache,
    private readonly kicker?: SyncKicker,
    private readonly sleep: Sleeper = realSleeper,
  ) {}

  async execute(event: CalendarEvent, signer: CalendarEventSigner): Promise<CalendarEventOutcome> {
    // The ledger knows the new uid: this event was applied before (or is our own move's echo).
    const known = await this.ledger.findByUid(event.uid);
    if (known) return signedFor(signer, known.companyId) ? 'duplicate' : 'ignored';
    const moved = await findOurMovedBooking(this.ledger, this.mappings, event, signer);
    if (!moved) return 'ignored';
    const holder = `${ACTOR}:${event.uid}`;
    const leased = await this.lease(moved.appointmentId, holder);
    try {
      const scope = { companyId: moved.companyId };
      const { outcome, stylist } = await this.locked.run(
        scope,
        moved.appointmentId,
        async (a, tx) => {
          if (!a) return { outcome: 'ignored' as const, stylist: null };
          const phase = a.phases.find((p) => p.id === moved.phaseId);
          const before: StylistInBranch = {
            companyId: moved.companyId,
            branchId: a.branchId ?? moved.stylist?.branchId,
            staffId: phase ? a.stylistOf(phase) : a.staffId,
          };
          return { outcome: await this.apply(tx, a, event, moved, leased), stylist: before };
        },
      );
      if (outcome === 'appointment_moved') this.kicker?.kick();
      // Followed or not, the booking moved in the calendar: both stylists' answers are stale.
      if (stylist) await dropSlotAnswers(this.slots, stylist, moved.stylist);
      return outcome;
    } finally {
      if (leased) await this.ledger.releaseLease(moved.appointmentId, holder);
    }
  }

  private async apply(
    tx: TransactionPorts,
    a: Appointment,
    event: CalendarEvent,
    moved: OurMovedBooking,
    leased: boolean,
  ): Promise<CalendarEventOutcome> {
    const scope = { companyId: moved.companyId };
    const now = this.clock.now();
    const why = whyNotFollow(a, event, {
      phaseId: moved.phaseId,
      now,
      stylistId: moved.stylist?.staffId,
      leased,
    });
    if (why) return this.refuse(tx, a, event, moved, why);

    const phase = a.phases.find((p) => p.id === moved.phaseId)!;
    const offsetMs = event.start.getTime() - phase.start.getTime();
    const followed = a.movedInCalendar({
      phaseId: moved.phaseId,
      start: event.start,
      bookingId: String(event.bookingId ?? 0),
      bookingUid: event.uid,
    });
    // whyNotFollow has ruled these out; should one slip through, a person decides.
    if (!followed.ok) return this.refuse(tx, a, event, moved, followed.error.code);
    const next = followed.value;
    const saved = await tx.appointments.save(scope, next, now);
    if (!saved.ok) {
      // The savepoint rolled the move back; the appointment is as it was.
      return this.refuse(
        tx,
        a,
        event,
        moved,
        `that time is taken here (${saved.error.conflictKind})`,
      );
    }
    await this.recordInLedger(tx, event, moved);
    await tx.outbox.record(scope, a.id, 'reschedule');
    await tx.audit.record({
      companyId: moved.companyId,
      actor: ACTOR,
      action: 'calendar_webhook.appointment_moved',
      entity: 'appointment',
      entityId: a.id,
      details: {
        uid: event.uid,
        previousUid: moved.previous?.bookingUid ?? null,
        phaseId: moved.phaseId,
        from: a.start.toISOString(),
        to: next.start.toISOString(),
        offsetMinutes: offsetMs / 60_000,
      },
      at: now,
    });
    return 'appointment_moved';
  }

  /** The appointment stays where it is and a person looks at it; the ledger follows the calendar. */
  private async refuse(
    tx: TransactionPorts,
    a: Appointment,
    event: CalendarEvent,
    moved: OurMovedBooking,
    why: string,
  ): Promise<CalendarEventOutcome> {
    const now = this.clock.now();
    const reason = `moved in the calendar to ${event.start.toISOString()} (booking ${event.uid}), not applied: ${why}`;
    await this.recordInLedger(tx, event, moved);
    // Delivered again after a refusal the ledger could not record: already flagged for this.
    if (a.awaitsReviewFor(reason)) return 'duplicate';
    await tx.appointments.save({ companyId: moved.companyId }, a.needsReview(reason), now);
    await tx.audit.record({
      companyId: moved.companyId,
      actor: ACTOR,
      action: 'calendar_webhook.appointment_flagged',
      entity: 'appointment',
      entityId: a.id,
      details: {
        trigger: event.trigger,
        uid: event.uid,
        previousUid: moved.previous?.bookingUid ?? null,
        phaseId: moved.phaseId,
        to: event.start.toISOString(),
        reason: why,
      },
      at: now,
    });
    return 'appointment_flagged';
  }

  /** The old uid is gone from the calendar (not ours to cancel); the new one is live. */
  private async recordInLedger(
    tx: TransactionPorts,
    event: CalendarEvent,
    moved: OurMovedBooking,
  ): Promise<void> {
    if (moved.previous) {
      await tx.ledger.mark(
        moved.previous.bookingUid,
        'cancelled',
        `rescheduled in the calendar to ${event.uid}`,
      );
    }
    if (event.end.getTime() <= event.start.getTime()) return; // no sensible line to keep
    await tx.ledger.recordLive({
      companyId: moved.companyId,
      appointmentId: moved.appointmentId,
      phaseId: moved.phaseId,
      credentialRef: moved.credentialRef,
      eventTypeId: moved.eventTypeId,
      // Every later call uses the uid; the numeric id is kept for the record only.
      bookingId: event.bookingId ?? 0,
      bookingUid: event.uid,
      start: event.start,
      end: event.end,
    });
  }

  private async lease(appointmentId: string, holder: string): Promise<boolean> {
    for (const wait of [0, ...LEASE_WAITS_MS]) {
      if (wait > 0) await this.sleep(wait);
      if (await this.ledger.tryLease(appointmentId, holder, LEASE_MS)) return true;
    }
    return false;
  }
}
