import { Inject, Injectable, Optional } from '@nestjs/common';
import { TimeRange } from '../../domain/shared/time-range';
import { AUDIT_LOG, type AuditLog } from '../ports/audit-log.port';
import {
  CALENDAR_BOOKING_LEDGER,
  SYNC_UNIT_OF_WORK,
  type CalendarBookingLedger,
  type SyncUnitOfWork,
} from '../ports/calendar-booking-ledger.port';
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
import { escalate } from './appointment-sync-edits';
import type { CalendarEvent, CalendarEventOutcome } from './calendar-event';
import { FollowCalendarMove } from './follow-calendar-move';

export type { CalendarEvent, CalendarEventOutcome } from './calendar-event';

const ACTOR = 'calcom-webhook';

/**
 * Applies what happened in the external calendar to ours. Outside bookings block (or free, or
 * move) the stylist's time; a cancellation of our own booking cancels the appointment, a move
 * moves all of it (FollowCalendarMove). Our own
 * cancellations coming back as events (reschedule, compensation) are recognised in the ledger
 * and change nothing. Repeated events are harmless.
 */
@Injectable()
export class ApplyCalendarEventUseCase {
  private readonly moves: FollowCalendarMove;

  constructor(
    @Inject(CALENDAR_MAPPING_REPOSITORY) private readonly mappings: CalendarMappingRepository,
    @Inject(CALENDAR_BOOKING_LEDGER) private readonly ledger: CalendarBookingLedger,
    @Inject(OUTSIDE_CALENDAR_BLOCKS) private readonly blocks: OutsideCalendarBlocks,
    @Inject(SYNC_UNIT_OF_WORK) private readonly uow: SyncUnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(SYNC_KICKER) kicker?: SyncKicker,
  ) {
    this.moves = new FollowCalendarMove(ledger, mappings, uow, clock, kicker);
  }

  async execute(event: CalendarEvent): Promise<CalendarEventOutcome> {
    // Ours by the ids we put in the metadata, or by the ledger when the calendar dropped them.
    const ours =
      event.metadata.appointment_id !== undefined ||
      (await this.ledger.findByUid(event.previousUid ?? event.uid)) !== null;
    if (ours) return this.ourBooking(event);
    if (event.eventTypeId === undefined) return 'ignored';
    const stylist = await this.mappings.stylistForEventType(event.eventTypeId);
    if (!stylist) return 'ignored';
    if (event.end.getTime() <= event.start.getTime()) return 'ignored';
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

  private async ourBooking(event: CalendarEvent): Promise<CalendarEventOutcome> {
    if (event.trigger === 'BOOKING_CREATED') return 'ignored'; // our own create echoed back
    if (event.trigger === 'BOOKING_RESCHEDULED') return this.moves.execute(event);
    const entry = await this.ledger.findByUid(event.previousUid ?? event.uid);
    const companyId = entry?.companyId ?? event.metadata.company_id;
    const appointmentId = entry?.appointmentId ?? event.metadata.appointment_id;
    const phaseId = entry?.phaseId ?? event.metadata.phase_id;
    if (!companyId || !appointmentId) return 'ignored';
    // We cancelled it ourselves (reschedule, compensation): the event is our echo.
    if (entry && entry.state !== 'live') return 'ignored';
    if (event.trigger === 'BOOKING_CANCELLED' && entry) {
      await this.ledger.mark(entry.bookingUid, 'cancelled', 'cancelled in the calendar');
    }
    const scope = { companyId };
    const outcome = await this.uow.runLocked(appointmentId, async (tx) => {
      const a = await tx.appointments.findById(scope, appointmentId);
      if (!a || a.status !== 'scheduled') return 'ignored' as const;
      if (!a.phases.some((p) => p.id === phaseId)) return 'ignored' as const;
      const cancelled = a.cancel({ propagate: false });
      if (!cancelled.ok) return 'ignored' as const;
      await tx.appointments.save(scope, cancelled.value, this.clock.now());
      return 'appointment_cancelled' as const;
    });
    if (outcome !== 'ignored') {
      await this.note(companyId, `calendar_webhook.${outcome}`, 'appointment', appointmentId, {
        uid: event.uid,
        phaseId,
        trigger: event.trigger,
      });
    }
    return outcome;
  }

  private async flag(companyId: string, appointmentId: string, reason: string): Promise<void> {
    await this.uow.runLocked(appointmentId, async (tx) => {
      const a = await tx.appointments.findById({ companyId }, appointmentId);
      if (!a || a.status !== 'scheduled') return;
      await tx.appointments.save({ companyId }, escalate(a, reason), this.clock.now());
    });
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
