import { Inject, Injectable } from '@nestjs/common';
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
import { escalate } from './appointment-sync-edits';

/** A booking event from the external calendar, already checked for its signature. */
export interface CalendarEvent {
  readonly trigger: 'BOOKING_CREATED' | 'BOOKING_CANCELLED' | 'BOOKING_RESCHEDULED';
  readonly uid: string;
  /** For a reschedule: the uid of the booking that was moved, when the payload names it. */
  readonly previousUid?: string;
  readonly eventTypeId?: number;
  readonly start: Date;
  readonly end: Date;
  readonly metadata: Readonly<Record<string, string>>;
}

export type CalendarEventOutcome =
  | 'ignored'
  | 'blocked'
  | 'duplicate'
  | 'overlap_flagged'
  | 'released'
  | 'moved'
  | 'appointment_cancelled'
  | 'appointment_flagged';

const ACTOR = 'calcom-webhook';

/**
 * Applies what happened in the external calendar to ours. Outside bookings block (or free, or
 * move) the stylist's time; changes to our own bookings update the appointment. Our own
 * cancellations coming back as events (reschedule, compensation) are recognised in the ledger
 * and change nothing. Repeated events are harmless.
 */
@Injectable()
export class ApplyCalendarEventUseCase {
  constructor(
    @Inject(CALENDAR_MAPPING_REPOSITORY) private readonly mappings: CalendarMappingRepository,
    @Inject(CALENDAR_BOOKING_LEDGER) private readonly ledger: CalendarBookingLedger,
    @Inject(OUTSIDE_CALENDAR_BLOCKS) private readonly blocks: OutsideCalendarBlocks,
    @Inject(SYNC_UNIT_OF_WORK) private readonly uow: SyncUnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(event: CalendarEvent): Promise<CalendarEventOutcome> {
    const ours = event.metadata.appointment_id !== undefined;
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
      if (event.trigger === 'BOOKING_CANCELLED') {
        const cancelled = a.cancel({ propagate: false });
        if (!cancelled.ok) return 'ignored' as const;
        await tx.appointments.save(scope, cancelled.value, this.clock.now());
        return 'appointment_cancelled' as const;
      }
      const reason = `moved in the calendar to ${event.start.toISOString()} (booking ${event.uid})`;
      await tx.appointments.save(scope, escalate(a, reason), this.clock.now());
      return 'appointment_flagged' as const;
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
