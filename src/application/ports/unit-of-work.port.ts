import { AppointmentRepository } from './appointment.repository.port';
import { AuditLog } from './audit-log.port';
import { CustomerRepository } from './customer.repository.port';
import { HoldRepository } from './hold.repository.port';
import { SyncOutbox } from './sync-outbox.port';

export const UNIT_OF_WORK = Symbol('UnitOfWork');

/** The ports a use case may write through inside one transaction. */
export interface TransactionPorts {
  readonly appointments: AppointmentRepository;
  readonly customers: CustomerRepository;
  readonly holds: HoldRepository;
  readonly outbox: SyncOutbox;
  readonly audit: AuditLog;
}

/**
 * Runs `work` in one database transaction: everything it wrote commits, or nothing does. A
 * transaction the database aborts for a deadlock is run again (a few times), so `work` must
 * only read and write through `tx`.
 */
export interface UnitOfWork {
  run<T>(work: (tx: TransactionPorts) => Promise<T>): Promise<T>;
}
