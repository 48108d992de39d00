import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../../domain/shared/domain-error';
import { err, ok, Result } from '../../../domain/shared/result';
import { scrubText } from '../../../domain/shared/scrub-text';
import {
  APPOINTMENT_REPOSITORY,
  AppointmentRepository,
} from '../../ports/appointment.repository.port';
import { CLOCK, Clock } from '../../ports/clock.port';
import { SyncAction } from '../../ports/sync-outbox.port';
import { SYNC_KICKER, SyncKicker } from '../../ports/sync-queue.port';
import { CompanyScope } from '../admin-actor';
import { Conflict, NotFound } from '../admin.errors';
import { appointmentView, AppointmentView } from '../appointments/appointment.view';
import { UNIT_OF_WORK, UnitOfWork } from '../../ports/unit-of-work.port';

export type Resolution = 'synced' | 'not_required';

/** The audit log keeps at most this much of an operator's note. */
export const NOTE_MAX_LENGTH = 500;

/** The audit log never holds numbers or e-mails: scrubbed first, then cut (never mid-number). */
const auditableNote = (note: string): string => scrubText(note).slice(0, NOTE_MAX_LENGTH);

const notInReview = () =>
  new Conflict('SYNC.NOT_IN_REVIEW', 'This appointment is not waiting for manual review.');

/** The two things a person does with an appointment the calendar sync gave up on. */
@Injectable()
export class ManualReviewUseCase {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(APPOINTMENT_REPOSITORY) private readonly appointments: AppointmentRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SYNC_KICKER) private readonly kicker: SyncKicker,
  ) {}

  /** Back to pending with a fresh outbox entry: the sync runs again and converges. */
  async retry(scope: CompanyScope, id: string): Promise<Result<AppointmentView, DomainError>> {
    const result = await this.uow.run(async (tx) => {
      const a = await tx.appointments.findById(scope, id);
      if (!a) return err(new NotFound('APPOINTMENT'));
      if (a.syncState !== 'manual_review' && a.syncState !== 'failed') return err(notInReview());
      const pending = a.requestSync();
      if (!pending.ok) return pending;
      const now = this.clock.now();
      const saved = await tx.appointments.save(scope, pending.value, now);
      if (!saved.ok) return err(saved.error);
      const last = await tx.review.lastOutboxAction(scope.companyId, id);
      const action: SyncAction =
        a.status === 'cancelled' ? 'cancel' : last === 'reschedule' ? 'reschedule' : 'create';
      await tx.outbox.record(scope, id, action);
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: 'calendar_sync.retry_requested',
        entity: 'appointment',
        entityId: id,
        details: { from: a.syncState, outbox: action },
        at: now,
      });
      return ok(appointmentView(pending.value));
    });
    if (result.ok) this.kicker.kick();
    return result;
  }

  /** A person checked the calendar: it holds the booking (synced) or needs none (not_required). */
  resolve(
    scope: CompanyScope,
    id: string,
    resolution: Resolution,
    note: string,
  ): Promise<Result<AppointmentView, DomainError>> {
    return this.uow.run(async (tx) => {
      const a = await tx.appointments.findById(scope, id);
      if (!a) return err(new NotFound('APPOINTMENT'));
      if (a.syncState !== 'manual_review') return err(notInReview());
      const now = this.clock.now();
      if (resolution === 'synced') {
        const synced = a.markSynced();
        if (!synced.ok) return synced;
        const saved = await tx.appointments.save(scope, synced.value, now);
        if (!saved.ok) return err(saved.error);
      } else if (!(await tx.review.markNotRequired(scope.companyId, id, now))) {
        return err(notInReview());
      }
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: 'calendar_sync.resolved',
        entity: 'appointment',
        entityId: id,
        details: { resolution, note: auditableNote(note) },
        at: now,
      });
      const after = await tx.appointments.findById(scope, id);
      return ok(appointmentView(after ?? a));
    });
  }
}
