import { Inject, Injectable } from '@nestjs/common';
import type { Appointment } from '../../domain/appointment/appointment';
import { TimeRange } from '../../domain/shared/time-range';
import { AUDIT_LOG, type AuditLog } from '../ports/audit-log.port';
import {
  CALENDAR_BOOKING_LEDGER,
  type CalendarBookingLedger,
  type LedgerEntry,
} from '../ports/calendar-booking-ledger.port';
import { CALENDAR_GATEWAY } from '../ports/calendar-gateway.port';
import {
  CALENDAR_MAPPING_REPOSITORY,
  type CalendarMappingRepository,
} from '../ports/calendar-mapping.port';
import { CLOCK, type Clock } from '../ports/clock.port';
import {
  OUTSIDE_CALENDAR_BLOCKS,
  type BlockOutcome,
  type OutsideCalendarBlocks,
} from '../ports/outside-calendar-blocks.port';
import { SYNC_KICKER, type SyncKicker } from '../ports/sync-queue.port';
import { UNIT_OF_WORK, type TransactionPorts, type UnitOfWork } from '../ports/unit-of-work.port';
import {
  signedFor,
  signerTenants,
  type CalendarEvent,
  type CalendarEventOutcome,
  type CalendarEventSigner,
} from './calendar-event';
import { FollowCalendarMove } from './follow-calendar-move';
import { LockedAppointments } from './locked-appointments';
import {
  dropSlotAnswers,
  type SlotAnswerCache,
  type StylistInBranch,
} from './stylist-slot-answers';
import { vouchedMetadata } from './vouched-metadata';

export type { CalendarEvent, CalendarEventOutcome, CalendarEventSigner } from './calendar-event';

const ACTOR = 'calcom-webhook';

/** The appointment phase a booking belongs to. */
type BookingOwner = Pick<LedgerEntry, 'companyId' | 'appointmentId' | 'phaseId'>;

/** What a cancellation in the calendar did here, and whose cached slot answers it touched. */
interface CancelledHere {
  readonly outcome: CalendarEventOutcome;
  readonly stylist: StylistInBranch | null;
  readonly queued?: boolean;
}

/**
 * Applies what happened in the external calendar to ours. Outside bookings block (or free, or
 * move) the stylist's time; a cancellation of our own booking cancels the appointment, a move
 * moves all of it (FollowCalendarMove). Our own
 * cancellations coming back as events (reschedule, compensation) are recognised in the ledger
 * and change nothing. Repeated events are harmless.
 *
 * An event acts only within the tenant whose webhook secret signed it: outside bookings through
 * that tenant's event types, our bookings when that tenant owns them. Whatever it changed, the
 * stylist's cached slot answers are dropped, as after our own booking changes.
 */
@Injectable()
export class ApplyCalendarEventUseCase {
  private readonly moves: FollowCalendarMove;
  private readonly locked: LockedAppointments;

