import { DataSource } from 'typeorm';
import { StaffAppointmentsUseCase } from '../../../src/application/admin/appointments/staff-appointments.use-case';
import { AvailabilityReader } from '../../../src/application/booking/availability.reader';
import { ConfirmedAvailabilityService } from '../../../src/application/booking/confirmed-availability.service';
import { SlotBookingService } from '../../../src/application/booking/slot-booking.service';
import { CalendarGateway } from '../../../src/application/ports/calendar-gateway.port';
import { CalendarMappingRepository } from '../../../src/application/ports/calendar-mapping.port';
import { NO_SYNC_KICKS } from '../../../src/application/ports/sync-queue.port';
import { AppConfig } from '../../../src/config/app-config';
import { ImportedSalon } from '../../../src/application/ports/salon-writer.port';
import { TypeOrmStaffAdmin } from '../../../src/adapters/outbound/persistence/admin/typeorm-staff-admin';
import { TypeOrmSalonCatalog } from '../../../src/adapters/outbound/persistence/repositories/typeorm-salon-catalog';
import {
  portsFor,
  TypeOrmUnitOfWork,
} from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { TestClock } from '../../support/booking-app';
import { createTestDatabase, TestDatabase } from '../../support/test-database';
import { addCustomer, importDemoSalon } from './admin-ports.fixture';

// Thursday 26 Nov 2026, 15:00 in Berlin; the demo services book 90 days ahead (to 24 Feb 2027).
const NOW = new Date('2026-11-26T14:00:00Z');
const DAY = 86_400_000;

/** The phone's booking core over the local calendar alone: no Cal.com configured here. */
const localSlots = (reader: AvailabilityReader) =>
  new SlotBookingService(
    new ConfirmedAvailabilityService(
      reader,
      { usesCalcom: false, env: { CALCOM_LIVE_CHECK_BUDGET_MS: 500 } } as AppConfig,
      {} as CalendarGateway,
      {} as CalendarMappingRepository,
    ),
    NO_SYNC_KICKS,
  );

/** Staff bookings read availability around the wish as the phone path does, far dates included. */
describe('staff-side bookings far ahead', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let salon: ImportedSalon;
  let customerId: string;
  let useCase: StaffAppointmentsUseCase;
  const scope = () => ({ companyId: salon.companyId, actor: 'admin:test' });

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = db.dataSource;
    salon = await importDemoSalon(ds);
    customerId = await addCustomer(ds, salon.companyId);
    const ports = portsFor(ds.manager);
    useCase = new StaffAppointmentsUseCase(
      new TestClock(NOW),
      new TypeOrmUnitOfWork(ds),
      ports.appointments,
      ports.customers,
      new TypeOrmSalonCatalog(ds),
      new TypeOrmStaffAdmin(ds.manager),
      new AvailabilityReader(ports.appointments),
      localSlots(new AvailabilityReader(ports.appointments)),
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

  it.each([100, 120, 365, 5 * 365])(
    'refuses a booking or a move %i days ahead as beyond the horizon, naming its last day',
    async (days) => {
      const far = new Date(NOW.getTime() + days * DAY);
      const refusal = {
        ok: false,
        error: { code: 'AVAILABILITY.BEYOND_HORIZON', lastBookableDate: '2027-02-24' },
      };
      expect(await bookMehmet(far)).toMatchObject(refusal);
      const near = await bookMehmet(new Date('2026-11-27T15:00:00Z'));
      if (!near.ok) throw new Error('setup');
      expect(await useCase.move(scope(), near.value.id, far)).toMatchObject(refusal);
      await useCase.cancel(scope(), near.value.id);
    },
  );
});
