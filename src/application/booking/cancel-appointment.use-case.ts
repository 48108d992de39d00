import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../ports/clock.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { SYNC_KICKER, SyncKicker } from '../ports/sync-queue.port';
import { UNIT_OF_WORK, UnitOfWork } from '../ports/unit-of-work.port';
import { cancelledAnswer } from './appointment-answers';
import { callerAudit } from './booking-transaction';
import { CallContext } from './call-context';
import { CallerAppointmentsFinder } from './caller-appointments.finder';
import { againIfChanged, lockAsRead } from './changed-meanwhile';
import { answer, FunctionAnswer } from './function-answer';
import { PhoneFunctionArgs } from './phone-functions';
import { whichOne } from './which-one';

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
  ): Promise<FunctionAnswer> {
    return againIfChanged(() => this.attempt(salon, call, args));
  }

  private async attempt(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<FunctionAnswer> {
    const now = this.clock.now();
    const found = await this.finder.find(salon, call, args, now, ['scheduled', 'cancelled']);
    if (!found.ok) return found.error;
    const scheduled = found.value.filter((a) => a.status === 'scheduled');
    // A retried cancellation finds only the appointment it already cancelled: same answer.
    const candidates = scheduled.length > 0 ? scheduled : found.value;
    const one = whichOne(salon, candidates, 'stornieren');
    if (!one.ok) return one.error;
    const target = one.value;
    if (target.status === 'cancelled') return cancelledAnswer(salon, target);
    const cancelled = target.cancel();
    if (!cancelled.ok)
      return answer(cancelled.error.code, 'Dieser Termin kann nicht mehr storniert werden.');
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
    return cancelledAnswer(salon, cancelled.value);
  }
}