  constructor(
    @Inject(CALENDAR_MAPPING_REPOSITORY) private readonly mappings: CalendarMappingRepository,
    @Inject(CALENDAR_BOOKING_LEDGER) private readonly ledger: CalendarBookingLedger,
    @Inject(OUTSIDE_CALENDAR_BLOCKS) private readonly blocks: OutsideCalendarBlocks,
    @Inject(UNIT_OF_WORK) uow: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR_GATEWAY) private readonly slots: SlotAnswerCache,
    @Inject(SYNC_KICKER) private readonly kicker: SyncKicker,
  ) {
    this.locked = new LockedAppointments(uow, clock);
    this.moves = new FollowCalendarMove(ledger, mappings, this.locked, clock, slots, kicker);
  }

  async execute(event: CalendarEvent, signer: CalendarEventSigner): Promise<CalendarEventOutcome> {
    const entry = await this.ledger.findByUid(event.previousUid ?? event.uid);
    // Another tenant's booking: a signature vouches for its own tenant only.
    if (entry && !signedFor(signer, entry.companyId)) return this.refuse(entry, event);
    // Ours by the ids we put in the metadata, or by the ledger when the calendar dropped them.
    if (event.metadata.appointment_id !== undefined || entry) {
      return this.ourBooking(event, signer, entry);
    }
    if (event.eventTypeId === undefined) return 'ignored';
    const stylist = await this.mappings.stylistForEventType(
      event.eventTypeId,
      signerTenants(signer),
    );
    if (!stylist) return 'ignored';
    if (event.end.getTime() <= event.start.getTime()) return 'ignored';
    const outcome = await this.outsideBooking(event, stylist);
    await dropSlotAnswers(this.slots, stylist);
    return outcome;
  }

  private async outsideBooking(
    event: CalendarEvent,
    stylist: StylistInBranch,
  ): Promise<CalendarEventOutcome> {
    const range = TimeRange.of(event.start, event.end);
    const { companyId, staffId } = stylist;
    switch (event.trigger) {
      case 'BOOKING_CREATED':
        return this.afterBlock(
          companyId,
          event,
          await this.blocks.block(companyId, staffId, event.uid, range),
          'blocked',
        );
      case 'BOOKING_CANCELLED': {
        const released = await this.blocks.release(companyId, event.uid);
        if (released)
          await this.note(
            companyId,
            'calendar_webhook.block_released',
            'busy_block',
            event.uid,
            {},
          );
        return released ? 'released' : 'duplicate';
      }
      case 'BOOKING_RESCHEDULED': {
        const outcome = await this.blocks.move(
          companyId,
          staffId,
          event.previousUid ?? event.uid,
          event.uid,
          range,
        );
        return this.afterBlock(companyId, event, outcome, 'moved');
      }
    }
  }

  private async afterBlock(
    companyId: string,
    event: CalendarEvent,
    outcome: BlockOutcome,
    done: 'blocked' | 'moved',
  ): Promise<CalendarEventOutcome> {
    if (outcome.kind === 'duplicate') return 'duplicate';
    if (outcome.kind === 'blocked') {
      await this.note(companyId, `calendar_webhook.${done}`, 'busy_block', event.uid, {
        start: event.start.toISOString(),
        end: event.end.toISOString(),
      });
      return done;
    }
    const reason = `outside calendar booking ${event.uid} overlaps this appointment`;
    for (const appointmentId of outcome.appointmentIds) {
      await this.flag(companyId, appointmentId, reason);
    }
    await this.note(companyId, 'calendar_webhook.overlap', 'busy_block', event.uid, {
      appointments: outcome.appointmentIds,
      start: event.start.toISOString(),
      end: event.end.toISOString(),
    });
    return 'overlap_flagged';
  }

  private async ourBooking(
    event: CalendarEvent,
    signer: CalendarEventSigner,
    entry: LedgerEntry | null,
  ): Promise<CalendarEventOutcome> {
    if (event.trigger === 'BOOKING_CREATED') return 'ignored'; // our own create echoed back
    if (event.trigger === 'BOOKING_RESCHEDULED') return this.moves.execute(event, signer);
    // Cancelled by a move, not by the salon: the move's own BOOKING_RESCHEDULED says where to.
    if (event.movedToUid !== undefined) return 'ignored';
    // We cancelled it ourselves (reschedule, compensation): the event is our echo.
    if (entry && entry.state !== 'live') return 'ignored';
    const target = entry ?? (await vouchedMetadata(this.mappings, event, signer));
    if (!target) return 'ignored';
    const { companyId, appointmentId, phaseId } = target;
    if (entry) await this.ledger.mark(entry.bookingUid, 'cancelled', 'cancelled in the calendar');
    const { outcome, stylist, queued } = await this.locked.run(
      { companyId },
      appointmentId,
      (a, tx) => this.cancelHere(a, tx, event, target, entry),
    );
    if (queued) this.kicker.kick();
    if (outcome !== 'ignored') {
      await this.note(companyId, `calendar_webhook.${outcome}`, 'appointment', appointmentId, {
        uid: event.uid,
        phaseId,
        trigger: event.trigger,
      });
    }
    // The booking is gone from the calendar whatever became of the appointment here.
    if (stylist) await dropSlotAnswers(this.slots, await this.withBranch(stylist, event));
    return outcome;
  }

  /** Inside the appointment's lock: the salon cancelled a booking of ours in the calendar. */
  private async cancelHere(
    a: Appointment | null,
    tx: TransactionPorts,
    event: CalendarEvent,
    target: BookingOwner,
    entry: LedgerEntry | null,
  ): Promise<CancelledHere> {
    const { companyId, appointmentId, phaseId } = target;
    const scope = { companyId };
    if (!a) return { outcome: 'ignored', stylist: null };
    const phase = a.phases.find((p) => p.id === phaseId);
    // The stylist whose calendar held the booking: a shared visit's phase has its own.
    const staffId = phase ? a.stylistOf(phase) : a.staffId;
    const stylist = { companyId, staffId, branchId: a.branchId };
    if (a.status !== 'scheduled' || !phase) return { outcome: 'ignored', stylist };
    // While the phase's own booking is live, only that one speaks for the appointment.
    // Another with our ids is a duplicate (reconciliation cancels those): its
    // cancellation, even one that outruns our cancel's answer, leaves the appointment as
    // it is. (If the phase's booking is gone, the one the salon cancelled was its stand-in.)
    const phaseBooking = phase.calcomBookingUid ?? entry?.bookingUid;
    if (phaseBooking !== undefined && phaseBooking !== event.uid) {
      const own = await this.ledger.findByUid(phaseBooking);
      if (own?.state === 'live') return { outcome: 'ignored', stylist };
    }
    // A composite appointment is mirrored whole or not at all: its other phases' bookings,
    // still live in the calendar, are cancelled by the sync like any cancellation's.
    const othersLive = (await tx.ledger.forAppointment(companyId, appointmentId)).some(
      (e) => e.state === 'live' && e.bookingUid !== event.uid,
    );
    const cancelled = a.cancel({ propagate: othersLive });
    if (!cancelled.ok) return { outcome: 'ignored', stylist };
    await tx.appointments.save(scope, cancelled.value, this.clock.now());
    if (othersLive) await tx.outbox.record(scope, a.id, 'cancel');
    return { outcome: 'appointment_cancelled', stylist, queued: othersLive };
  }

  /** Appointments without a branch are cached under their stylist's (the event type's) branch. */
  private async withBranch(
    stylist: StylistInBranch,
    event: CalendarEvent,
  ): Promise<StylistInBranch> {
    if (stylist.branchId || event.eventTypeId === undefined) return stylist;
    const mapped = await this.mappings.stylistForEventType(event.eventTypeId, [stylist.companyId]);
    return mapped?.staffId === stylist.staffId
      ? { ...stylist, branchId: mapped.branchId }
      : stylist;
  }

  /**
   * Signed by a tenant that does not own the booking: nothing changes. The owner's log keeps
   * that it was tried (ids only), so a leaked or misused secret shows.
   */
  private async refuse(entry: LedgerEntry, event: CalendarEvent): Promise<CalendarEventOutcome> {
    await this.note(
      entry.companyId,
      'calendar_webhook.refused',
      'appointment',
      entry.appointmentId,
      {
        trigger: event.trigger,
        uid: event.uid,
        reason: "signed with another tenant's webhook secret",
      },
    );
    return 'ignored';
  }

  private async flag(companyId: string, appointmentId: string, reason: string): Promise<void> {
    await this.locked.edit({ companyId }, appointmentId, (a) =>
      a.status === 'scheduled' ? a.needsReview(reason) : undefined,
    );
  }

  private note(
    companyId: string,
    action: string,
    entity: string,
    entityId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({
      companyId,
      actor: ACTOR,
      action,
      entity,
      entityId,
      details,
      at: this.clock.now(),
    });
  }
}
