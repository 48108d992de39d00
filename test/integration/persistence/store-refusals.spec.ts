import { Global, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import {
  CUSTOMER_ADMIN,
  CustomerAdmin,
} from '../../../src/application/admin/ports/customer-admin.port';
import { AUDIT_LOG, AuditLog } from '../../../src/application/ports/audit-log.port';
import { CLOCK } from '../../../src/application/ports/clock.port';
import { StoreRefusal } from '../../../src/application/ports/store-refusal.error';
import { UNIT_OF_WORK, UnitOfWork } from '../../../src/application/ports/unit-of-work.port';
import { FixedClock } from '../../../src/adapters/outbound/clock/fixed.clock';
import { dataSourceOptions } from '../../../src/adapters/outbound/persistence/data-source.factory';
import { PersistenceModule } from '../../../src/adapters/outbound/persistence/persistence.module';
import { AppConfig } from '../../../src/config/app-config';
import { validateEnvironment } from '../../../src/config/environment';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

/** The ports as the persistence module binds them: the database's refusals in store terms. */
describe('refusals through the bound ports', () => {
  let db: TestDatabase;
  let app: TestingModule;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(
      validateEnvironment({ DATABASE_URL: db.url, SEED_DEMO_SALON: 'false' }),
    );
    @Global()
    @Module({
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: CLOCK, useValue: new FixedClock(new Date('2026-11-26T14:00:00Z')) },
      ],
      exports: [AppConfig, CLOCK],
    })
    class ConfigModule {}
    app = await Test.createTestingModule({
      imports: [
        ConfigModule,
        TypeOrmModule.forRoot(dataSourceOptions({ url: db.url })),
        PersistenceModule,
      ],
    }).compile();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const entry = (companyId: string) => ({
    companyId,
    actor: 'admin:test',
    action: 'test',
    entity: 'company',
    at: new Date('2026-11-26T14:00:00Z'),
  });

  it('a value of the wrong form, outside a transaction', async () => {
    const customers = app.get<CustomerAdmin>(CUSTOMER_ADMIN);
    await expect(customers.find('not-a-uuid', randomUUID())).rejects.toEqual(
      new StoreRefusal('STORE.MALFORMED_VALUE'),
    );
  });

  it('a reference to nothing, outside a transaction', async () => {
    const audit = app.get<AuditLog>(AUDIT_LOG);
    await expect(audit.record(entry(randomUUID()))).rejects.toMatchObject({
      code: 'STORE.MISSING_REFERENCE',
      constraint: 'audit_log_company_id_fkey',
    });
  });

  it('a reference to nothing, inside a unit of work', async () => {
    const uow = app.get<UnitOfWork>(UNIT_OF_WORK);
    const refused = uow.run((tx) => tx.audit.record(entry(randomUUID())));
    await expect(refused).rejects.toBeInstanceOf(StoreRefusal);
    await expect(refused).rejects.toMatchObject({ code: 'STORE.MISSING_REFERENCE' });
  });
});
