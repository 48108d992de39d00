import { Inject, Injectable } from '@nestjs/common';
import { CustomerMentions } from '../../../domain/salon/customer-mentions';
import { err, ok, Result } from '../../../domain/shared/result';
import { CLOCK, Clock } from '../../ports/clock.port';
import { SYNC_KICKER, SyncKicker } from '../../ports/sync-queue.port';
import { CompanyScope } from '../admin-actor';
import { NotFound } from '../admin.errors';
import { UNIT_OF_WORK, TransactionPorts, UnitOfWork } from '../../ports/unit-of-work.port';

export interface CustomerErased {
  readonly id: string;
  readonly erasedAt: string;
  /** Future appointments cancelled by this request (0 when it was erased before). */
  readonly cancelledAppointments: number;
  /** Calls whose number and traced arguments were cleared by this request. */
  readonly clearedCalls: number;
}

/** Cancellations per round; a customer with more future appointments takes several rounds. */
const ROUND = 50;

/**
 * Erasure of a customer (GDPR Art. 17): their future appointments are cancelled like a staff
 * cancel (outbox entry, so Cal.com's bookings go too), their personal data is removed from every
 * place it was stored, and the erasure itself is audited with the customer's id only. Past
 * appointments stay as anonymous statistics. Erasing again changes nothing.
 */
@Injectable()
export class EraseCustomerUseCase {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SYNC_KICKER) private readonly kicker: SyncKicker,
  ) {}

  async erase(scope: CompanyScope, id: string): Promise<Result<CustomerErased, NotFound>> {
    const now = this.clock.now();
    const outcome = await this.uow.run(async (tx) => {
      const customer = await tx.erasure.lockCustomer(scope.companyId, id);
      if (!customer) return null;
      if (customer.erasedAt) {
        return { id, erasedAt: customer.erasedAt, cancelledAppointments: 0, clearedCalls: 0 };
      }
      const cancelled = await this.cancelFuture(tx, scope, id, now);
      const counts = await tx.erasure.erase(
        scope.companyId,
        id,
        CustomerMentions.of(customer),
        now,
      );
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: 'customer.erased',
        entity: 'customer',
        entityId: id,
        details: { cancelledAppointments: cancelled, clearedCalls: counts.calls },
        at: now,
      });
      return { id, erasedAt: now, cancelledAppointments: cancelled, clearedCalls: counts.calls };
    });
    if (!outcome) return err(new NotFound('CUSTOMER'));
    if (outcome.cancelledAppointments > 0) this.kicker.kick();
    return ok({ ...outcome, erasedAt: outcome.erasedAt.toISOString() });
  }

  /** Cancels every scheduled appointment of the customer that has not started yet. */
  private async cancelFuture(
    tx: TransactionPorts,
    scope: CompanyScope,
    customerId: string,
    now: Date,
  ): Promise<number> {
    let cancelled = 0;
    for (;;) {
      const upcoming = await tx.appointments.upcomingForCustomers(scope, [customerId], now);
      const future = upcoming.filter((a) => a.start.getTime() > now.getTime());
      for (const appointment of future) {
        const result = appointment.cancel();
        if (!result.ok) continue;
        await tx.appointments.save(scope, result.value, now);
        await tx.outbox.record(scope, appointment.id, 'cancel');
        await tx.audit.record({
          companyId: scope.companyId,
          actor: scope.actor,
          action: 'appointment.cancelled',
          entity: 'appointment',
          entityId: appointment.id,
          details: { start: appointment.start.toISOString(), source: 'erasure' },
          at: now,
        });
        cancelled++;
      }
      if (upcoming.length < ROUND || future.length === 0) return cancelled;
    }
  }
}
