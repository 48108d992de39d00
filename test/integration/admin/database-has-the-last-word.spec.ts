import { DataSource } from 'typeorm';
import { StaffAppointmentsUseCase } from '../../../src/application/admin/appointments/staff-appointments.use-case';
import { AvailabilityReader } from '../../../src/application/booking/availability.reader';
import { ConfirmedAvailabilityService } from '../../../src/application/booking/confirmed-availability.service';
import { SlotBookingService } from '../../../src/application/booking/slot-booking.service';
import { CalendarGateway } from '../../../src/application/ports/calendar-gateway.port';
import { CalendarMappingRepository } from '../../../src/application/ports/calendar-mapping.port';
import { NO_SYNC_KICKS } from '../../../src/application/ports/sync-queue.port';
import { AppConfig } from '../../../src/config/app-config';
import { AppointmentRepository } from '../../../src/application/ports/appointment.repository.port';
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

const NOW = new Date('2026-11-26T14:00:00Z');
const at = (hhmm: string) => new Date(`2026-11-27T${hhmm}:00+01:00`);

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

/**
 * The availability engine is made blind here (it sees no busy time), so only the database's
 * no-overlap constraint stands between a staff booking and a double booking.
 */
describe('staff-side bookings when the availability check misses a conflict', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let salon: ImportedSalon;
  let customerId: string;
  let useCase: StaffAppointmentsUseCase;
  const scope = () => ({ companyId: salon.companyId, actor: 'admin:test' });
  const count = async (sql: string) => (await ds.query(sql))[0].n as number;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = db.dataSource;
    salon = await importDemoSalon(ds);
    customerId = await addCustomer(ds, salon.companyId);
    const ports = portsFor(ds.manager);
    const blind: AppointmentRepository = {
      ...ports.appointments,
      busyIntervals: async (_s, ids) => new Map(ids.map((id) => [id, []])),
    };
    useCase = new StaffAppointmentsUseCase(
      new TestClock(NOW),
      new TypeOrmUnitOfWork(ds),
      ports.appointments,
      ports.customers,
      new TypeOrmSalonCatalog(ds),
      new TypeOrmStaffAdmin(ds.manager),
      new AvailabilityReader(blind),
      localSlots(new AvailabilityReader(blind)),
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

  it('refuses the second booking with SlotTaken and writes no outbox or audit entry', async () => {
    const first = await bookMehmet(at('10:00'));
    expect(first.ok).toBe(true);
    const outbox = await count(`SELECT count(*)::int AS n FROM sync_outbox`);
    const audit = await count(`SELECT count(*)::int AS n FROM audit_log`);
    const second = await bookMehmet(at('10:15'));
    expect(second).toMatchObject({ ok: false, error: { code: 'AVAILABILITY.SLOT_TAKEN' } });
    expect(await count(`SELECT count(*)::int AS n FROM appointments`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM sync_outbox`)).toBe(outbox);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log`)).toBe(audit);
  });

  it('leaves a refused move where it was', async () => {
    const other = await bookMehmet(at('11:00'));
    if (!other.ok) throw new Error('setup');
    const before = await ds.query(
      `SELECT id, lower(during) AS s FROM busy_blocks WHERE appointment_id = $1 ORDER BY 2`,
      [other.value.id],
    );
    const moved = await useCase.move(scope(), other.value.id, at('10:00'));
    expect(moved).toMatchObject({ ok: false, error: { code: 'AVAILABILITY.SLOT_TAKEN' } });
    const after = await ds.query(
      `SELECT id, lower(during) AS s FROM busy_blocks WHERE appointment_id = $1 ORDER BY 2`,
      [other.value.id],
    );
    expect(after).toEqual(before);
    const [{ starts_at }] = await ds.query(`SELECT starts_at FROM appointments WHERE id = $1`, [
      other.value.id,
    ]);
    expect(starts_at).toEqual(at('11:00'));
  });

  it('refuses a change made from a copy read before another change, and keeps that change', async () => {
    const booked = await bookMehmet(at('13:00'));
    if (!booked.ok) throw new Error('setup');
    const ports = portsFor(ds.manager);
    const stale = await ports.appointments.findById(scope(), booked.value.id);
    // Someone else moves it; then a cancellation is made from the copy read before the move.
    expect((await useCase.move(scope(), booked.value.id, at('15:00'))).ok).toBe(true);
    const late = new StaffAppointmentsUseCase(
      new TestClock(NOW),
      new TypeOrmUnitOfWork(ds),
      { ...ports.appointments, findById: async () => stale } as unknown as AppointmentRepository,
      ports.customers,
      new TypeOrmSalonCatalog(ds),
      new TypeOrmStaffAdmin(ds.manager),
      new AvailabilityReader(ports.appointments),
      localSlots(new AvailabilityReader(ports.appointments)),
    );
    const outbox = await count(`SELECT count(*)::int AS n FROM sync_outbox`);
    const cancelled = await late.cancel(scope(), booked.value.id);
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'APPOINTMENT.CHANGED' } });
    const [row] = await ds.query(`SELECT status, starts_at FROM appointments WHERE id = $1`, [
      booked.value.id,
    ]);
    expect(row).toEqual({ status: 'scheduled', starts_at: at('15:00') });
    expect(await count(`SELECT count(*)::int AS n FROM sync_outbox`)).toBe(outbox);
  });
});
