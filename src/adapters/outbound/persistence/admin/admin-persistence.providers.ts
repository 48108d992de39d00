import { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ADMIN_KEY_STORE } from '../../../../application/admin/ports/admin-key-store.port';
import {
  ADMIN_UNIT_OF_WORK,
  AdminTransactionPorts,
  AdminUnitOfWork,
} from '../../../../application/admin/ports/admin-unit-of-work.port';
import { APPOINTMENT_QUERY } from '../../../../application/admin/ports/appointment-query.port';
import { AUDIT_TRAIL } from '../../../../application/admin/ports/audit-trail.port';
import { BRANCH_ADMIN } from '../../../../application/admin/ports/branch-admin.port';
import { CALENDAR_ADMIN } from '../../../../application/admin/ports/calendar-admin.port';
import { COMPANY_DIRECTORY } from '../../../../application/admin/ports/company-directory.port';
import { CUSTOMER_ADMIN } from '../../../../application/admin/ports/customer-admin.port';
import { CUSTOMER_EXPORT } from '../../../../application/admin/ports/customer-export.port';
import { SERVICE_ADMIN } from '../../../../application/admin/ports/service-admin.port';
import { STAFF_ADMIN } from '../../../../application/admin/ports/staff-admin.port';
import { STAFF_MERGE } from '../../../../application/admin/ports/staff-merge.port';
import { SYNC_REVIEW } from '../../../../application/admin/ports/sync-review.port';
import { SALON_CATALOG } from '../../../../application/ports/salon-catalog.port';
import { AppConfig } from '../../../../config/app-config';
import { TypeOrmSalonCatalog } from '../repositories/typeorm-salon-catalog';
import { CredentialCipher } from '../credential-cipher';
import { adminPortsFor } from './admin-ports';
import { TypeOrmAppointmentQuery } from './typeorm-appointment-query';
import { TypeOrmAuditTrail } from './typeorm-audit-trail';
import { TypeOrmCompanyDirectory } from './typeorm-company-directory';
import { TypeOrmCustomerAdmin } from './typeorm-customer-admin';
import { TypeOrmCustomerExport } from './typeorm-customer-export';
import { retriedTransaction } from '../retried-transaction';

/** The cipher for Cal.com secrets; null without ENCRYPTION_KEY (storing them is then refused). */
export const ADMIN_CREDENTIAL_CIPHER = Symbol('AdminCredentialCipher');

class TypeOrmAdminUnitOfWork implements AdminUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CredentialCipher | null,
    private readonly catalog?: TypeOrmSalonCatalog,
  ) {}

  async run<T>(work: (tx: AdminTransactionPorts) => Promise<T>): Promise<T> {
    const result = await retriedTransaction(this.dataSource, (m) =>
      work(adminPortsFor(m, this.cipher)),
    );
    // The phone path reuses branch set-up for a few seconds; an operator's change shows at once.
    this.catalog?.forget();
    return result;
  }
}

const DS = getDataSourceToken();

const outsideTransaction = (
  token: symbol,
  pick: (ports: AdminTransactionPorts) => unknown,
): Provider => ({
  provide: token,
  inject: [DS, ADMIN_CREDENTIAL_CIPHER],
  useFactory: (ds: DataSource, cipher: CredentialCipher | null) =>
    pick(adminPortsFor(ds.manager, cipher)),
});

/** The admin API's persistence adapters behind their ports. */
export const ADMIN_PERSISTENCE_PROVIDERS: Provider[] = [
  {
    provide: ADMIN_CREDENTIAL_CIPHER,
    inject: [AppConfig],
    useFactory: (config: AppConfig) =>
      config.env.ENCRYPTION_KEY ? new CredentialCipher(config.env.ENCRYPTION_KEY) : null,
  },
  {
    provide: ADMIN_UNIT_OF_WORK,
    inject: [DS, ADMIN_CREDENTIAL_CIPHER, { token: SALON_CATALOG, optional: true }],
    useFactory: (ds: DataSource, cipher: CredentialCipher | null, catalog?: unknown) =>
      new TypeOrmAdminUnitOfWork(
        ds,
        cipher,
        catalog instanceof TypeOrmSalonCatalog ? catalog : undefined,
      ),
  },
  outsideTransaction(ADMIN_KEY_STORE, (p) => p.keys),
  outsideTransaction(BRANCH_ADMIN, (p) => p.branches),
  outsideTransaction(STAFF_ADMIN, (p) => p.staff),
  outsideTransaction(SERVICE_ADMIN, (p) => p.services),
  outsideTransaction(CALENDAR_ADMIN, (p) => p.calendar),
  outsideTransaction(SYNC_REVIEW, (p) => p.review),
  outsideTransaction(STAFF_MERGE, (p) => p.merge),
  {
    provide: COMPANY_DIRECTORY,
    inject: [DS],
    useFactory: (ds: DataSource) => new TypeOrmCompanyDirectory(ds.manager),
  },
  {
    provide: CUSTOMER_ADMIN,
    inject: [DS],
    useFactory: (ds: DataSource) => new TypeOrmCustomerAdmin(ds.manager),
  },
  {
    provide: CUSTOMER_EXPORT,
    inject: [DS],
    useFactory: (ds: DataSource) => new TypeOrmCustomerExport(ds.manager),
  },
  {
    provide: APPOINTMENT_QUERY,
    inject: [DS],
    useFactory: (ds: DataSource) => new TypeOrmAppointmentQuery(ds.manager),
  },
  {
    provide: AUDIT_TRAIL,
    inject: [DS],
    useFactory: (ds: DataSource) => new TypeOrmAuditTrail(ds.manager),
  },
];
