import { DataSource } from 'typeorm';
import { FunctionAnswer } from '../../../src/adapters/inbound/retell/answers/function-answer';
import { PhoneFunctionArgs } from '../../../src/application/booking/phone-functions';
import { TestClock } from '../../support/booking-app';
import { PhoneWorld, phoneWorld } from '../../support/phone-world';
import { importSalonCopies } from '../../e2e/retell/salon-copies';
import { TypeOrmSalonCatalog } from '../../../src/adapters/outbound/persistence/repositories/typeorm-salon-catalog';
import {
  HOLD_REPOSITORY,
  HoldRepository,
} from '../../../src/application/ports/hold.repository.port';
import { Hold } from '../../../src/domain/appointment/hold';

// Thursday 26 Nov 2026, 15:00 in Berlin. The demo salon is closed on Sundays and Mondays.
const NOW = new Date('2026-11-26T14:00:00Z');
const CALL_A = 'call_3f9a2b7c4d1e8f6a0b5c9d2e7f4a1b3c';
const CALL_B = 'call_8e1d4c7b2a9f6e3d0c5b8a1f4e7d2c9b';
const CALLER = '+4915112345678';

interface Slot {
  start: string;
  date: string;
  time: string;
  staff: string;
}
const berlin = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
const dayOf = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date(iso));

