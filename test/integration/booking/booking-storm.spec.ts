import { randomBytes } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AvailabilityReader } from '../../../src/application/booking/availability.reader';
import { FunctionAnswer } from '../../../src/adapters/inbound/retell/answers/function-answer';
import {
  PHONE_FUNCTIONS,
  PhoneFunctions,
} from '../../../src/adapters/inbound/retell/phone-functions.dispatcher';
import {
  PHONE_BOOKING_READER,
  PhoneBookingReader,
} from '../../../src/application/ports/phone-booking-reader.port';
import { SALON_CATALOG, SalonCatalog } from '../../../src/application/ports/salon-catalog.port';
import { bookingApp, TestClock } from '../../support/booking-app';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const NOW = new Date('2026-11-26T14:00:00Z');
const callId = () => `call_${randomBytes(16).toString('hex')}`;
const caller = (i: number) => `+49151${String(10_000_000 + i)}`;

/**
 * Many calls want the same stylist at the same time, through two service instances that share
 * one Postgres: exactly one gets it, every other caller hears alternatives, nothing fails.
 */
describe('booking storm (real Postgres, two instances)', () => {
  let db: TestDatabase;
  let instances: TestingModule[];
  let functions: PhoneFunctions[];
  let ds: DataSource;
  let companyId: string;
  let branchId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const first = await bookingApp(db.url, new TestClock(NOW));
    const second = await bookingApp(db.url, new TestClock(NOW), { importSalon: false });
    instances = [first, second];
    functions = instances.map((i) => i.get<PhoneFunctions>(PHONE_FUNCTIONS));
    ds = first.get(DataSource);
    const catalog = first.get<SalonCatalog>(SALON_CATALOG);
    branchId = (await catalog.branchIdForAnsweredNumber('+4930901820'))!;
    companyId = (await catalog.branchContext(branchId))!.companyId;
  }, 60_000);
  afterAll(async () => {
    for (const i of instances ?? []) await i.close();
    await db.drop();
  });
  beforeEach(() =>
    ds.query(
      `DELETE FROM busy_blocks; DELETE FROM holds; DELETE FROM sync_outbox; DELETE FROM audit_log; DELETE FROM appointments; DELETE FROM customers`,
    ),
  );

  const book = (i: number, args: Record<string, string>, id = callId()): Promise<FunctionAnswer> =>
    functions[i % 2].run(
      'book_appointment',
      { companyId, branchId, callId: id, callerNumber: caller(i) },
      { ...args, name: `Kunde ${i}` },
    );
  const count = async (sql: string) => (await ds.query(sql))[0].n as number;

  it('50 calls for one stylist and slot: one appointment, 49 alternatives, no failure', async () => {
    const args = { service: 'Herrenhaarschnitt', date: 'Freitag', time: '10 Uhr', staff: 'Mehmet' };
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => book(i, args)));
    expect(answers.filter((a) => a.code === 'OK')).toHaveLength(1);
    const refused = answers.filter((a) => a.code !== 'OK');
    expect(refused).toHaveLength(49);
    for (const a of refused) {
      expect(a.code).toBe('AVAILABILITY.SLOT_TAKEN');
      expect((a.alternatives as unknown[]).length).toBeGreaterThan(0);
    }
    expect(await count(`SELECT count(*)::int AS n FROM appointments`)).toBe(1);
  });

  it('two overlapping composite services for one stylist: exactly one wins', async () => {
    const perm = { service: 'Dauerwelle', date: 'Freitag', time: '10 Uhr', staff: 'Anna' };
    const colour = { service: 'Färben', date: 'Freitag', time: '10:15', staff: 'Anna' };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => book(i, i % 2 ? perm : colour)),
    );
    expect(answers.filter((a) => a.code === 'OK')).toHaveLength(1);
    expect(await count(`SELECT count(*)::int AS n FROM appointments`)).toBe(1);
  });

  it('the same request three times, also at once: one appointment, three equal answers', async () => {
    const args = { service: 'Dauerwelle', date: 'Samstag', time: '9 Uhr', staff: 'Lena' };
    const id = callId();
    const together = await Promise.all([book(7, args, id), book(7, args, id), book(7, args, id)]);
    expect(together[1]).toEqual(together[0]);
    expect(together[2]).toEqual(together[0]);
    expect(together[0].code).toBe('OK');
    const later = await book(7, args, id);
    expect(later).toEqual(together[0]);
    expect(await count(`SELECT count(*)::int AS n FROM appointments`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM customers`)).toBe(1);
  });

  it('the same move and the same cancel three times at once, across both instances: done once, three equal answers', async () => {
    const context = { companyId, branchId, callId: callId(), callerNumber: caller(5) };
    const deliver = (
      i: number,
      name: 'reschedule_appointment' | 'cancel_appointment',
      args: Record<string, string>,
    ) => functions[i % 2].run(name, context, args);
    const booked = await functions[0].run('book_appointment', context, {
      service: 'Herrenhaarschnitt',
      date: 'Samstag',
      time: '9 Uhr',
      staff: 'Mehmet',
      name: 'Kunde 5',
    });
    expect(booked.code).toBe('OK');

    const move = { date: 'Samstag', time: '9 Uhr', newDate: 'Samstag', newTime: '11 Uhr' };
    const moves = await Promise.all(
      [0, 1, 2].map((i) => deliver(i, 'reschedule_appointment', move)),
    );
    expect(moves[0]).toMatchObject({ success: true, slot: { time: '11 Uhr' } });
    expect(moves[1]).toEqual(moves[0]);
    expect(moves[2]).toEqual(moves[0]);
    expect(
      await count(`SELECT count(*)::int AS n FROM sync_outbox WHERE action = 'reschedule'`),
    ).toBe(1);

    const cancels = await Promise.all(
      [0, 1, 2].map((i) => deliver(i, 'cancel_appointment', { date: 'Samstag' })),
    );
    expect(cancels[0]).toMatchObject({ success: true, status: 'cancelled' });
    expect(cancels[1]).toEqual(cancels[0]);
    expect(cancels[2]).toEqual(cancels[0]);
    expect(await count(`SELECT count(*)::int AS n FROM sync_outbox WHERE action = 'cancel'`)).toBe(
      1,
    );
    expect(
      await count(`SELECT count(*)::int AS n FROM appointments WHERE status = 'cancelled'`),
    ).toBe(1);
  });

  it('a move that read the appointment before another instance cancelled it does not bring it back', async () => {
    const context = { companyId, branchId, callId: callId(), callerNumber: caller(6) };
    const booked = await functions[0].run('book_appointment', context, {
      service: 'Herrenhaarschnitt',
      date: 'Samstag',
      time: '9 Uhr',
      staff: 'Mehmet',
      name: 'Kunde 6',
    });
    expect(booked.code).toBe('OK');
    // The first instance has found the appointment and checks the new time; meanwhile the
    // second instance cancels it.
    const reader = instances[0].get(AvailabilityReader);
    const around = reader.around.bind(reader);
    let cancelled: FunctionAnswer | undefined;
    const spy = jest.spyOn(reader, 'around').mockImplementationOnce(async (...args) => {
      cancelled = await functions[1].run('cancel_appointment', context, { date: 'Samstag' });
      return around(...args);
    });
    try {
      const move = await functions[0].run('reschedule_appointment', context, {
        date: 'Samstag',
        time: '9 Uhr',
        newDate: 'Samstag',
        newTime: '11 Uhr',
      });
      expect(cancelled).toMatchObject({ success: true, status: 'cancelled' });
      expect(move.success).toBe(false);
    } finally {
      spy.mockRestore();
    }
    const [row] = await ds.query(`SELECT status, starts_at FROM appointments`);
    expect(row.status).toBe('cancelled');
    expect(
      await count(`SELECT count(*)::int AS n FROM sync_outbox WHERE action = 'reschedule'`),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM busy_blocks WHERE active`)).toBe(0);
  });

  it('a twin that books between a request’s first look and its check: the same answer, not "taken"', async () => {
    const args = {
      service: 'Herrenhaarschnitt',
      date: 'Samstag',
      time: '10 Uhr',
      staff: 'Anna',
      name: 'Kunde 3',
    };
    const context = { companyId, branchId, callId: callId(), callerNumber: caller(3) };
    const deliver = (i: number) => functions[i].run('book_appointment', context, args);
    // The first instance looks for an earlier booking and finds none; before it reads the
    // calendar, the same request delivered to the second instance books the time.
    const reader = instances[0].get<PhoneBookingReader>(PHONE_BOOKING_READER);
    const read = reader.facts.bind(reader);
    let twin: FunctionAnswer | undefined;
    const spy = jest.spyOn(reader, 'facts').mockImplementationOnce(async (scope, query) => {
      const before = await read(scope, query);
      twin = await deliver(1);
      return before;
    });
    try {
      const late = await deliver(0);
      expect(twin?.code).toBe('OK');
      expect(late).toEqual(twin);
    } finally {
      spy.mockRestore();
    }
    expect(await count(`SELECT count(*)::int AS n FROM appointments`)).toBe(1);
  });
});
