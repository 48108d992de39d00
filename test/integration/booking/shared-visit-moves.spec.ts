import { randomBytes } from 'node:crypto';
import { FunctionAnswer } from '../../../src/adapters/inbound/retell/answers/function-answer';
import { TypeOrmStaffAdmin } from '../../../src/adapters/outbound/persistence/admin/typeorm-staff-admin';
import { TypeOrmSalonCatalog } from '../../../src/adapters/outbound/persistence/repositories/typeorm-salon-catalog';
import {
  portsFor,
  TypeOrmUnitOfWork,
} from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { StaffAppointmentsUseCase } from '../../../src/application/admin/appointments/staff-appointments.use-case';
import { AvailabilityReader } from '../../../src/application/booking/availability.reader';
import { ConfirmedAvailabilityService } from '../../../src/application/booking/confirmed-availability.service';
import { PhoneFunctionArgs } from '../../../src/application/booking/phone-functions';
import { SlotBookingService } from '../../../src/application/booking/slot-booking.service';
import { SALON_CATALOG } from '../../../src/application/ports/salon-catalog.port';
import { NO_SYNC_KICKS } from '../../../src/application/ports/sync-queue.port';
import { TestClock } from '../../support/booking-app';
import { PhoneWorld, phoneWorld } from '../../support/phone-world';

// Monday 7 Dec 2026, 11:00 in Berlin. On Tuesday 15 December Lena, who does both Färben and
// Kinderhaarschnitt, is off: Anna colours, Mehmet cuts. On Thursday 17 December Lena works all
// day, Mehmet only from 14:00.
const NOW = new Date('2026-12-07T10:00:00Z');
const VISIT = 'Färben und Kinderhaarschnitt';
const TUESDAY_14 = new Date('2026-12-15T13:00:00Z');
const THURSDAY_10 = new Date('2026-12-17T09:00:00Z');

/**
 * Moves of a visit the branch lets stylists share, by phone and by staff (real Postgres, the
 * demo salon with splitVisits on): planned anew on every move by the rules of a new booking,
 * a stylist named on the phone asked for as check_availability asks; single services keep
 * their stylist.
 */