describe('open availability questions over real Postgres', () => {
  let w: PhoneWorld;
  let ds: DataSource;
  const clock = new TestClock(NOW);
  const staffId = async (name: string) =>
    (
      await ds.query(`SELECT id FROM staff WHERE name = $1 AND company_id = $2`, [
        name,
        w.base.companyId,
      ])
    )[0].id as string;

  beforeAll(async () => {
    w = await phoneWorld(clock);
    ds = w.ds;
    // Anna is away all of Friday 4 December (read by a catalog of its own: the app's keeps the
    // set-up it loaded for a few seconds).
    await ds.query(
      `INSERT INTO staff_absences(staff_id, period) VALUES ($1, tstzrange('2026-12-03T23:00:00Z', '2026-12-04T23:00:00Z'))`,
      [await staffId('Anna')],
    );
  }, 60_000);
  afterAll(() => w?.close());
  beforeEach(async () => {
    clock.set(NOW);
    await w.clearCalendar();
  });

  const ask = (args: PhoneFunctionArgs, callId: string | null = CALL_A): Promise<FunctionAnswer> =>
    w.run('check_availability', args, callId, CALLER);
  const holds = async () =>
    (await ds.query(
      `SELECT h.call_id, lower(b.during) AS start FROM holds h JOIN busy_blocks b ON b.hold_id = h.id WHERE h.released_at IS NULL AND b.active`,
    )) as Array<{ call_id: string; start: Date }>;

  it('a day without a time: three starts spread over the day, the first held for the call', async () => {
    const a = await ask({ service: 'Herrenschnitt', date: 'Freitag', staff: 'Mehmet' });
    expect(a).toMatchObject({ success: true, code: 'OK', available: true, date: '2026-11-27' });
    const slots = a.slots as Slot[];
    expect(slots.map((s) => berlin(s.start))).toEqual(['09:00', '13:30', '18:00']);
    expect(a.message).toBe(
      'Am Freitag, 27. November wäre frei um 9 Uhr, 13:30 Uhr oder 18 Uhr bei Mehmet.',
    );
    expect(a.message.length).toBeLessThanOrEqual(200);
    const held = await holds();
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ call_id: CALL_A });
    expect(new Date(held[0].start).toISOString()).toBe(slots[0].start);
    // The caller takes the held start.
    const booked = await w.run(
      'book_appointment',
      {
        service: 'Herrenschnitt',
        date: '27.11.',
        time: '9 Uhr',
        staff: 'Mehmet',
        name: 'Ida Ihle',
      },
      CALL_A,
      CALLER,
    );
    expect(booked).toMatchObject({ code: 'OK' });
  });

  it('a part of the day: the starts lie inside it, clearly apart', async () => {
    for (const [time, from, to] of [
      ['nachmittags', '12:00', '18:00'],
      ['vormittags', '00:00', '12:00'],
      ['nach 16 Uhr', '16:00', '24:00'],
      ['zwischen 10 und 12', '10:00', '12:00'],
      ['mittags', '11:30', '14:00'],
      ['früh', '00:00', '10:00'],
    ]) {
      const a = await ask({ service: 'Herrenschnitt', date: 'Freitag', time }, null);
      const starts = (a.slots as Slot[]).map((s) => berlin(s.start));
      expect({ time, code: a.code }).toEqual({ time, code: 'OK' });
      expect(starts.length).toBeGreaterThan(0);
      expect(starts.length).toBeLessThanOrEqual(3);
      for (const s of starts) {
        expect(s >= from && s < to).toBe(true);
      }
      expect(new Set(starts).size).toBe(starts.length);
    }
    const evening = await ask({ service: 'Herrenschnitt', date: 'Freitag abends' }, null);
    expect((evening.slots as Slot[]).map((s) => berlin(s.start))).toEqual([
      '17:00',
      '17:30',
      '18:00',
    ]);
  });

  it('a closed day says so and offers the nearest day with room', async () => {
    const a = await ask({ service: 'Herrenschnitt', date: 'Montag' });
    expect(a).toMatchObject({
      success: false,
      code: 'AVAILABILITY.CLOSED_DAY',
      available: false,
      reason: 'closed',
      date: '2026-11-30',
      nearest: { date: '2026-12-01' },
    });
    expect(a.message).toMatch(
      /^Am Montag, 30\. November ist der Salon geschlossen\. Frei wäre Dienstag, 1\. Dezember um 9 Uhr/,
    );
    expect(await holds()).toHaveLength(1);
  });

  it('a fully booked day says so and offers the nearest day with room', async () => {
    await ds.query(
      `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
       VALUES ($1, $2, 'calendar', tstzrange('2026-11-28T08:00:00Z', '2026-11-28T13:00:00Z'), 'full-day')`,
      [w.base.companyId, await staffId('Mehmet')],
    );
    const a = await ask({ service: 'Herrenschnitt', date: 'Samstag', staff: 'Mehmet' });
    expect(a).toMatchObject({
      code: 'AVAILABILITY.FULLY_BOOKED',
      reason: 'fully-booked',
      date: '2026-11-28',
      nearest: { date: '2026-11-27' },
    });
    expect(a.message).toMatch(
      /^Am Samstag, 28\. November ist Mehmet leider ausgebucht\. Frei wäre Freitag/,
    );
    // Anyone: Anna is free that Saturday.
    const anyone = await ask({ service: 'Herrenschnitt', date: 'Samstag' }, null);
    expect(anyone).toMatchObject({ code: 'OK', date: '2026-11-28' });
    expect((anyone.slots as Slot[]).every((s) => s.staff === 'Anna')).toBe(true);
  });

  it('a stylist away that day says so and offers her nearest day', async () => {
    const salon = (await new TypeOrmSalonCatalog(ds).branchContext(w.base.branchId))!;
    const askFresh = (args: PhoneFunctionArgs, callId: string | null) =>
      w.functions.run(
        'check_availability',
        { ...w.base, callId, callerNumber: CALLER, salon },
        args,
      );
    const a = await askFresh(
      { service: 'Damenhaarschnitt', date: '4. Dezember', staff: 'Anna' },
      CALL_A,
    );
    expect(a).toMatchObject({
      code: 'AVAILABILITY.STYLIST_ABSENT',
      reason: 'stylist-absent',
      nearest: { date: '2026-12-05' },
    });
    expect(a.message).toMatch(/^Am Freitag, 4\. Dezember ist Anna leider nicht da\./);
    const lena = await askFresh({ service: 'Damenhaarschnitt', date: '4. Dezember' }, null);
    expect((lena.slots as Slot[]).every((s) => s.staff === 'Lena')).toBe(true);
  });

  it('another call’s hold is never offered, and this call’s own hold still is', async () => {
    const b = await ask({ service: 'Herrenschnitt', date: 'Freitag', staff: 'Mehmet' }, CALL_B);
    const bHeld = (b.slots as Slot[])[0].start;
    const a = await ask({ service: 'Herrenschnitt', date: 'Freitag', staff: 'Mehmet' }, CALL_A);
    const aStarts = (a.slots as Slot[]).map((s) => s.start);
    expect(aStarts).not.toContain(bHeld);
    expect(berlin(aStarts[0])).toBe('09:30');
    const again = await ask({ service: 'Herrenschnitt', date: 'Freitag', staff: 'Mehmet' }, CALL_B);
    expect((again.slots as Slot[])[0].start).toBe(bHeld);
    const held = await holds();
    expect(held.map((h) => h.call_id).sort()).toEqual([CALL_A, CALL_B].sort());
  });

  describe('when other calls take the starts between reading and holding', () => {
    let repo: HoldRepository;
    let taken: Date[];
    /** Before each of this call's next `n` holds, another call holds that very start first. */
    const rivalsTake = (n: number) => {
      const place = repo.place.bind(repo);
      let left = n;
      return jest.spyOn(repo, 'place').mockImplementation(async (scope, hold, now) => {
        if (hold.callId === CALL_A && left > 0) {
          left--;
          taken.push(hold.start);
          const rival = Hold.restore({
            id: crypto.randomUUID(),
            callId: `call_rival_${left}_${'0'.repeat(24)}`,
            staffId: hold.staffId,
            serviceId: hold.serviceId,
            start: hold.start,
            busy: hold.busyIntervals(),
            expiresAt: hold.expiresAt,
          });
          expect((await place(scope, rival, now)).ok).toBe(true);
        }
        return place(scope, hold, now);
      });
    };
    beforeEach(() => {
      repo = w.app.get<HoldRepository>(HOLD_REPOSITORY);
      taken = [];
    });
    afterEach(() => jest.restoreAllMocks());

    it('a start lost is replaced by another start spread over the day, and that one is held', async () => {
      rivalsTake(4);
      const a = await ask({ service: 'Herrenschnitt', date: 'Freitag', staff: 'Mehmet' });
      expect(a).toMatchObject({ code: 'OK', available: true, date: '2026-11-27' });
      const slots = (a.slots as Slot[]).map((s) => s.start);
      const lost = taken.map((t) => t.toISOString());
      expect(lost).toHaveLength(4);
      // None of the starts read out is one another call holds, and one of them is held.
      expect(slots.filter((s) => lost.includes(s))).toEqual([]);
      const mine = (await holds()).filter((h) => h.call_id === CALL_A);
      expect(mine).toHaveLength(1);
      expect(slots).toContain(new Date(mine[0].start).toISOString());
      expect(a.hold).toMatchObject({ start: new Date(mine[0].start).toISOString() });
      expect(a.message).not.toMatch(/reserv/);
    });

    it('when none can be held, the starts free now are read out as not reserved', async () => {
      rivalsTake(1000);
      const a = await ask({ service: 'Herrenschnitt', date: 'Freitag', staff: 'Mehmet' });
      expect(a.code).not.toMatch(/^INTERNAL\./);
      expect(a).toMatchObject({ code: 'OK', hold: null, reserved: false });
      const slots = (a.slots as Slot[]).map((s) => s.start);
      expect(slots.length).toBeGreaterThan(0);
      // What is read out is free now: no start another call took.
      const lost = taken.map((t) => t.toISOString());
      expect(slots.filter((s) => lost.includes(s))).toEqual([]);
      expect(a.message).toMatch(/Noch ist keine davon reserviert\.$/);
      expect(a.message.length).toBeLessThanOrEqual(200);
      expect((await holds()).filter((h) => h.call_id === CALL_A)).toEqual([]);
    });
  });

  it('a week: the days with room and the first start of each', async () => {
    const a = await ask({ service: 'Damenhaarschnitt', date: 'diese Woche', staff: 'Anna' });
    expect(a).toMatchObject({ code: 'OK', available: true });
    const days = a.days as Array<{ date: string; first: Slot }>;
    expect(days.map((d) => [d.date, berlin(d.first.start)])).toEqual([
      ['2026-11-26', '16:00'],
      ['2026-11-27', '09:00'],
      ['2026-11-28', '09:00'],
    ]);
    expect(a.message).toBe(
      'Frei ist bei Anna am Donnerstag ab 16 Uhr, Freitag ab 9 Uhr und Samstag ab 9 Uhr.',
    );
    const next = await ask({
      service: 'Damenhaarschnitt',
      date: 'nächste Woche',
      time: 'nachmittags',
    });
    const nextDays = (next.days as Array<{ date: string; first: Slot }>).map((d) => d.date);
    expect(nextDays).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ]);
  });

  it('a week with no room offers the nearest day after its start, an earlier one only when none is', async () => {
    const block = async (from: string, to: string) =>
      ds.query(
        `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
         VALUES ($1, $2, 'calendar', tstzrange($3, $4), 'away-' || $3)`,
        [w.base.companyId, await staffId('Mehmet'), from, to],
      );
    // Mehmet is taken from next week until 20 December: Saturday 28 November is nearer to the
    // week than Tuesday 22 December, yet lies before the week asked.
    await block('2026-11-29T23:00:00Z', '2026-12-20T23:00:00Z');
    const week = { service: 'Herrenschnitt', date: 'nächste Woche', staff: 'Mehmet' };
    const a = await ask(week);
    expect(a).toMatchObject({
      code: 'AVAILABILITY.FULLY_BOOKED',
      dates: expect.arrayContaining(['2026-11-30', '2026-12-05']),
      nearest: { date: '2026-12-22' },
    });
    expect(a.message).toMatch(/ausgebucht\. Frei wäre Dienstag, 22\. Dezember um 9 Uhr/);
    expect(a.message.length).toBeLessThanOrEqual(200);

    // Taken to the end of the horizon: only an earlier day is left, and it is said as earlier.
    await w.clearCalendar();
    await block('2026-11-29T23:00:00Z', '2028-01-01T00:00:00Z');
    const b = await ask(week);
    expect(b).toMatchObject({
      code: 'AVAILABILITY.FULLY_BOOKED',
      nearest: { date: '2026-11-28', earlier: true },
    });
    expect(b.message).toMatch(/vorher wäre noch Samstag, 28\. November um/);
    expect(b.message.length).toBeLessThanOrEqual(200);
  });

  it('a day with no room offers the nearest day by distance, the later one at equal distance', async () => {
    // Thursday 3 December asked, Mehmet taken Wednesday to Friday: Tuesday and Saturday are
    // both two days away; the later one is offered.
    await ds.query(
      `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
       VALUES ($1, $2, 'calendar', tstzrange('2026-12-01T23:00:00Z', '2026-12-04T23:00:00Z'), 'away')`,
      [w.base.companyId, await staffId('Mehmet')],
    );
    const a = await ask({ service: 'Herrenschnitt', date: '3. Dezember', staff: 'Mehmet' });
    expect(a).toMatchObject({ reason: 'fully-booked', nearest: { date: '2026-12-05' } });
    expect((a.nearest as { earlier?: boolean }).earlier).toBeUndefined();
  });

  it('no day: the earliest free starts within the horizon (also for a stylist)', async () => {
    const a = await ask({ service: 'Herrenschnitt', staff: 'Mehmet' });
    expect(a).toMatchObject({ code: 'OK', date: '2026-11-26' });
    expect(berlin((a.slots as Slot[])[0].start)).toBe('16:00');
    expect(a.message).toMatch(
      /^Der nächste freie Termin ist Donnerstag, 26\. November um 16 Uhr bei Mehmet/,
    );
    const evenings = await ask({ service: 'Herrenschnitt', time: 'nach 19 Uhr' }, null);
    expect((evenings.slots as Slot[]).map((s) => [dayOf(s.start), berlin(s.start)])[0]).toEqual([
      '2026-11-26',
      '19:00',
    ]);
    const late = await ask({ service: 'Herrenschnitt', time: 'abends' }, null);
    expect(late.code).toBe('OK');
  });

  it('garbage and hostile words are answered, never with an error', async () => {
    for (const args of [
      { service: 'Herrenschnitt', date: 'x'.repeat(200) },
      { service: 'Herrenschnitt', date: 'Freitag', time: 'zwischen 16 und 10' },
      { service: 'Herrenschnitt', date: "Freitag'; DROP TABLE holds; --" },
      { service: 'Herrenschnitt', date: 'Freitag', staff: 'Niemand Bekanntes' },
      { service: '<script>', date: 'Freitag' },
      { service: 'Herrenschnitt', date: '31.02.' },
      { service: 'Herrenschnitt', date: 'Freitag in drei Jahren' },
    ]) {
      const a = await ask(args, null);
      expect(a.code).not.toMatch(/^INTERNAL/);
      expect(a.message.length).toBeLessThanOrEqual(200);
    }
  });

  it('another company’s calendar and salon stay apart', async () => {
    const [copy] = await importSalonCopies(w.db, 1);
    const otherMehmet = (
      await ds.query(`SELECT id FROM staff WHERE name = 'Mehmet' AND company_id = $1`, [
        copy.companyId,
      ])
    )[0].id;
    // The other salon's Mehmet is fully booked on Friday; ours is not.
    await ds.query(
      `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
       VALUES ($1, $2, 'calendar', tstzrange('2026-11-27T08:00:00Z', '2026-11-27T17:30:00Z'), 'other')`,
      [copy.companyId, otherMehmet],
    );
    const ours = await ask({ service: 'Herrenschnitt', date: 'Freitag', staff: 'Mehmet' }, null);
    expect(berlin((ours.slots as Slot[])[0].start)).toBe('09:00');
    // Our call context claiming the other company's branch finds no salon.
    const hostile = await w.functions.run(
      'check_availability',
      {
        companyId: copy.companyId,
        branchId: w.base.branchId,
        callId: CALL_A,
        callerNumber: CALLER,
      },
      { service: 'Herrenschnitt', date: 'Freitag' },
    );
    expect(hostile).toMatchObject({ success: false, code: 'RETELL.UNKNOWN_SALON' });
    expect(JSON.stringify(hostile)).not.toMatch(/Mehmet|Anna/);
    await ds.query(`DELETE FROM companies WHERE id = $1`, [copy.companyId]);
  });
});
