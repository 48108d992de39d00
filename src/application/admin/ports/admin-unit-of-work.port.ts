import { TransactionPorts } from '../../ports/unit-of-work.port';
import { AdminKeyStore } from './admin-key-store.port';
import { BranchAdmin } from './branch-admin.port';
import { CalendarAdmin } from './calendar-admin.port';
import { CompanyClosure } from './company-closure.port';
import { CustomerErasure } from './customer-erasure.port';
import { ServiceAdmin } from './service-admin.port';
import { StaffAdmin } from './staff-admin.port';
import { StaffMerge } from './staff-merge.port';
import { SyncReview } from './sync-review.port';

export const ADMIN_UNIT_OF_WORK = Symbol('AdminUnitOfWork');

/** The booking ports plus the admin ones, all bound to one transaction. */
export interface AdminTransactionPorts extends TransactionPorts {
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

/** Everything `work` writes commits together, audit entries included, or nothing does. */
export interface AdminUnitOfWork {
  run<T>(work: (tx: AdminTransactionPorts) => Promise<T>): Promise<T>;
}
