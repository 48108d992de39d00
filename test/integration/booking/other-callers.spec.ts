import { FunctionAnswer } from '../../../src/adapters/inbound/retell/answers/function-answer';
import {
  PhoneFunctionArgs,
  PhoneFunctionName,
} from '../../../src/application/booking/phone-functions';
import { SALON_CATALOG, SalonCatalog } from '../../../src/application/ports/salon-catalog.port';
import { importSalonCopies } from '../../e2e/retell/salon-copies';
import { TestClock } from '../../support/booking-app';
import { PhoneWorld, phoneWorld } from '../../support/phone-world';

// Thursday 26 Nov 2026, 15:00 in Berlin; Saturday 28 Nov the demo salon opens 09:00-14:00.
const NOW = new Date('2026-11-26T14:00:00Z');
const ANNA_PHONE = '+4915100000041';
const OTHER_PHONE = '+4917600000042';
const call = (n: number) => `call_${String(n).padStart(32, '0')}`;

/**
 * Issue 16, section 3: callers from another or a withheld number find their appointment by
 * the whole name and the day; nothing they did not say is read back, and nobody learns who
 * else has appointments.
 */
describe('appointments found by name and day (real Postgres)', () => {
  let w: PhoneWorld;
  const clock = new TestClock(NOW);
  let n = 0;

  beforeAll(async () => {
    w = await phoneWorld(clock);
  }, 60_000);
  afterAll(() => w?.close());
  beforeEach(async () => {
    clock.set(NOW);
    await w.clearCalendar();
  });

  const run = (
    name: PhoneFunctionName,
    args: PhoneFunctionArgs,
    callerNumber: string | null = OTHER_PHONE,
  ): Promise<FunctionAnswer> => w.run(name, args, call(++n), callerNumber);
  const book = async (
    name: string,
    time: string,
    phone = ANNA_PHONE,
    service = 'Herrenschnitt',
  ) => {
    const booked = await run('book_appointment', { service, date: 'Samstag', time, name }, phone);
    expect(booked.code).toBe('OK');
    return booked.appointment_id as string;
  };
  const status = async (id: string) =>
    (await w.ds.query(`SELECT status FROM appointments WHERE id = $1`, [id]))[0].status;
  /** Nothing of the customer beyond what was said: no phone, no e-mail, no stored name. */
  const revealsNoCustomer = (answer: FunctionAnswer, ...stored: string[]) => {
    const text = JSON.stringify(answer);
    for (const secret of [ANNA_PHONE, '15100000041', ...stored]) expect(text).not.toContain(secret);
  };

  it.each([[OTHER_PHONE], [null], ['anonymous']])(
    'from %j: the whole name and the day find the appointment; cancel works on it',
    async (from) => {
      const id = await book('Anna Berta Müller', '10 Uhr');
      const listed = await run(
        'list_appointments',
        { name: 'Müller Anna Berta', date: 'Samstag' },
        from,
      );
      expect(listed).toMatchObject({ code: 'OK', count: 1 });
      expect(listed.message).toBe(
        'Sie haben einen Termin: Herrenhaarschnitt am Samstag, 28. November um 10 Uhr bei Anna.',
      );
      revealsNoCustomer(listed);
      const cancelled = await run(
        'cancel_appointment',
        { name: 'Anna Berta Müller', date: 'Samstag' },
        from,
      );
      expect(cancelled).toMatchObject({ code: 'OK', appointment_id: id });
      expect(await status(id)).toBe('cancelled');
      // Retell delivers the cancellation again: the same answer.
      const again = await run(
        'cancel_appointment',
        { name: 'Anna Berta Müller', date: 'Samstag' },
        from,
      );
      expect(again).toMatchObject({ code: 'OK', appointment_id: id });
    },
  );

  it('reschedule works on an appointment found by name and day, also when retried', async () => {
    const id = await book('Anna Müller', '10 Uhr');
    const move = { name: 'Anna Müller', date: 'Samstag', new_date: 'Samstag', new_time: '12 Uhr' };
    const args = {
      name: move.name,
      date: move.date,
      newDate: move.new_date,
      newTime: move.new_time,
    };
    const moved = await run('reschedule_appointment', args, null);
    expect(moved).toMatchObject({ code: 'OK', appointment_id: id });
    expect(moved.message).toContain('12 Uhr');
    const retried = await run('reschedule_appointment', { ...args, time: '10 Uhr' }, null);
    expect(retried).toMatchObject({ code: 'OK', appointment_id: id });
  });

  it('one fact is not enough: the question asks only for the one not said', async () => {
    await book('Anna Müller', '10 Uhr');
    const asks = (...missing: string[]) => ({
      code: 'APPOINTMENT.NAME_AND_DATE_NEEDED',
      needs: missing.map((m) => (m.includes('name') ? 'name' : 'date')),
      missing,
    });
    expect(await run('list_appointments', { name: 'Anna Müller' }, null)).toMatchObject(
      asks('date'),
    );
    expect(await run('list_appointments', { date: 'Samstag' }, null)).toMatchObject(asks('name'));
    expect(await run('cancel_appointment', {}, null)).toMatchObject(asks('name', 'date'));
    expect(
      await run('list_appointments', { name: 'Anna Müller', date: 'nächste Woche' }, null),
    ).toMatchObject(asks('one-day'));
    expect(await run('list_appointments', { date: 'Samstag' }, OTHER_PHONE)).toMatchObject({
      code: 'APPOINTMENT.NONE',
      count: 0,
    });
    // A name said from another number finds nothing there: the day is asked, no dead end.
    const fromElsewhere = await run('list_appointments', { name: 'Anna Müller' }, OTHER_PHONE);
    expect(fromElsewhere).toMatchObject(asks('date'));
    expect(fromElsewhere.message).not.toMatch(/Namen/);
    // A first or last name alone is no whole name: asked for, decided from the words alone.
    for (const name of ['Anna', 'Müller', 'Frau Müller']) {
      const said = await run('cancel_appointment', { name, date: 'Samstag' }, null);
      expect(said).toMatchObject(asks('full-name'));
      expect(said.message).not.toMatch(/Tag/);
    }
    expect(await run('list_appointments', { name: 'Zora' }, null)).toMatchObject(
      asks('full-name', 'date'),
    );
    const wrongWhole = await run(
      'cancel_appointment',
      { name: 'Anna Maria Müller', date: 'Samstag' },
      null,
    );
    expect(wrongWhole).toMatchObject({ code: 'APPOINTMENT.NOT_IDENTIFIED' });
    expect(await w.ds.query(`SELECT status FROM appointments`)).toEqual([{ status: 'scheduled' }]);
  });

  it('no match and several people’s appointments answer exactly alike', async () => {
    await book('Anna Müller', '10 Uhr', ANNA_PHONE);
    await book('Anna Müller', '11 Uhr', '+4915100000043');
    const several = await run('list_appointments', { name: 'Anna Müller', date: 'Samstag' }, null);
    const none = await run('list_appointments', { name: 'Zora Zweig', date: 'Samstag' }, null);
    const otherDay = await run('list_appointments', { name: 'Anna Müller', date: 'Freitag' }, null);
    expect(several).toEqual(none);
    expect(otherDay).toEqual(none);
    expect(none).toMatchObject({ code: 'APPOINTMENT.NOT_IDENTIFIED', needs: ['time', 'service'] });
    // The third fact tells the two apart.
    const at11 = await run(
      'cancel_appointment',
      { name: 'Anna Müller', date: 'Samstag', time: '11 Uhr' },
      null,
    );
    expect(at11).toMatchObject({ code: 'OK' });
    expect(at11.message).toContain('11 Uhr');
    // Wrong time: the same answer as no match at all.
    const wrong = await run(
      'list_appointments',
      { name: 'Anna Müller', date: 'Samstag', time: '13 Uhr' },
      null,
    );
    const wrongNobody = await run(
      'list_appointments',
      { name: 'Zora Zweig', date: 'Samstag', time: '13 Uhr' },
      null,
    );
    expect(wrong).toEqual(wrongNobody);
  });

  it('several appointments of the one customer that day: asks which', async () => {
    await book('Anna Müller', '10 Uhr');
    await book('Anna Müller', '12 Uhr', ANNA_PHONE, 'Damenhaarschnitt');
    const which = await run('cancel_appointment', { name: 'Anna Müller', date: 'Samstag' }, null);
    expect(which).toMatchObject({ code: 'APPOINTMENT.WHICH_ONE', count: 2 });
    revealsNoCustomer(which);
    const bySevice = await run(
      'cancel_appointment',
      { name: 'Anna Müller', date: 'Samstag', service: 'Damenhaarschnitt' },
      null,
    );
    expect(bySevice).toMatchObject({ code: 'OK', service: 'Damenhaarschnitt' });
  });

  it('the calling number still comes first: its own appointments without name or day', async () => {
    const id = await book('Anna Müller', '10 Uhr');
    expect(await run('list_appointments', {}, ANNA_PHONE)).toMatchObject({ count: 1 });
    // A past day's appointment is nobody's to cancel any more.
    clock.set(new Date('2026-11-28T12:00:00Z'));
    expect(
      await run('cancel_appointment', { name: 'Anna Müller', date: '28.11.' }, null),
    ).toMatchObject({
      code: 'APPOINTMENT.NOT_IDENTIFIED',
    });
    expect(await status(id)).toBe('scheduled');
  });

  it('hostile input is answered, never a server error', async () => {
    await book('Anna Müller', '10 Uhr');
    for (const args of [
      { name: "' OR 1=1 --", date: 'Samstag' },
      { name: '%', date: 'Samstag' },
      { name: '_', date: 'Samstag' },
      { name: 'Anna Müller', date: "Samstag'; DROP TABLE appointments; --" },
      { name: 'A'.repeat(150), date: 'Samstag', time: 'x'.repeat(200) },
      { name: 'Anna Müller', date: 'Samstag', appointmentId: 'not-a-uuid' },
      {
        name: 'Anna Müller',
        date: 'Samstag',
        appointmentId: '00000000-0000-0000-0000-000000000000',
      },
    ]) {
      const said = await run('cancel_appointment', args, null);
      expect(said.code).not.toMatch(/^INTERNAL/);
      expect(said.code).not.toBe('OK');
      expect(said.message.length).toBeLessThanOrEqual(200);
    }
    expect(await w.ds.query(`SELECT status FROM appointments`)).toEqual([{ status: 'scheduled' }]);
  });

  it('another company’s salon never finds this salon’s appointment', async () => {
    const id = await book('Anna Müller', '10 Uhr');
    const [copy] = await importSalonCopies(w.db, 1);
    const catalog = w.app.get<SalonCatalog>(SALON_CATALOG);
    const branchId = (await catalog.branchIdForAnsweredNumber(copy.line))!;
    const hostile = { companyId: copy.companyId, branchId, callId: call(++n) };
    for (const callerNumber of [null, ANNA_PHONE]) {
      for (const name of ['list_appointments', 'cancel_appointment'] as const) {
        const said = await w.functions.run(
          name,
          { ...hostile, callerNumber },
          { name: 'Anna Müller', date: 'Samstag', time: '10 Uhr', service: 'Herrenschnitt' },
        );
        expect(said.code).not.toBe('OK');
        revealsNoCustomer(said);
        expect(JSON.stringify(said)).not.toContain(id);
      }
    }
    // Pointing at this salon's branch with the other company's id is refused too.
    const crossed = await w.functions.run(
      'cancel_appointment',
      {
        companyId: copy.companyId,
        branchId: w.base.branchId,
        callId: call(++n),
        callerNumber: null,
      },
      { name: 'Anna Müller', date: 'Samstag' },
    );
    expect(crossed.code).not.toBe('OK');
    expect(await status(id)).toBe('scheduled');
  });
});

