import { Inject, Injectable } from '@nestjs/common';
import { Appointment } from '../../domain/appointment/appointment';
import { DomainError } from '../../domain/shared/domain-error';
import { CLOCK, Clock } from '../ports/clock.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { SYNC_KICKER, SyncKicker } from '../ports/sync-queue.port';
import { UNIT_OF_WORK, UnitOfWork } from '../ports/unit-of-work.port';
import { callerAudit } from './booking-transaction';
import { CallContext } from './call-context';
import { CallerAppointmentsFinder, LookupRefusal } from './caller-appointments.finder';
import { againIfChanged, lockAsRead } from './changed-meanwhile';
import { PhoneFunctionArgs } from './phone-functions';
import { NoSuchAppointment, WhichOne, whichOne } from './which-one';

/** The appointment is cancelled (now, or already by an earlier delivery of the request). */
export interface Cancelled {
  readonly kind: 'cancelled';
  readonly appointment: Appointment;
}

/** The appointment's state allows no cancellation any more (e.g. completed). */
export interface NotCancellable {
  readonly kind: 'refused';
  readonly reason: 'NOT_CANCELLABLE';
  readonly error: DomainError;
}

export type CancelAppointmentOutcome =
  Cancelled | NotCancellable | LookupRefusal | NoSuchAppointment | WhichOne;

/** Cancels the one appointment the caller means; several candidates answer with a question. */
@Injectable()
export class CancelAppointmentUseCase {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    private readonly finder: CallerAppointmentsFinder,
    @Inject(SYNC_KICKER) private readonly kicker: SyncKicker,
  ) {}

  execute(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<CancelAppointmentOutcome> {
    return againIfChanged(() => this.attempt(salon, call, args));
  }

  private async attempt(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<CancelAppointmentOutcome> {
    const now = this.clock.now();
    const found = await this.finder.find(salon, call, args, now, ['scheduled', 'cancelled']);
    if (!found.ok) return found.error;
    const scheduled = found.value.filter((a) => a.status === 'scheduled');
    // A retried cancellation finds only the appointment it already cancelled: same answer.
    const candidates = scheduled.length > 0 ? scheduled : found.value;
    const one = whichOne(candidates, 'cancel');
    if (!one.ok) return one.error;
    const target = one.value;
    if (target.status === 'cancelled') return { kind: 'cancelled', appointment: target };
    const cancelled = target.cancel();
    if (!cancelled.ok)
      return { kind: 'refused', reason: 'NOT_CANCELLABLE', error: cancelled.error };
    const scope = { companyId: salon.companyId };
    await this.uow.run(async (tx) => {
      await lockAsRead(tx, scope, target);
      const saved = await tx.appointments.save(scope, cancelled.value, now);
      if (!saved.ok) throw new Error('a cancellation cannot overlap anything');
      await tx.outbox.record(scope, target.id, 'cancel');
      await tx.audit.record(
        callerAudit(
          salon,
          call,
          'appointment.cancelled',
          target.id,
          { start: target.start.toISOString() },
          now,
        ),
      );
    });
    this.kicker.kick();
    return { kind: 'cancelled', appointment: cancelled.value };
  }
}
