import { Appointment } from '../../domain/appointment/appointment';
import { TenantScope } from '../ports/appointment.repository.port';
import { TransactionPorts } from '../ports/unit-of-work.port';

/**
 * The appointment was changed between a phone function's read and its write: by a twin
 * delivery of the same request (Retell retries slow calls), another call, or the salon.
 */
export class ChangedMeanwhile extends Error {
  constructor(readonly appointmentId: string) {
    super(`appointment ${appointmentId} changed meanwhile`);
  }
}

/**
 * Inside a unit of work, first: locks the appointment and makes sure it still stands as it was
 * read, or throws ChangedMeanwhile (the caller then reads again and answers from what is there
 * now), so that a stale copy never undoes a change, and a retried change is made once.
 */
export async function lockAsRead(
  tx: TransactionPorts,
  scope: TenantScope,
  read: Appointment,
): Promise<void> {
  const current = await tx.appointments.findByIdLocked(scope, read.id);
  if (!current || !current.standsAs(read)) throw new ChangedMeanwhile(read.id);
}

/** Runs `attempt` again (once) when it met a change made meanwhile. */
export async function againIfChanged<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!(error instanceof ChangedMeanwhile)) throw error;
    return attempt();
  }
}
