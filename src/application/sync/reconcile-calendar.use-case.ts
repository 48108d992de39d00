import { Inject, Injectable } from '@nestjs/common';
import {
  APPOINTMENT_REPOSITORY,
  type AppointmentRepository,
} from '../ports/appointment.repository.port';
import { AUDIT_LOG, type AuditLog } from '../ports/audit-log.port';
import {
  CALENDAR_BOOKING_LEDGER,
  type CalendarBookingLedger,
} from '../ports/calendar-booking-ledger.port';
import { CALENDAR_GATEWAY, type CalendarGateway } from '../ports/calendar-gateway.port';
import { CLOCK, type Clock } from '../ports/clock.port';
import type { JobVerdict, ReconciliationJob } from '../ports/sync-queue.port';
import { UNIT_OF_WORK, type UnitOfWork } from '../ports/unit-of-work.port';
import { SYNC_KICKER, type SyncKicker } from '../ports/sync-queue.port';
import { BookingCanceller } from './booking-canceller';
import { describe } from './phase-booker';

const HORIZON_MS = 30 * 24 * 3600_000;

/**
 * Compares the bookings we hold in the external calendar for the next 30 days with our
 * appointments. A booking whose appointment is gone or cancelled is cancelled; a synced
 * appointment whose booking vanished is queued again. Every action is audited.
 *
 * It walks our ledger (every booking we made is recorded before anything else happens), since
 * the calendar port offers no listing by tenant.
 */
@Injectable()
export class ReconcileCalendarUseCase {
  private readonly canceller: BookingCanceller;

  constructor(
    @Inject(CALENDAR_GATEWAY) private readonly calendar: CalendarGateway,
    @Inject(CALENDAR_BOOKING_LEDGER) private readonly ledger: CalendarBookingLedger,
    @Inject(APPOINTMENT_REPOSITORY) private readonly appointments: AppointmentRepository,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(SYNC_KICKER) private readonly kicker: SyncKicker,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.canceller = new BookingCanceller(calendar, ledger);
  }

  async execute(job: ReconciliationJob): Promise<JobVerdict> {
    const now = this.clock.now();
    const scope = { companyId: job.companyId };
    const entries = await this.ledger.liveBetween(
      job.companyId,
      now,
      new Date(now.getTime() + HORIZON_MS),
    );
    let orphans = 0;
    let requeued = 0;
    const requeue = new Set<string>();
    for (const entry of entries) {
      const appointment = await this.appointments.findById(scope, entry.appointmentId);
      const current = appointment?.phases.find((p) => p.id === entry.phaseId);
      if (!appointment || appointment.status === 'cancelled' || !current) {
        const failures = await this.canceller.cancel([entry], 'Kein Termin mehr im Salon');
        orphans++;
        await this.note(job, 'calendar_reconcile.orphan_cancelled', entry.appointmentId, {
          uid: entry.bookingUid,
          failed: failures.map((f) => f.reason),
        });
        continue;
      }
      let booking;
      try {
        booking = await this.calendar.getBooking({
          credentialRef: entry.credentialRef,
          uid: entry.bookingUid,
        });
      } catch (error) {
        return { kind: 'retry', reason: `reconciliation lookup: ${describe(error)}` };
      }
      const vanished = !booking || booking.status === 'cancelled' || booking.status === 'rejected';
      if (vanished && appointment.syncState === 'synced' && appointment.status === 'scheduled') {
        await this.ledger.mark(entry.bookingUid, 'cancelled', 'vanished from the calendar');
        requeue.add(appointment.id);
      }
    }
    for (const appointmentId of requeue) {
      await this.uow.run(async (tx) => {
        const fresh = await tx.appointments.findById(scope, appointmentId);
        if (!fresh) return;
        const pending = fresh.requestSync();
        if (!pending.ok) return;
        await tx.appointments.save(scope, pending.value, now);
        await tx.outbox.record(scope, appointmentId, 'create');
      });
      requeued++;
      await this.note(job, 'calendar_reconcile.requeued', appointmentId, {});
    }
    if (requeued > 0) this.kicker.kick();
    await this.note(job, 'calendar_reconcile.done', undefined, {
      checked: entries.length,
      orphans,
      requeued,
    });
    return { kind: 'done' };
  }

  private note(
    job: ReconciliationJob,
    action: string,
    entityId: string | undefined,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({
      companyId: job.companyId,
      actor: 'calendar-reconcile',
      action,
      entity: entityId ? 'appointment' : 'company',
      entityId: entityId ?? job.companyId,
      details,
      at: this.clock.now(),
    });
  }
}
