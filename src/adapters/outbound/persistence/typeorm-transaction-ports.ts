import { EntityManager } from 'typeorm';
import type { TransactionPorts } from '../../../application/ports/unit-of-work.port';
import { TypeOrmAdminKeyStore } from './admin/typeorm-admin-key-store';
import { TypeOrmBranchAdmin } from './admin/typeorm-branch-admin';
import { TypeOrmCalendarAdmin } from './admin/typeorm-calendar-admin';
import { TypeOrmCompanyClosure } from './admin/typeorm-company-closure';
import { TypeOrmCustomerErasure } from './admin/typeorm-customer-erasure';
import { TypeOrmServiceAdmin } from './admin/typeorm-service-admin';
import { TypeOrmStaffAdmin } from './admin/typeorm-staff-admin';
import { TypeOrmStaffMerge } from './admin/typeorm-staff-merge';
import { TypeOrmSyncReview } from './admin/typeorm-sync-review';
import { CredentialCipher } from './credential-cipher';
import { TypeOrmAppointmentRepository } from './repositories/typeorm-appointment.repository';
import { TypeOrmAuditLog } from './repositories/typeorm-audit-log';
import { TypeOrmCalendarBookingLedger } from './repositories/typeorm-calendar-booking-ledger';
import { TypeOrmCustomerRepository } from './repositories/typeorm-customer.repository';
import { TypeOrmHoldRepository } from './repositories/typeorm-hold.repository';
import { TypeOrmSyncOutbox } from './repositories/typeorm-sync-outbox';

/**
 * The repositories bound to one entity manager (the data source's, or a transaction's), each
 * made when first asked for: a booking's transaction does not build the admin's fifteen.
 */
export class TypeOrmTransactionPorts implements TransactionPorts {
  private readonly made = new Map<keyof TransactionPorts, unknown>();
  private setupAsked = false;

  constructor(
    private readonly m: EntityManager,
    private readonly cipher: CredentialCipher | null = null,
  ) {}

  /** Whether a port that changes the salon's set-up (what the phone path caches) was used. */
  get touchedSetup(): boolean {
    return this.setupAsked;
  }

  get appointments() {
    return this.once('appointments', () => new TypeOrmAppointmentRepository(this.m));
  }
  get customers() {
    return this.once('customers', () => new TypeOrmCustomerRepository(this.m));
  }
  get holds() {
    return this.once('holds', () => new TypeOrmHoldRepository(this.m));
  }
  get outbox() {
    return this.once('outbox', () => new TypeOrmSyncOutbox(this.m));
  }
  get audit() {
    return this.once('audit', () => new TypeOrmAuditLog(this.m));
  }
  get ledger() {
    return this.once('ledger', () => new TypeOrmCalendarBookingLedger(this.m));
  }
  get keys() {
    return this.once('keys', () => new TypeOrmAdminKeyStore(this.m));
  }
  get calendar() {
    return this.once('calendar', () => new TypeOrmCalendarAdmin(this.m, this.cipher));
  }
  get review() {
    return this.once('review', () => new TypeOrmSyncReview(this.m));
  }
  get erasure() {
    return this.once('erasure', () => new TypeOrmCustomerErasure(this.m));
  }
  get branches() {
    return this.setup('branches', () => new TypeOrmBranchAdmin(this.m));
  }
  get staff() {
    return this.setup('staff', () => new TypeOrmStaffAdmin(this.m));
  }
  get services() {
    return this.setup('services', () => new TypeOrmServiceAdmin(this.m));
  }
  get merge() {
    return this.setup('merge', () => new TypeOrmStaffMerge(this.m));
  }
  get closure() {
    return this.setup('closure', () => new TypeOrmCompanyClosure(this.m));
  }

  private once<K extends keyof TransactionPorts>(
    port: K,
    make: () => TransactionPorts[K],
  ): TransactionPorts[K] {
    if (!this.made.has(port)) this.made.set(port, make());
    return this.made.get(port) as TransactionPorts[K];
  }

  private setup<K extends keyof TransactionPorts>(
    port: K,
    make: () => TransactionPorts[K],
  ): TransactionPorts[K] {
    this.setupAsked = true;
    return this.once(port, make);
  }
}

/** The repositories bound to one entity manager, e.g. the data source's outside a transaction. */
export function portsFor(
  m: EntityManager,
  cipher: CredentialCipher | null = null,
): TypeOrmTransactionPorts {
  return new TypeOrmTransactionPorts(m, cipher);
}
