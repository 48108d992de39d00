import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_LOG, type AuditLog } from '../ports/audit-log.port';
import {
  CALENDAR_BOOKING_LEDGER,
  type CalendarBookingLedger,
} from '../ports/calendar-booking-ledger.port';
import { CALENDAR_GATEWAY, type CalendarGateway } from '../ports/calendar-gateway.port';
import { CLOCK, type Clock } from '../ports/clock.port';
import type { CompensationJob, JobAttempt, JobVerdict } from '../ports/sync-queue.port';
import { BookingCanceller } from './booking-canceller';
import { waitFor } from './calendar-wait';
import { SYNC_SETTINGS, type SyncSettings } from './sync-settings';

/**
 * Finishes a compensation that failed inside the sync job: every booking of the appointment
 * still marked `cancelling` in the ledger is cancelled. Each run is audited; after the last
 * attempt the bookings stay `cancelling` (visible) for reconciliation and for a person.
 */
@Injectable()
export class CompensateBookingsUseCase {
  private readonly canceller: BookingCanceller;

  constructor(
    @Inject(CALENDAR_GATEWAY) calendar: CalendarGateway,
    @Inject(CALENDAR_BOOKING_LEDGER) private readonly ledger: CalendarBookingLedger,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SYNC_SETTINGS) private readonly settings: SyncSettings,
  ) {
    this.canceller = new BookingCanceller(calendar, ledger);
  }

  async execute(job: CompensationJob, attempt: JobAttempt): Promise<JobVerdict> {
    const entries = await this.ledger.forAppointment(job.companyId, job.appointmentId);
    const cancelling = entries.filter((e) => e.state === 'cancelling');
    const failures = await this.canceller.cancel(cancelling, 'incomplete');
    if (failures.length > 0 && failures.every((f) => f.waiting)) {
      // Throttled or behind an open breaker: nothing was cancelled, nor did anything fail.
      const reason = failures.map((f) => f.reason).join('; ');
      return { kind: 'later', delayMs: waitFor(failures, this.settings.waitMs), reason };
    }
    const action =
      failures.length === 0
        ? 'calendar_sync.compensated'
        : attempt.final
          ? 'calendar_sync.compensation_abandoned'
          : 'calendar_sync.compensation_failed';
    await this.audit.record({
      companyId: job.companyId,
      actor: 'calendar-sync',
      action,
      entity: 'appointment',
      entityId: job.appointmentId,
      details: {
        attempt: attempt.number,
        cancelled: cancelling.length - failures.length,
        failures: failures.map((f) => f.reason),
      },
      at: this.clock.now(),
    });
    if (failures.length > 0 && !attempt.final) {
      return { kind: 'retry', reason: failures.map((f) => f.reason).join('; ') };
    }
    return { kind: 'done' };
  }
}
