import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CALENDAR_BOOKING_LEDGER,
  type CalendarBookingLedger,
} from '../ports/calendar-booking-ledger.port';
import {
  syncJobId,
  type JobAttempt,
  type JobVerdict,
  type SyncJob,
  type SyncJobHandler,
} from '../ports/sync-queue.port';
import { CompensateBookingsUseCase } from './compensate-bookings.use-case';
import { KeptLease } from './kept-lease';
import { ReconcileCalendarUseCase } from './reconcile-calendar.use-case';
import { SyncAppointmentUseCase } from './sync-appointment.use-case';
import { SYNC_SETTINGS, type SyncSettings } from './sync-settings';

/**
 * What a queue delivers lands here. Jobs that touch one appointment hold its lease, so two
 * workers never book the same appointment at once; a job that finds the lease taken comes back
 * later without using one of its attempts. The lease is renewed while the job runs and released
 * when it ends, so the appointments of a worker that died are free within one lease time.
 */
@Injectable()
export class SyncJobDispatcher implements SyncJobHandler {
  private readonly log = new Logger(SyncJobDispatcher.name);
  private readonly holder = randomUUID();

  constructor(
    private readonly sync: SyncAppointmentUseCase,
    private readonly compensate: CompensateBookingsUseCase,
    private readonly reconcile: ReconcileCalendarUseCase,
    @Inject(CALENDAR_BOOKING_LEDGER) private readonly ledger: CalendarBookingLedger,
    @Inject(SYNC_SETTINGS) private readonly settings: SyncSettings,
  ) {}

  async handle(job: SyncJob, attempt: JobAttempt): Promise<JobVerdict> {
    if (job.kind === 'reconcile') return this.reconcile.execute(job);
    // Per delivery, not per process: two jobs of one appointment in one worker (a swept job
    // beside the original) must not share the lease. The delivery is hashed: a swept job's id
    // with its round would overflow the lease's holder column (varchar(100)).
    const delivery = createHash('sha256').update(`${syncJobId(job)}:${attempt.number}`);
    const holder = `${this.holder}:${delivery.digest('hex').slice(0, 32)}`;
    const lease = await KeptLease.take(
      this.ledger,
      job.appointmentId,
      holder,
      this.settings.leaseMs,
      () => this.log.warn(`lease of appointment ${job.appointmentId} lapsed during its job`),
    );
    if (!lease) {
      return {
        kind: 'later',
        delayMs: this.settings.waitMs,
        reason: 'appointment busy in another job',
      };
    }
    try {
      return job.kind === 'sync'
        ? await this.sync.execute(job, attempt)
        : await this.compensate.execute(job, attempt);
    } finally {
      await lease.release();
    }
  }
}
