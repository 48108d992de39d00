import { Global, Module, Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ADMIN_KEY_STORE } from '../../../application/admin/ports/admin-key-store.port';
import { APPOINTMENT_QUERY } from '../../../application/admin/ports/appointment-query.port';
import { AUDIT_TRAIL } from '../../../application/admin/ports/audit-trail.port';
import { BRANCH_ADMIN } from '../../../application/admin/ports/branch-admin.port';
import { CALENDAR_ADMIN } from '../../../application/admin/ports/calendar-admin.port';
import { COMPANY_DIRECTORY } from '../../../application/admin/ports/company-directory.port';
import { CUSTOMER_ADMIN } from '../../../application/admin/ports/customer-admin.port';
import { CUSTOMER_EXPORT } from '../../../application/admin/ports/customer-export.port';
import { SERVICE_ADMIN } from '../../../application/admin/ports/service-admin.port';
import { STAFF_ADMIN } from '../../../application/admin/ports/staff-admin.port';
import { STAFF_MERGE } from '../../../application/admin/ports/staff-merge.port';
import { SYNC_REVIEW } from '../../../application/admin/ports/sync-review.port';
import { APPOINTMENT_REPOSITORY } from '../../../application/ports/appointment.repository.port';
import { AUDIT_LOG } from '../../../application/ports/audit-log.port';
import { CALENDAR_BOOKING_LEDGER } from '../../../application/ports/calendar-booking-ledger.port';
import { CALENDAR_CREDENTIALS } from '../../../application/ports/calendar-gateway.port';
import { CALENDAR_MAPPING_REPOSITORY } from '../../../application/ports/calendar-mapping.port';
import { CALL_REPOSITORY } from '../../../application/ports/call.repository.port';
import { CUSTOMER_REPOSITORY } from '../../../application/ports/customer.repository.port';
import { HOLD_REPOSITORY } from '../../../application/ports/hold.repository.port';
import { OUTSIDE_CALENDAR_BLOCKS } from '../../../application/ports/outside-calendar-blocks.port';
import { PHONE_BOOKING_READER } from '../../../application/ports/phone-booking-reader.port';
import { PHONE_BOOKING_WRITER } from '../../../application/ports/phone-booking-writer.port';
import { CONSENT_REGISTER } from '../../../application/ports/consent-register.port';
import { TypeOrmConsentRegister } from './repositories/typeorm-consent.register';
import { RETELL_KEYS } from '../../../application/ports/retell-keys.port';
import { SALON_CATALOG } from '../../../application/ports/salon-catalog.port';
import { SALON_WRITER } from '../../../application/ports/salon-writer.port';
import { OUTBOX_CLAIMS } from '../../../application/ports/sync-queue.port';
import { UNIT_OF_WORK } from '../../../application/ports/unit-of-work.port';
import { ImportSalonUseCase } from '../../../application/salon-file/import-salon.use-case';
import { AppConfig } from '../../../config/app-config';
import { DemoSalonSeeder } from '../local/demo-salon.seeder';
import { TypeOrmAdminKeyStore } from './admin/typeorm-admin-key-store';
import { TypeOrmAppointmentQuery } from './admin/typeorm-appointment-query';
import { TypeOrmAuditTrail } from './admin/typeorm-audit-trail';
import { TypeOrmBranchAdmin } from './admin/typeorm-branch-admin';
import { TypeOrmCalendarAdmin } from './admin/typeorm-calendar-admin';
import { TypeOrmCompanyDirectory } from './admin/typeorm-company-directory';
import { TypeOrmCustomerAdmin } from './admin/typeorm-customer-admin';
import { TypeOrmCustomerExport } from './admin/typeorm-customer-export';
import { TypeOrmServiceAdmin } from './admin/typeorm-service-admin';
import { TypeOrmStaffAdmin } from './admin/typeorm-staff-admin';
import { TypeOrmStaffMerge } from './admin/typeorm-staff-merge';
import { TypeOrmSyncReview } from './admin/typeorm-sync-review';
import { CredentialCipher } from './credential-cipher';
import { speakingStoreTerms } from './postgres-refusals';
import { TypeOrmAppointmentRepository } from './repositories/typeorm-appointment.repository';
import { TypeOrmAuditLog } from './repositories/typeorm-audit-log';
import { TypeOrmCalendarBookingLedger } from './repositories/typeorm-calendar-booking-ledger';
import { TypeOrmOutboxClaims } from './repositories/typeorm-outbox-claims';
import {
  TypeOrmCalendarCredentials,
  TypeOrmCalendarMappingRepository,
} from './repositories/typeorm-calendar-mapping.repository';
import { TypeOrmCallRepository } from './repositories/typeorm-call.repository';
import { TypeOrmCustomerRepository } from './repositories/typeorm-customer.repository';
import { TypeOrmHoldRepository } from './repositories/typeorm-hold.repository';
import { TypeOrmOutsideCalendarBlocks } from './repositories/typeorm-outside-calendar-blocks';
import { TypeOrmPhoneBookingReader } from './repositories/typeorm-phone-booking.reader';
import { TypeOrmPhoneBookingWriter } from './repositories/typeorm-phone-booking.writer';
import { TypeOrmRetellKeys } from './repositories/typeorm-retell-keys';
import { TypeOrmSalonCatalog } from './repositories/typeorm-salon-catalog';
import { TypeOrmCallerMessages } from './repositories/typeorm-caller-messages';
import { CALLER_MESSAGES } from '../../../application/ports/caller-messages.port';
import { TypeOrmSalonWriter } from './typeorm-salon.writer';
import { TypeOrmUnitOfWork } from './typeorm-unit-of-work';

