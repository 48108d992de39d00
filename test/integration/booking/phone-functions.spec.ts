import { DataSource } from 'typeorm';
import { CallContext } from '../../../src/application/booking/call-context';
import { FunctionAnswer } from '../../../src/adapters/inbound/retell/answers/function-answer';
import {
  PhoneFunctionArgs,
  PhoneFunctionName,
} from '../../../src/application/booking/phone-functions';
import { TypeOrmOutsideCalendarBlocks } from '../../../src/adapters/outbound/persistence/repositories/typeorm-outside-calendar-blocks';
import { TimeRange } from '../../../src/domain/shared/time-range';
import { TestClock } from '../../support/booking-app';
import { PhoneWorld, phoneWorld } from '../../support/phone-world';

// Thursday 26 Nov 2026, 15:00 in Berlin.
const NOW = new Date('2026-11-26T14:00:00Z');
const CALL_A = 'call_3f9a2b7c4d1e8f6a0b5c9d2e7f4a1b3c';
const CALL_B = 'call_8e1d4c7b2a9f6e3d0c5b8a1f4e7d2c9b';
const CALLER = '+4915112345678';

describe('phone functions over real Postgres', () => {
  let w: PhoneWorld;
  let ds: DataSource;
  let base: Omit<CallContext, 'callId' | 'callerNumber'>;
  const clock = new TestClock(NOW);

  beforeAll(async () => {
    w = await phoneWorld(clock);
    ({ ds, base } = w);
  }, 60_000);
  afterAll(() => w?.close());
  beforeEach(async () => {
    clock.set(NOW);
    await w.clearCalendar();
  });

  const run = (
    name: PhoneFunctionName,
    args: PhoneFunctionArgs,
    callId: string | null = CALL_A,
    callerNumber: string | null = CALLER,
  ): Promise<FunctionAnswer> => w.run(name, args, callId, callerNumber);
  const count = async (sql: string) => (await ds.query(sql))[0].n as number;

  it('tells the agent the date and time in the branch', async () => {
    const a = await run('get_current_context', {});
    expect(a).toMatchObject({
      success: true,
      date: '2026-11-26',
      weekday: 'Donnerstag',
      time: '15 Uhr',
      time_zone: 'Europe/Berlin',
      open_today: true,
    });
    expect(a.message).toContain('Donnerstag, 26. November 2026');
  });

  it('recognises callers only with consent, never by a wrong name', async () => {
    expect(await run('check_customer', {})).toMatchObject({ status: 'new' });
    expect(await run('check_customer', {}, CALL_A, 'anonymous')).toMatchObject({
      status: 'anonymous',
    });
    await ds.query(
      `INSERT INTO customers(company_id, name, phone_e164, recognition_consent) VALUES ($1, 'Petra Schmidt', $2, true)`,
      [base.companyId, CALLER],
    );
    const known = await run('check_customer', {}, CALL_A, '0151 12345678');
    expect(known).toMatchObject({ status: 'existing', first_name: 'Petra' });
    await ds.query(
      `INSERT INTO customers(company_id, name, phone_e164, recognition_consent) VALUES ($1, 'Paul Schmidt', $2, true)`,
      [base.companyId, CALLER],
    );
    const two = await run('check_customer', {});
    expect(two).toMatchObject({ status: 'ambiguous' });
    expect(JSON.stringify(two)).not.toMatch(/Petra|Paul/);
  });

  it('offers a free slot and holds it for this call only', async () => {
    const free = await run('check_availability', {
      service: 'Herrenschnitt',
      date: 'morgen',
      time: 'zehn Uhr',
      staff: 'Mehmet',
    });
    expect(free).toMatchObject({
      success: true,
      available: true,
      slot: { staff: 'Mehmet', time: '10 Uhr' },
    });
    expect(free.hold).toBeTruthy();
    const other = await run(
      'check_availability',
      { service: 'Herrenschnitt', date: 'morgen', time: '10:00', staff: 'Mehmet' },
      CALL_B,
    );
    expect(other).toMatchObject({ success: false, available: false, reason: 'CONFLICT' });
    expect((other.alternatives as unknown[]).length).toBe(2);
    // The same call asking again keeps seeing it free.
    expect(
      await run('check_availability', {
        service: 'Herrenschnitt',
        date: 'morgen',
        time: '10 Uhr',
        staff: 'Mehmet',
      }),
    ).toMatchObject({ available: true });
    expect(await count(`SELECT count(*)::int AS n FROM holds WHERE released_at IS NULL`)).toBe(1);
  });

  it('gives a held slot to its holder, and frees it for others once the hold expires', async () => {
    const wish = { service: 'Herrenschnitt', date: 'Samstag', time: '10 Uhr', staff: 'Mehmet' };
    expect(await run('check_availability', wish)).toMatchObject({ available: true });
    expect(
      await run('book_appointment', { ...wish, name: 'Ida Ihle' }, CALL_B, '+4915100000006'),
    ).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN' });
    clock.advanceMinutes(4);
    expect(await run('check_availability', wish, CALL_B)).toMatchObject({ available: true });
    // Now CALL_B holds it; the first caller, whose hold expired, is refused.
    expect(await run('book_appointment', { ...wish, name: 'Jan Jung' })).toMatchObject({
      code: 'AVAILABILITY.SLOT_TAKEN',
    });
    expect(
      await run('book_appointment', { ...wish, name: 'Ida Ihle' }, CALL_B, '+4915100000006'),
    ).toMatchObject({ code: 'OK' });
  });

  it('a held start is judged by the salon’s rules alone, and the database refuses it when the time was taken behind the hold', async () => {
    const wish = { service: 'Herrenschnitt', date: 'Samstag', time: '10 Uhr', staff: 'Mehmet' };
    expect(await run('check_availability', wish)).toMatchObject({ available: true });
    // As if the hold had lapsed and been tidied away while an outside booking took the time,
    // yet the hold row still reads live to this call.
    await ds.query(
      `WITH lapsed AS (UPDATE busy_blocks SET active = false WHERE kind = 'hold' RETURNING *)
       INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
       SELECT company_id, staff_id, 'calendar', during, 'outside-1' FROM lapsed`,
    );
    const refused = await run('book_appointment', { ...wish, name: 'Ida Ihle' });
    expect(refused).toMatchObject({ success: false, code: 'AVAILABILITY.SLOT_TAKEN' });
    expect((refused.alternatives as unknown[]).length).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM appointments`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM customers`)).toBe(0);
  });

  describe('a booking made in Cal.com over a hold', () => {
    const wish = { service: 'Herrenschnitt', date: 'Samstag', time: '10 Uhr', staff: 'Mehmet' };
    const outsideBooking = async (uid: string) => {
      const [hold] = await ds.query(
        `SELECT staff_id, lower(during) AS start, upper(during) AS end
           FROM busy_blocks WHERE kind = 'hold' ORDER BY lower(during) LIMIT 1`,
      );
      return new TypeOrmOutsideCalendarBlocks(ds.manager).block(
        base.companyId,
        hold.staff_id,
        uid,
        TimeRange.of(hold.start, hold.end),
      );
    };
    const activeCalendarBlocks = () =>
      count(`SELECT count(*)::int AS n FROM busy_blocks WHERE kind = 'calendar' AND active`);

    it('takes the time from the live hold: the holder hears "taken", and so does every other caller', async () => {
      expect(await run('check_availability', wish)).toMatchObject({ available: true });
      expect(await outsideBooking('outside-over-live-hold')).toEqual({ kind: 'blocked' });
      expect(await activeCalendarBlocks()).toBe(1);
      expect(await count(`SELECT count(*)::int AS n FROM holds WHERE released_at IS NULL`)).toBe(0);

      const refused = await run('book_appointment', { ...wish, name: 'Ida Ihle' });
      expect(refused).toMatchObject({ success: false, code: 'AVAILABILITY.SLOT_TAKEN' });
      expect(await count(`SELECT count(*)::int AS n FROM appointments`)).toBe(0);
      expect(await run('check_availability', wish, CALL_B)).toMatchObject({ available: false });
    });

    it('is not lost behind a lapsed hold nobody tidied away yet', async () => {
      expect(await run('check_availability', wish)).toMatchObject({ available: true });
      clock.advanceMinutes(4);
      expect(await outsideBooking('outside-over-lapsed-hold')).toEqual({ kind: 'blocked' });
      expect(await activeCalendarBlocks()).toBe(1);
      expect(await run('check_availability', wish, CALL_B)).toMatchObject({ available: false });
    });
  });

  it('books, and a retried identical request returns the same appointment', async () => {
    const args = {
      service: 'Dauerwelle',
      date: 'nächsten Freitag',
      time: 'um zehn',
      name: 'Petra Schmidt',
    };
    const first = await run('book_appointment', args);
    expect(first).toMatchObject({
      success: true,
      code: 'OK',
      service: 'Dauerwelle',
      status: 'scheduled',
    });
    const again = await run('book_appointment', args);
    expect(again).toEqual(first);
    expect(await count(`SELECT count(*)::int AS n FROM appointments`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM sync_outbox WHERE action = 'create'`)).toBe(
      1,
    );
    expect(await count(`SELECT count(*)::int AS n FROM appointment_phases`)).toBe(5);
  });

  it('books the same wish again after cancelling it in the same call, as a new appointment', async () => {
    const args = {
      service: 'Herrenhaarschnitt',
      date: 'Freitag',
      time: '9 Uhr',
      name: 'Emil Ernst',
    };
    const first = await run('book_appointment', args);
    expect(await run('cancel_appointment', { date: 'Freitag' })).toMatchObject({
      status: 'cancelled',
    });
    const again = await run('book_appointment', args);
    expect(again).toMatchObject({ success: true, code: 'OK', status: 'scheduled' });
    expect(again.appointment_id).not.toBe(first.appointment_id);
    expect(await run('list_appointments', {})).toMatchObject({ success: true, code: 'OK' });
    expect(await run('book_appointment', args)).toEqual(again);
  });

  it('books the first start again after moving away from it, not the moved one', async () => {
    const args = {
      service: 'Herrenhaarschnitt',
      date: 'Freitag',
      time: '9 Uhr',
      name: 'Emil Ernst',
    };
    const first = await run('book_appointment', args);
    await run('reschedule_appointment', { date: 'Freitag', newDate: 'Freitag', newTime: '11 Uhr' });
    const again = await run('book_appointment', args);
    expect(again).toMatchObject({ code: 'OK', slot: { time: '9 Uhr' } });
    expect(again.appointment_id).not.toBe(first.appointment_id);
  });

  it('lets only one of two concurrent calls book the same slot; the other hears alternatives', async () => {
    const args = { service: 'Herrenhaarschnitt', date: 'Freitag', time: '11 Uhr', staff: 'Mehmet' };
    const [a, b] = await Promise.all([
      run('book_appointment', { ...args, name: 'Anton Alt' }, CALL_A, '+4915100000001'),
      run('book_appointment', { ...args, name: 'Berta Bach' }, CALL_B, '+4915100000002'),
    ]);
    const outcomes = [a, b].map((x) => x.code).sort();
    expect(outcomes).toEqual(['AVAILABILITY.SLOT_TAKEN', 'OK']);
    const loser = [a, b].find((x) => !x.success)!;
    expect((loser.alternatives as unknown[]).length).toBeGreaterThan(0);
    expect(await count(`SELECT count(*)::int AS n FROM appointments`)).toBe(1);
  });

  it('keeps a perm from a false "free" and fits a cut into its processing gap (the incident)', async () => {
    // A simple appointment keeps Anna busy 10:00-11:00 (45 min cut + 15 min buffer): a perm
    // whose first busy phase starts 10:45 must not be offered.
    await run(
      'book_appointment',
      {
        service: 'Damenhaarschnitt',
        date: 'Freitag',
        time: '10 Uhr',
        staff: 'Anna',
        name: 'Clara Cut',
      },
      CALL_A,
      '+4915100000003',
    );
    const perm = await run(
      'check_availability',
      { service: 'Dauerwelle', date: 'Freitag', time: '10:45', staff: 'Anna' },
      CALL_B,
    );
    expect(perm).toMatchObject({ available: false, reason: 'CONFLICT' });
    // A perm at 12:00 wraps until 12:30 and processes until 13:10 (Friday has no lunch
    // closure): a 30-minute cut fits into that gap.
    await run(
      'book_appointment',
      {
        service: 'Dauerwelle',
        date: 'Freitag',
        time: '12 Uhr',
        staff: 'Anna',
        name: 'Doris Dauerwelle',
      },
      CALL_B,
      '+4915100000004',
    );
    const cut = await run(
      'check_availability',
      { service: 'Herrenschnitt', date: 'Freitag', time: '12:35', staff: 'Anna' },
      'call_5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d',
    );
    expect(cut).toMatchObject({ available: true });
  });

  it('asks instead of guessing', async () => {
    expect(
      await run('book_appointment', { service: 'Dauerwelle', date: 'Freitag', time: '10 Uhr' }),
    ).toMatchObject({ success: false, code: 'BOOKING.NAME_MISSING' });
    expect(
      await run('check_availability', {
        service: 'Balayage Deluxe',
        date: 'Freitag',
        time: '10 Uhr',
      }),
    ).toMatchObject({ success: false, code: 'SERVICE.UNKNOWN' });
    expect(
      await run('check_availability', { service: 'Dauerwelle', date: 'blabla', time: '10 Uhr' }),
    ).toMatchObject({ success: false });
    expect(
      await run(
        'book_appointment',
        { service: 'Dauerwelle', date: 'Freitag', time: '10 Uhr', name: 'Anna Nym' },
        CALL_A,
        'anonymous',
      ),
    ).toMatchObject({ code: 'BOOKING.PHONE_NEEDED' });
    expect(
      await run('check_availability', { service: 'Dauerwelle', date: 'Sonntag', time: '10 Uhr' }),
    ).toMatchObject({ success: false, reason: 'CLOSED_DAY' });
  });

  it.each<[PhoneFunctionName, PhoneFunctionArgs]>([
    ['check_customer', {}],
    ['check_availability', { service: 'Dauerwelle', date: 'Freitag', time: '10 Uhr' }],
    ['book_appointment', { service: 'Dauerwelle', date: 'Freitag', time: '10 Uhr', name: 'Eva' }],
    ['list_appointments', {}],
    ['cancel_appointment', { date: 'Freitag' }],
    ['reschedule_appointment', { date: 'Freitag', newDate: 'Samstag', newTime: '11 Uhr' }],
  ])('%s answers a number longer than E.164 as it answers a withheld one', async (name, args) => {
    const tooLong = '+49301234567890123'; // 17 digits: libphonenumber calls it possible
    await run('check_availability', args, CALL_A, tooLong);
    const answered = await run(name, args, CALL_A, tooLong);
    await ds.query(`DELETE FROM holds`);
    await run('check_availability', args, CALL_B, 'anonymous');
    const withheld = await run(name, args, CALL_B, 'anonymous');
    expect(answered.code).not.toMatch(/^INTERNAL\./);
    expect({ code: answered.code, message: answered.message }).toEqual({
      code: withheld.code,
      message: withheld.message,
    });
    expect(await count(`SELECT count(*)::int AS n FROM customers`)).toBe(0);
  });

  it('lists, moves and cancels the caller’s appointment, each safe to receive twice', async () => {
    await run('book_appointment', {
      service: 'Herrenhaarschnitt',
      date: 'Freitag',
      time: '9 Uhr',
      staff: 'Mehmet',
      name: 'Emil Ernst',
    });
    const listed = await run('list_appointments', {});
    expect(listed).toMatchObject({ success: true });
    expect(listed.appointments).toHaveLength(1);

    const moveArgs = { date: 'Freitag', time: '9 Uhr', newDate: 'Samstag', newTime: '11 Uhr' };
    const moved = await run('reschedule_appointment', moveArgs);
    expect(moved).toMatchObject({
      success: true,
      slot: { time: '11 Uhr', date: 'Samstag, 28. November' },
    });
    expect(await run('reschedule_appointment', moveArgs)).toEqual(moved);
    expect(
      await count(`SELECT count(*)::int AS n FROM sync_outbox WHERE action = 'reschedule'`),
    ).toBe(1);

    const cancelled = await run('cancel_appointment', { date: 'Samstag' });
    expect(cancelled).toMatchObject({ success: true, status: 'cancelled' });
    expect(await run('cancel_appointment', { date: 'Samstag' })).toEqual(cancelled);
    expect(await count(`SELECT count(*)::int AS n FROM sync_outbox WHERE action = 'cancel'`)).toBe(
      1,
    );
    expect(await run('list_appointments', {})).toMatchObject({
      code: 'APPOINTMENT.NONE',
      appointments: [],
    });
  });

  it('refuses a move into taken time and leaves the appointment where it was', async () => {
    await run('book_appointment', {
      service: 'Herrenhaarschnitt',
      date: 'Freitag',
      time: '14 Uhr',
      staff: 'Mehmet',
      name: 'Fritz Frei',
    });
    await run(
      'book_appointment',
      {
        service: 'Herrenhaarschnitt',
        date: 'Freitag',
        time: '15 Uhr',
        staff: 'Mehmet',
        name: 'Gustav Gast',
      },
      CALL_B,
      '+4915100000005',
    );
    const refused = await run('reschedule_appointment', { date: 'Freitag', newTime: '15:15' });
    expect(refused).toMatchObject({ success: false, reason: 'CONFLICT' });
    const still = await run('list_appointments', {});
    expect((still.appointments as Array<{ slot: { time: string } }>)[0].slot.time).toBe('14 Uhr');
  });

  it('names the day understood in a refusal, and asks back a phrase that names several days', async () => {
    const closed = await run('check_availability', {
      service: 'Dauerwelle',
      date: 'Sonntag',
      time: '10 Uhr',
    });
    expect(closed.message).toMatch(/^Am Sonntag, 29\. November ist der Salon geschlossen\. /);
    expect(closed).toMatchObject({
      code: 'AVAILABILITY.CLOSED_DAY',
      asked: { date: '2026-11-29', time: '10:00', weekday: 'Sonntag' },
    });

    // Monday is closed: of "Anfang nächster Woche" only Tuesday is left to ask about.
    const vague = await run('check_availability', {
      service: 'Herrenhaarschnitt',
      date: 'Anfang nächster Woche',
      time: '10 Uhr',
    });
    expect(vague).toMatchObject({
      success: false,
      code: 'LANGUAGE.DATE_AMBIGUOUS',
      message: 'Meinen Sie Dienstag, 1. Dezember?',
      days: [{ date: '2026-12-01', weekday: 'Dienstag', spoken: 'Dienstag, 1. Dezember' }],
    });

    const weekOn = await run('check_availability', {
      service: 'Herrenhaarschnitt',
      date: 'Dienstag in einer Woche',
      time: '10 Uhr',
    });
    expect(weekOn).toMatchObject({ available: true, slot: { date: 'Dienstag, 8. Dezember' } });
  });

  it('understands a holiday by name; a closed one answers closed with the nearest day', async () => {
    const eve = await run('check_availability', {
      service: 'Herrenhaarschnitt',
      date: 'an Heiligabend',
      time: '10 Uhr',
    });
    expect(eve).toMatchObject({
      code: 'AVAILABILITY.CLOSED_DAY',
      asked: { date: '2026-12-24', weekday: 'Donnerstag' },
    });
    expect(eve.message).toMatch(/^Am Donnerstag, 24\. Dezember ist der Salon geschlossen\. /);
    const offered = (eve.alternatives as Array<{ date: string }>).map((a) => a.date);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((d) => !/24\. Dezember/.test(d))).toBe(true);
    const open = await run('check_availability', {
      service: 'Herrenhaarschnitt',
      date: 'zweiter Weihnachtstag',
    });
    expect(open.code).not.toMatch(/^LANGUAGE\.|^INTERNAL\./);
    expect(open.message).toContain('26. Dezember');
  });

  it('says the year of a day in another year, and only there', async () => {
    clock.set(new Date('2026-12-07T10:00:00Z'));
    const wish = { service: 'Herrenhaarschnitt', date: '15. Januar', time: '10 Uhr' };
    const free = await run('check_availability', wish);
    expect(free).toMatchObject({ code: 'OK', available: true });
    expect(free.message).toContain('Freitag, 15. Januar 2027 um 10 Uhr');
    const booked = await run('book_appointment', { ...wish, name: 'Jana Jahr' });
    expect(booked).toMatchObject({ success: true });
    expect(booked.message).toContain('Freitag, 15. Januar 2027');
    const listed = await run('list_appointments', {});
    expect(listed.message).toContain('Freitag, 15. Januar 2027');
    const open = await run('check_availability', {
      service: 'Herrenhaarschnitt',
      date: '15. Januar',
    });
    expect(open.message).toContain('Freitag, 15. Januar 2027');
    const thisYear = await run('check_availability', {
      service: 'Herrenhaarschnitt',
      date: '15. Dezember',
      time: '10 Uhr',
    });
    expect(thisYear.message).toContain('Dienstag, 15. Dezember um 10 Uhr');
    expect(thisYear.message).not.toMatch(/2026/);
    const moved = await run('reschedule_appointment', {
      date: '15. Januar',
      newDate: '16. Januar',
      newTime: '11 Uhr',
    });
    expect(moved.message).toContain('Samstag, 16. Januar 2027');
    const vague = await run('check_availability', {
      service: 'Herrenhaarschnitt',
      date: 'Anfang Januar',
      time: '10 Uhr',
    });
    expect(vague).toMatchObject({ code: 'LANGUAGE.DATE_AMBIGUOUS' });
    expect(vague.message).toMatch(/Januar 2027/);
    expect((vague.days as Array<{ spoken: string }>)[0].spoken).toMatch(/Januar 2027$/);
  });

  it('finds the caller’s appointment by a phrase naming several days', async () => {
    await run('book_appointment', {
      service: 'Herrenhaarschnitt',
      date: 'Dienstag',
      time: '9 Uhr',
      staff: 'Mehmet',
      name: 'Ida Igel',
    });
    const listed = await run('list_appointments', { date: 'nächste Woche' });
    expect(listed.appointments).toHaveLength(1);
    expect(await run('list_appointments', { date: 'Ende der Woche' })).toMatchObject({
      code: 'APPOINTMENT.NONE',
    });
    const cancelled = await run('cancel_appointment', { date: 'Anfang nächster Woche' });
    expect(cancelled).toMatchObject({ success: true, status: 'cancelled' });
  });

  it('asks which appointment when several match', async () => {
    await run('book_appointment', {
      service: 'Herrenhaarschnitt',
      date: 'Freitag',
      time: '9 Uhr',
      staff: 'Mehmet',
      name: 'Hans Hut',
    });
    await run('book_appointment', {
      service: 'Herrenhaarschnitt',
      date: 'Samstag',
      time: '9 Uhr',
      staff: 'Mehmet',
      name: 'Hans Hut',
    });
    const which = await run('cancel_appointment', {});
    expect(which).toMatchObject({ success: false, code: 'APPOINTMENT.WHICH_ONE' });
    expect(which.candidates).toHaveLength(2);
    expect(
      await count(`SELECT count(*)::int AS n FROM appointments WHERE status = 'scheduled'`),
    ).toBe(2);
  });
});
