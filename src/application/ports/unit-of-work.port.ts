import type { AdminKeyStore } from '../admin/ports/admin-key-store.port';
import type { BranchAdmin } from '../admin/ports/branch-admin.port';
import type { CalendarAdmin } from '../admin/ports/calendar-admin.port';
import type { CompanyClosure } from '../admin/ports/company-closure.port';
import type { CustomerErasure } from '../admin/ports/customer-erasure.port';
import type { ServiceAdmin } from '../admin/ports/service-admin.port';
import type { StaffAdmin } from '../admin/ports/staff-admin.port';
import type { StaffMerge } from '../admin/ports/staff-merge.port';
import type { SyncReview } from '../admin/ports/sync-review.port';
import type { AppointmentRepository } from './appointment.repository.port';
import type { AuditLog } from './audit-log.port';
import type { CalendarBookingLedger } from './calendar-booking-ledger.port';
import type { CustomerRepository } from './customer.repository.port';
import type { HoldRepository } from './hold.repository.port';
import type { SyncOutbox } from './sync-outbox.port';

export const UNIT_OF_WORK = Symbol('UnitOfWork');

/** The ports a use case may write through inside one transaction. */
export interface TransactionPorts {
  readonly appointments: AppointmentRepository;
  readonly customers: CustomerRepository;
  readonly holds: HoldRepository;
  readonly outbox: SyncOutbox;
  readonly audit: AuditLog;
  /** The calendar mirror's bookings: a booking change and its ledger lines commit together. */
  readonly ledger: CalendarBookingLedger;
  // The operators' side.
  readonly keys: AdminKeyStore;
  readonly branches: BranchAdmin;
  readonly staff: StaffAdmin;
  readonly services: ServiceAdmin;
  readonly calendar: CalendarAdmin;
  readonly review: SyncReview;
  readonly merge: StaffMerge;
  readonly erasure: CustomerErasure;
  readonly closure: CompanyClosure;
}

/**
 * Runs `work` in one database transaction: everything it wrote commits (audit entries and
 * outbox rows included), or nothing does. A transaction the database aborts for a deadlock is
 * run again (a few times), so `work` must only read and write through `tx`. What the database
 * still refuses comes out as a StoreRefusal.
 */
export interface UnitOfWork {
  run<T>(work: (tx: TransactionPorts) => Promise<T>): Promise<T>;
  /**
   * As run, with the appointment's row locked first: `work` sees the appointment as committed
   * now, and nobody changes it until this commits.
   */
  runLocked<T>(appointmentId: string, work: (tx: TransactionPorts) => Promise<T>): Promise<T>;
}
