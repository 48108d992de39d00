import { EntityManager } from 'typeorm';
import { AdminTransactionPorts } from '../../../../application/admin/ports/admin-unit-of-work.port';
import { CredentialCipher } from '../credential-cipher';
import { portsFor } from '../typeorm-unit-of-work';
import { TypeOrmAdminKeyStore } from './typeorm-admin-key-store';
import { TypeOrmBranchAdmin } from './typeorm-branch-admin';
import { TypeOrmCalendarAdmin } from './typeorm-calendar-admin';
import { TypeOrmCompanyClosure } from './typeorm-company-closure';
import { TypeOrmCustomerErasure } from './typeorm-customer-erasure';
import { TypeOrmServiceAdmin } from './typeorm-service-admin';
import { TypeOrmStaffAdmin } from './typeorm-staff-admin';
import { TypeOrmStaffMerge } from './typeorm-staff-merge';
import { TypeOrmSyncReview } from './typeorm-sync-review';

/** The booking and admin adapters bound to one entity manager (the data source's or a transaction's). */
export function adminPortsFor(
  m: EntityManager,
  cipher: CredentialCipher | null,
): AdminTransactionPorts {
  return {
    ...portsFor(m),
    keys: new TypeOrmAdminKeyStore(m),
    branches: new TypeOrmBranchAdmin(m),
    staff: new TypeOrmStaffAdmin(m),
    services: new TypeOrmServiceAdmin(m),
    calendar: new TypeOrmCalendarAdmin(m, cipher),
    review: new TypeOrmSyncReview(m),
    merge: new TypeOrmStaffMerge(m),
    erasure: new TypeOrmCustomerErasure(m),
    closure: new TypeOrmCompanyClosure(m),
  };
}
