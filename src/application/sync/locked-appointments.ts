import type { Appointment } from '../../domain/appointment/appointment';
import type { TenantScope } from '../ports/appointment.repository.port';
import type { Clock } from '../ports/clock.port';
import type { TransactionPorts, UnitOfWork } from '../ports/unit-of-work.port';

/**
 * The appointment as committed now, under its lock: nobody changes it between this read and
 * the write that follows, so what the sync or a calendar event learnt is applied to the latest
 * state, never to the copy a job read before it called the calendar.
 */
export class LockedAppointments {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * Loads the appointment fresh, lets `change` apply what was learnt (an aggregate's method),
   * saves what it returns. Returning nothing, or a gone appointment, leaves the row as it is.
   * True when it saved.
   */
  edit(
    scope: TenantScope,
    appointmentId: string,
    change: (fresh: Appointment) => Appointment | undefined,
  ): Promise<boolean> {
    return this.run(scope, appointmentId, async (fresh, tx) => {
      const next = fresh ? change(fresh) : undefined;
      if (!next) return false;
      await tx.appointments.save(scope, next, this.clock.now());
      return true;
    });
  }

  /** As edit, for work that writes more in the same transaction (ledger, outbox, audit). */
  run<T>(
    scope: TenantScope,
    appointmentId: string,
    work: (fresh: Appointment | null, tx: TransactionPorts) => Promise<T>,
  ): Promise<T> {
    return this.uow.runLocked(appointmentId, async (tx) =>
      work(await tx.appointments.findById(scope, appointmentId), tx),
    );
  }
}