describe('moving a visit stylists may share (real Postgres)', () => {
  let w: PhoneWorld;
  let staff: StaffAppointmentsUseCase;
  const clock = new TestClock(NOW);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    w = await phoneWorld(clock);
    await w.ds.query(`UPDATE branches SET split_visits = true WHERE id = $1`, [w.base.branchId]);
    w.app.get<TypeOrmSalonCatalog>(SALON_CATALOG).forget();
    for (const name of ['Anna', 'Mehmet', 'Lena']) {
      const [row] = await w.ds.query(`SELECT id FROM staff WHERE name = $1 AND branch_id = $2`, [
        name,
        w.base.branchId,
      ]);
      ids[name] = row.id;
    }
    const ports = portsFor(w.ds.manager);
    const reader = new AvailabilityReader(ports.appointments);
    const confirmed = w.app.get(ConfirmedAvailabilityService);
    staff = new StaffAppointmentsUseCase(
      clock,
      new TypeOrmUnitOfWork(w.ds),
      ports.appointments,
      ports.customers,
      new TypeOrmSalonCatalog(w.ds),
      new TypeOrmStaffAdmin(w.ds.manager),
      reader,
      new SlotBookingService(confirmed, NO_SYNC_KICKS),
    );
  }, 60_000);
  afterAll(() => w?.close());
  beforeEach(async () => {
    clock.set(NOW);
    await w.clearCalendar();
  });

  const caller = '+4915100000081';
  const run = (
    name: 'book_appointment' | 'reschedule_appointment',
    args: PhoneFunctionArgs,
  ): Promise<FunctionAnswer> =>
    w.run(name, args, `call_${randomBytes(16).toString('hex')}`, caller);
  const scope = () => ({ companyId: w.base.companyId, actor: 'admin:test' });
  /** Stylists of the working steps in order, and the start. */
  const stepsOf = async (id: string) => ({
    staff: (
      await w.ds.query(
        `SELECT staff_id FROM busy_blocks WHERE appointment_id = $1 AND active
          ORDER BY lower(during)`,
        [id],
      )
    ).map((r: { staff_id: string }) => r.staff_id),
    start: (await w.ds.query(`SELECT starts_at FROM appointments WHERE id = $1`, [id]))[0]
      .starts_at as Date,
  });
  const bookShared = async (time: string): Promise<string> => {
    const booked = await run('book_appointment', {
      service: VISIT,
      date: '15.12.',
      time,
      name: 'Erika Muster',
    });
    expect(booked).toMatchObject({ code: 'OK' });
    const id = booked.appointment_id as string;
    expect(new Set((await stepsOf(id)).staff)).toEqual(new Set([ids.Anna, ids.Mehmet]));
    return id;
  };

  describe('by phone', () => {
    it('a stylist named who does part: does that part, not dropped for Lena alone', async () => {
      const id = await bookShared('10 Uhr');
      const moved = await run('reschedule_appointment', {
        service: VISIT,
        newDate: '17.12.',
        newTime: '15 Uhr',
        staff: 'Mehmet',
      });
      expect(moved).toMatchObject({ success: true });
      expect(moved.message).toContain('Kinderhaarschnitt bei Mehmet');
      const steps = await stepsOf(id);
      expect(steps.start.toISOString()).toBe('2026-12-17T14:00:00.000Z');
      expect(steps.staff).toContain(ids.Mehmet);
      expect(new Set(steps.staff).size).toBe(2);
    });

    it.each(['nur Mehmet', 'bloß Mehmet'])(
      '"%s", who does not colour: refused as check_availability refuses, not moved',
      async (named) => {
        const id = await bookShared('10 Uhr');
        const before = await stepsOf(id);
        const said = await run('reschedule_appointment', {
          service: VISIT,
          newDate: '17.12.',
          newTime: '15 Uhr',
          staff: named,
        });
        expect(said).toMatchObject({
          code: 'AVAILABILITY.SERVICE_NOT_OFFERED',
          not_done: ['Färben'],
        });
        expect(await stepsOf(id)).toEqual(before);
      },
    );

    it('none named: one stylist where one can, shared again when moved back', async () => {
      const id = await bookShared('14 Uhr');
      const thursday = await run('reschedule_appointment', {
        service: VISIT,
        newDate: '17.12.',
        newTime: '10 Uhr',
      });
      expect(thursday).toMatchObject({ success: true });
      expect(new Set((await stepsOf(id)).staff)).toEqual(new Set([ids.Lena]));
      const back = await run('reschedule_appointment', {
        service: VISIT,
        newDate: '15.12.',
        newTime: '14 Uhr',
      });
      expect(back).toMatchObject({ success: true });
      const steps = await stepsOf(id);
      expect(steps.start.getTime()).toBe(TUESDAY_14.getTime());
      expect(new Set(steps.staff)).toEqual(new Set([ids.Anna, ids.Mehmet]));
    });

    it('a single service keeps its stylist', async () => {
      const booked = await run('book_appointment', {
        service: 'Kinderhaarschnitt',
        date: '15.12.',
        time: '11 Uhr',
        staff: 'Mehmet',
        name: 'Erika Muster',
      });
      expect(booked).toMatchObject({ code: 'OK' });
      const moved = await run('reschedule_appointment', {
        service: 'Kinderhaarschnitt',
        newDate: '17.12.',
        newTime: '10 Uhr',
      });
      // Mehmet is not at work then; Lena, who is, is not taken instead.
      expect(moved.success).not.toBe(true);
      const steps = await stepsOf(booked.appointment_id as string);
      expect(new Set(steps.staff)).toEqual(new Set([ids.Mehmet]));
    });
  });

  describe('by staff', () => {
    it('moved to Lena alone, then back: shared again, not refused for her', async () => {
      const id = await bookShared('14 Uhr');
      const thursday = await staff.move(scope(), id, THURSDAY_10);
      expect(thursday.ok).toBe(true);
      expect(new Set((await stepsOf(id)).staff)).toEqual(new Set([ids.Lena]));
      const back = await staff.move(scope(), id, TUESDAY_14);
      expect(back).toMatchObject({ ok: true });
      expect(new Set((await stepsOf(id)).staff)).toEqual(new Set([ids.Anna, ids.Mehmet]));
    });

    it('another company’s scope finds nothing to move', async () => {
      const id = await bookShared('14 Uhr');
      const before = await stepsOf(id);
      const hostile = await staff.move(
        { companyId: '00000000-0000-4000-8000-000000000001', actor: 'admin:other' },
        id,
        THURSDAY_10,
      );
      expect(hostile.ok).toBe(false);
      if (!hostile.ok) expect(hostile.error.code).toBe('APPOINTMENT.NOT_FOUND');
      expect(await stepsOf(id)).toEqual(before);
    });
  });
});
