import { Inject, Injectable } from '@nestjs/common';
import type { Appointment } from '../../domain/appointment/appointment';
import {
  CALENDAR_BOOKING_LEDGER,
  type CalendarBookingLedger,
} from '../ports/calendar-booking-ledger.port';
import { CALENDAR_GATEWAY, type CalendarGateway } from '../ports/calendar-gateway.port';
import { SYNC_QUEUE, type SyncAppointmentJob, type SyncQueue } from '../ports/sync-queue.port';
import { BookingCanceller, type CancelFailure } from './booking-canceller';
import { SyncJournal } from './sync-journal';

export interface CompensationResult {
  /** Bookings the appointment held when the sync gave up. */
  readonly held: number;
  readonly failures: readonly CancelFailure[];
}

/**
 * A composite appointment is mirrored whole or not at all: when the sync gives up, the bookings
 * it holds are cancelled. Cancels that fail stay in the ledger as `cancelling` and are queued as
 * their own job (CompensateBookingsUseCase), visible, never silent.
 */
@Injectable()
export class BookingCompensation {
  private readonly canceller: BookingCanceller;

  constructor(
    @Inject(CALENDAR_GATEWAY) calendar: CalendarGateway,
    @Inject(CALENDAR_BOOKING_LEDGER) private readonly ledger: CalendarBookingLedger,
    @Inject(SYNC_QUEUE) private readonly queue: SyncQueue,
    private readonly journal: SyncJournal,
  ) {
    this.canceller = new BookingCanceller(calendar, ledger);
  }

  async cancelHeld(job: SyncAppointmentJob, appointment: Appointment): Promise<CompensationResult> {
    const entries = await this.ledger.forAppointment(job.companyId, job.appointmentId);
    const open = entries.filter((e) => e.state !== 'cancelled');
    for (const e of open) await this.ledger.mark(e.bookingUid, 'cancelling');
    const failures = await this.canceller.cancel(open, 'incomplete', {
      companyId: job.companyId,
      branchId: appointment.branchId ?? '',
      staffId: appointment.staffId,
    });
    return { held: open.length, failures };
  }

  /** Cancels that failed go to a compensation job of their own. */
  async queueUnfinished(
    job: SyncAppointmentJob,
    failures: readonly CancelFailure[],
  ): Promise<void> {
    if (failures.length === 0) return;
    await this.queue.enqueueCompensation({
      kind: 'compensate',
      companyId: job.companyId,
      appointmentId: job.appointmentId,
      appointmentVersion: job.appointmentVersion,
    });
    await this.journal.note(job, 'calendar_sync.compensation_failed', {
      failures: failures.map((f) => f.reason),
    });
  }
}
