import { DataSource } from 'typeorm';
import { StaffAppointmentsUseCase } from '../../../src/application/admin/appointments/staff-appointments.use-case';
import { AvailabilityReader } from '../../../src/application/booking/availability.reader';
import { ConfirmedAvailabilityService } from '../../../src/application/booking/confirmed-availability.service';
import { SlotBookingService } from '../../../src/application/booking/slot-booking.service';
import {
  AvailableStartsQuery,
  CalendarGateway,
} from '../../../src/application/ports/calendar-gateway.port';
import {
  CalendarMappingRepository,
  CalendarTarget,
} from '../../../src/application/ports/calendar-mapping.port';
import { ImportedSalon } from '../../../src/application/ports/salon-writer.port';
import { NO_SYNC_KICKS } from '../../../src/application/ports/sync-queue.port';
import { TypeOrmStaffAdmin } from '../../../src/adapters/outbound/persistence/admin/typeorm-staff-admin';
import { TypeOrmSalonCatalog } from '../../../src/adapters/outbound/persistence/repositories/typeorm-salon-catalog';
import {
  portsFor,
  TypeOrmUnitOfWork,
} from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { AppConfig } from '../../../src/config/app-config';
import { TestClock } from '../../support/booking-app';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { addCustomer, importDemoSalon } from './admin-ports.fixture';

// Thursday 26 Nov 2026, 15:00 in Berlin; the wishes are on Friday 27 November.
const NOW = new Date('2026-11-26T14:00:00Z');
const at = (hhmm: string) => new Date(`2026-11-27T${hhmm}:00+01:00`);
const target: CalendarTarget = {
  credentialRef: 'cred',
  timeZone: 'Europe/Berlin',
  serviceEventTypeId: 10,
  segmentEventTypeIds: new Map(),
};

/** Staff bookings go through the phone's booking core, so a stylist's Cal.com calendar counts. */
describe('staff-side bookings and the stylist’s Cal.com calendar', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let salon: ImportedSalon;
  let customerId: string;
  let useCase: StaffAppointmentsUseCase;
  /** What Cal.com answers for a day: the starts it offers, or a failure. */
  let offered: (q: AvailableStartsQuery) => Promise<Date[]>;
  const scope = () => ({ companyId: salon.companyId, actor: 'admin:test' });
  const count = async () =>
    (await ds.query(`SELECT count(*)::int AS n FROM appointments`))[0].n as number;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = db.dataSource;
    salon = await importDemoSalon(ds);
    customerId = await addCustomer(ds, salon.companyId);
    const ports = portsFor(ds.manager);
    const reader = new AvailabilityReader(ports.appointments);
    const gateway = { availableStarts: (q: AvailableStartsQuery) => offered(q) };
    const mappings = { targetFor: async () => target };
    const config = { usesCalcom: true, env: { CALCOM_LIVE_CHECK_BUDGET_MS: 2000 } } as AppConfig;
    const confirmed = new ConfirmedAvailabilityService(
      reader,
      config,
      gateway as unknown as CalendarGateway,
      mappings as unknown as CalendarMappingRepository,
    );
    useCase = new StaffAppointmentsUseCase(
      new TestClock(NOW),
      new TypeOrmUnitOfWork(ds),
      ports.appointments,
      ports.customers,
      new TypeOrmSalonCatalog(ds),
      new TypeOrmStaffAdmin(ds.manager),
      reader,
      new SlotBookingService(confirmed, NO_SYNC_KICKS),
    );
  });
  afterAll(() => db.drop());

  const bookMehmet = (start: Date) =>
    useCase.create(scope(), {
      staffId: salon.staffIds.mehmet,
      serviceId: salon.serviceIds.herrenhaarschnitt,
      customerId,
      start,
    });

  it('refuses a time the stylist blocked in Cal.com as taken, and writes nothing', async () => {
    offered = async () => [];
    expect(await bookMehmet(at('10:00'))).toMatchObject({
      ok: false,
      error: { code: 'AVAILABILITY.SLOT_TAKEN', conflictKind: 'calendar' },
    });
    expect(await count()).toBe(0);
  });

  it('books a time Cal.com offers', async () => {
    offered = async () => [at('10:00')];
    expect(await bookMehmet(at('10:00'))).toMatchObject({ ok: true });
    expect(await count()).toBe(1);
  });

  it('books on the local calendar alone when Cal.com cannot be asked', async () => {
    offered = async () => {
      throw new Error('Cal.com is away');
    };
    expect(await bookMehmet(at('11:00'))).toMatchObject({ ok: true });
    expect(await count()).toBe(2);
  });
});
