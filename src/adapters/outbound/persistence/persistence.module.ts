import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APPOINTMENT_REPOSITORY } from '../../../application/ports/appointment.repository.port';
import { AUDIT_LOG } from '../../../application/ports/audit-log.port';
import { CUSTOMER_REPOSITORY } from '../../../application/ports/customer.repository.port';
import { HOLD_REPOSITORY } from '../../../application/ports/hold.repository.port';
import { SALON_CATALOG } from '../../../application/ports/salon-catalog.port';
import { SALON_WRITER } from '../../../application/ports/salon-writer.port';
import { SYNC_OUTBOX } from '../../../application/ports/sync-outbox.port';
import { UNIT_OF_WORK } from '../../../application/ports/unit-of-work.port';
import { PHONE_BOOKING_READER } from '../../../application/ports/phone-booking-reader.port';
import { PHONE_BOOKING_WRITER } from '../../../application/ports/phone-booking-writer.port';
import { RETELL_KEYS } from '../../../application/ports/retell-keys.port';
import { ImportSalonUseCase } from '../../../application/salon-file/import-salon.use-case';
import { AppConfig } from '../../../config/app-config';
import { DemoSalonSeeder } from '../local/demo-salon.seeder';
import { CredentialCipher } from './credential-cipher';
import { TypeOrmPhoneBookingReader } from './repositories/typeorm-phone-booking.reader';
import { TypeOrmPhoneBookingWriter } from './repositories/typeorm-phone-booking.writer';
import { TypeOrmRetellKeys } from './repositories/typeorm-retell-keys';
import { TypeOrmSalonCatalog } from './repositories/typeorm-salon-catalog';
import { TypeOrmSalonWriter } from './salon.writer';
import { portsFor, TypeOrmUnitOfWork } from './typeorm-unit-of-work';

const outsideTransaction = (
  token: symbol,
  pick: (ports: ReturnType<typeof portsFor>) => unknown,
) => ({
  provide: token,
  inject: [getDataSourceToken()],
  useFactory: (ds: DataSource) => pick(portsFor(ds.manager)),
});

/** Repository adapters behind the application's ports. */
@Module({
  providers: [
    { provide: SALON_WRITER, useClass: TypeOrmSalonWriter },
    { provide: SALON_CATALOG, useClass: TypeOrmSalonCatalog },
    { provide: UNIT_OF_WORK, useClass: TypeOrmUnitOfWork },
    { provide: PHONE_BOOKING_WRITER, useClass: TypeOrmPhoneBookingWriter },
    { provide: PHONE_BOOKING_READER, useClass: TypeOrmPhoneBookingReader },
    outsideTransaction(APPOINTMENT_REPOSITORY, (p) => p.appointments),
    outsideTransaction(CUSTOMER_REPOSITORY, (p) => p.customers),
    outsideTransaction(HOLD_REPOSITORY, (p) => p.holds),
    outsideTransaction(SYNC_OUTBOX, (p) => p.outbox),
    outsideTransaction(AUDIT_LOG, (p) => p.audit),
    {
      provide: RETELL_KEYS,
      inject: [getDataSourceToken(), AppConfig],
      useFactory: (ds: DataSource, config: AppConfig) =>
        new TypeOrmRetellKeys(
          ds,
          config.env.ENCRYPTION_KEY ? new CredentialCipher(config.env.ENCRYPTION_KEY) : null,
        ),
    },
    ImportSalonUseCase,
    DemoSalonSeeder,
  ],
  exports: [
    SALON_WRITER,
    SALON_CATALOG,
    UNIT_OF_WORK,
    PHONE_BOOKING_WRITER,
    PHONE_BOOKING_READER,
    APPOINTMENT_REPOSITORY,
    CUSTOMER_REPOSITORY,
    HOLD_REPOSITORY,
    SYNC_OUTBOX,
    AUDIT_LOG,
    RETELL_KEYS,
    ImportSalonUseCase,
  ],
})
export class PersistenceModule {}