describe('recognition by caller ID with consent (real Postgres)', () => {
  let w: PhoneWorld;
  const clock = new TestClock(NOW);
  let n = 100;

  beforeAll(async () => {
    w = await phoneWorld(clock);
  }, 60_000);
  afterAll(() => w?.close());
  beforeEach(async () => {
    clock.set(NOW);
    await w.clearCalendar();
    await w.ds.query(`DELETE FROM customer_consent_log`);
  });

  const run = (
    name: PhoneFunctionName,
    args: PhoneFunctionArgs,
    callerNumber: string | null,
    callId = call(++n),
  ): Promise<FunctionAnswer> => w.run(name, args, callId, callerNumber);
  const wish = { service: 'Herrenschnitt', date: 'Samstag', time: '10 Uhr', name: 'Anna Müller' };
  const customer = async () =>
    (
      await w.ds.query(
        `SELECT recognition_consent, consent_given_at, consent_call_id FROM customers`,
      )
    )[0];
  const log = () =>
    w.ds.query(`SELECT given, source, call_id, recorded_at FROM customer_consent_log ORDER BY id`);

  it('a yes on the booking call is recorded with call and time; the caller is then greeted', async () => {
    expect(await run('check_customer', {}, ANNA_PHONE)).toMatchObject({ status: 'new' });
    const id = call(1);
    const booked = await run('book_appointment', { ...wish, consent: 'ja' }, ANNA_PHONE, id);
    expect(booked).toMatchObject({ code: 'OK', recognition_consent: 'given' });
    expect(await customer()).toEqual({
      recognition_consent: true,
      consent_given_at: NOW,
      consent_call_id: id,
    });
    expect(await log()).toEqual([
      { given: true, source: 'booking', call_id: id, recorded_at: NOW },
    ]);
    expect(await run('check_customer', {}, ANNA_PHONE)).toMatchObject({
      status: 'existing',
      first_name: 'Anna',
    });
    // Retell delivers the booking again: nothing is recorded twice.
    await run('book_appointment', { ...wish, consent: 'ja' }, ANNA_PHONE, id);
    expect(await log()).toHaveLength(1);
  });

  it('no answer or a no: a new customer is not recognised, and a no is logged', async () => {
    await run('book_appointment', wish, ANNA_PHONE);
    expect(await customer()).toMatchObject({ recognition_consent: false, consent_given_at: null });
    expect(await log()).toEqual([]);
    await run('book_appointment', { ...wish, time: '11 Uhr', consent: 'vielleicht' }, ANNA_PHONE);
    expect(await log()).toEqual([]);
    await run('book_appointment', { ...wish, time: '12 Uhr', consent: 'nein' }, ANNA_PHONE);
    expect(await log()).toMatchObject([{ given: false, source: 'booking' }]);
    expect(await run('check_customer', {}, ANNA_PHONE)).toMatchObject({ status: 'new' });
  });

  it('"Bitte vergessen Sie meine Nummer" withdraws it, logged with call and time', async () => {
    await run('book_appointment', { ...wish, consent: 'ja' }, ANNA_PHONE);
    clock.set(new Date('2026-11-26T15:00:00Z'));
    const id = call(2);
    const forgotten = await run('forget_my_number', {}, '0151 00000041', id);
    expect(forgotten).toMatchObject({ code: 'OK', recognition_consent: 'withdrawn' });
    expect(await customer()).toEqual({
      recognition_consent: false,
      consent_given_at: null,
      consent_call_id: null,
    });
    expect((await log())[1]).toEqual({
      given: false,
      source: 'forget_my_number',
      call_id: id,
      recorded_at: new Date('2026-11-26T15:00:00Z'),
    });
    expect(await run('check_customer', {}, ANNA_PHONE)).toMatchObject({ status: 'new' });
    // The appointment stays, and is still found by the number.
    expect(await run('list_appointments', {}, ANNA_PHONE)).toMatchObject({ count: 1 });
    // An unknown number hears the same; a withheld one is told there is nothing to forget.
    const unknown = await run('forget_my_number', {}, '+4915100000077');
    expect(unknown).toEqual({ ...forgotten });
    expect(await run('forget_my_number', {}, null)).toMatchObject({
      code: 'CONSENT.CALLER_WITHHELD',
    });
  });

  it('a number only said aloud records no consent', async () => {
    const booked = await run(
      'book_appointment',
      {
        ...wish,
        callbackNumber: 'null eins fünf eins null null null null null null vier eins',
        consent: 'ja',
      },
      'anonymous',
    );
    expect(booked.code).toBe('OK');
    expect(booked.recognition_consent).toBeUndefined();
    expect(await customer()).toMatchObject({ recognition_consent: false });
    expect(await log()).toEqual([]);
  });

  it('another company’s line cannot withdraw this salon’s consent', async () => {
    await run('book_appointment', { ...wish, consent: 'ja' }, ANNA_PHONE);
    const [copy] = await importSalonCopies(w.db, 1);
    const catalog = w.app.get<SalonCatalog>(SALON_CATALOG);
    const branchId = (await catalog.branchIdForAnsweredNumber(copy.line))!;
    const said = await w.functions.run(
      'forget_my_number',
      { companyId: copy.companyId, branchId, callId: call(++n), callerNumber: ANNA_PHONE },
      {},
    );
    expect(said.code).toBe('OK');
    expect(await customer()).toMatchObject({ recognition_consent: true });
    expect(await log()).toHaveLength(1);
  });
});