/** The cipher for stored secrets; null without ENCRYPTION_KEY (storing them is then refused). */
const CREDENTIAL_CIPHER = Symbol('CredentialCipher');
type Cipher = CredentialCipher | null;

const DS = getDataSourceToken();

/**
 * An adapter on the data source itself (each statement outside a transaction is its own), its
 * refusals in the application's terms. Units of work translate them themselves.
 */
const onDataSource = (token: symbol, make: (ds: DataSource, cipher: Cipher) => object) => ({
  provide: token,
  inject: [DS, CREDENTIAL_CIPHER],
  useFactory: (ds: DataSource, cipher: Cipher) => speakingStoreTerms(make(ds, cipher)),
});

/** An adapter on the data source's manager (a unit of work binds the same class to its own). */
const onManager = (token: symbol, make: (m: EntityManager, cipher: Cipher) => object) =>
  onDataSource(token, (ds, cipher) => make(ds.manager, cipher));

/** A class adapter Nest builds, bound to its port with its refusals translated. */
const asPort = (token: symbol, adapter: new (...args: never[]) => object): Provider => ({
  provide: token,
  inject: [adapter],
  useFactory: (instance: object) => speakingStoreTerms(instance),
});

const PROVIDERS: Provider[] = [
  {
    provide: CREDENTIAL_CIPHER,
    inject: [AppConfig],
    useFactory: (config: AppConfig): Cipher =>
      config.env.ENCRYPTION_KEY ? new CredentialCipher(config.env.ENCRYPTION_KEY) : null,
  },
  // The unit of work: everything written in one commits together.
  {
    provide: UNIT_OF_WORK,
    inject: [DS, CREDENTIAL_CIPHER, TypeOrmSalonCatalog],
    useFactory: (ds: DataSource, cipher: Cipher, catalog: TypeOrmSalonCatalog) =>
      new TypeOrmUnitOfWork(ds, cipher, catalog),
  },
  // The phone path.
  TypeOrmSalonCatalog,
  TypeOrmSalonWriter,
  TypeOrmPhoneBookingWriter,
  TypeOrmPhoneBookingReader,
  asPort(SALON_CATALOG, TypeOrmSalonCatalog),
  asPort(SALON_WRITER, TypeOrmSalonWriter),
  asPort(PHONE_BOOKING_WRITER, TypeOrmPhoneBookingWriter),
  asPort(PHONE_BOOKING_READER, TypeOrmPhoneBookingReader),
  onManager(APPOINTMENT_REPOSITORY, (m) => new TypeOrmAppointmentRepository(m)),
  onManager(CUSTOMER_REPOSITORY, (m) => new TypeOrmCustomerRepository(m)),
  onManager(CONSENT_REGISTER, (m) => new TypeOrmConsentRegister(m)),
  onManager(HOLD_REPOSITORY, (m) => new TypeOrmHoldRepository(m)),
  onManager(AUDIT_LOG, (m) => new TypeOrmAuditLog(m)),
  onDataSource(CALL_REPOSITORY, (ds) => new TypeOrmCallRepository(ds)),
  onDataSource(CALLER_MESSAGES, (ds) => new TypeOrmCallerMessages(ds)),
  onDataSource(RETELL_KEYS, (ds, cipher) => new TypeOrmRetellKeys(ds, cipher)),
  // The calendar mirror.
  onManager(CALENDAR_CREDENTIALS, (m, cipher) => new TypeOrmCalendarCredentials(m, cipher)),
  onManager(CALENDAR_MAPPING_REPOSITORY, (m) => new TypeOrmCalendarMappingRepository(m)),
  onManager(CALENDAR_BOOKING_LEDGER, (m) => new TypeOrmCalendarBookingLedger(m)),
  onManager(OUTSIDE_CALENDAR_BLOCKS, (m) => new TypeOrmOutsideCalendarBlocks(m)),
  onDataSource(OUTBOX_CLAIMS, (ds) => new TypeOrmOutboxClaims(ds)),
  // The admin API.
  onManager(ADMIN_KEY_STORE, (m) => new TypeOrmAdminKeyStore(m)),
  onManager(BRANCH_ADMIN, (m) => new TypeOrmBranchAdmin(m)),
  onManager(STAFF_ADMIN, (m) => new TypeOrmStaffAdmin(m)),
  onManager(SERVICE_ADMIN, (m) => new TypeOrmServiceAdmin(m)),
  onManager(CALENDAR_ADMIN, (m, cipher) => new TypeOrmCalendarAdmin(m, cipher)),
  onManager(SYNC_REVIEW, (m) => new TypeOrmSyncReview(m)),
  onManager(STAFF_MERGE, (m) => new TypeOrmStaffMerge(m)),
  onManager(COMPANY_DIRECTORY, (m) => new TypeOrmCompanyDirectory(m)),
  onManager(CUSTOMER_ADMIN, (m) => new TypeOrmCustomerAdmin(m)),
  onManager(CUSTOMER_EXPORT, (m) => new TypeOrmCustomerExport(m)),
  onManager(APPOINTMENT_QUERY, (m) => new TypeOrmAppointmentQuery(m)),
  onManager(AUDIT_TRAIL, (m) => new TypeOrmAuditTrail(m)),
  // The salon file.
  ImportSalonUseCase,
  DemoSalonSeeder,
];

/**
 * Every port with a TypeORM adapter is bound here, and only here. Global, so a feature module
 * injects its ports without importing this one.
 */
@Global()
@Module({
  providers: PROVIDERS,
  exports: [
    ...PROVIDERS.filter((p) => typeof p !== 'function').map((p) => p.provide),
    ImportSalonUseCase,
  ],
})
export class PersistenceModule {}
