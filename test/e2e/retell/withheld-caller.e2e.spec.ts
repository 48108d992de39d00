import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import { TestDatabase } from '../../support/test-database';

const KEY = 'key_e2e_withheld_caller_0123456789';
const ADMIN_KEY = 'admin-bootstrap-key-withheld-0123456789';
const NOW = '2026-11-26T14:00:00Z'; // Thursday, 15:00 in Berlin
const SALON = '+4930901820';
/** The callback number, said aloud, and every way it could show up in a log line. */
const SPOKEN = 'null eins fünf eins, neun acht sieben, sechs fünf, vier drei zwo';
const CALLBACK = '+4915198765432';
const CALLBACK_FORMS = [CALLBACK, '015198765432', '15198765432', '98765432', '8 7 6, 5 4 3 2'];

/**
 * A caller from a withheld number books over signed HTTP with Retell's full body shape: the
 * callback number is asked for, said aloud, validated, read back once and stored; logs and
 * traces never carry it.
 */
describe('a caller with a withheld number', () => {
  let service: BootedService;
  let db: TestDatabase;
  let app: INestApplication;
  const lines: string[] = [];
  const destination = { write: (line: string) => void lines.push(line) };

  beforeAll(async () => {
    service = await bootService(
      { LOG_LEVEL: 'debug', RETELL_API_KEY: KEY, FIXED_NOW: NOW, ADMIN_BOOTSTRAP_KEY: ADMIN_KEY },
      { logDestination: destination },
    );
    ({ db, app } = service);
  }, 60_000);
  afterAll(() => service?.close());

  /** Retell's call object for an inbound call whose caller withheld the number. */
  const callFrom = (fromNumber: unknown, callId = `call_${randomBytes(16).toString('hex')}`) => ({
    call_id: callId,
    call_type: 'phone_call',
    direction: 'inbound',
    ...(fromNumber === undefined ? {} : { from_number: fromNumber }),
    to_number: SALON,
    agent_id: 'agent_haarmonie_demo',
    agent_version: 3,
    call_status: 'ongoing',
    start_timestamp: Date.parse(NOW),
    retell_llm_dynamic_variables: { caller_status: 'anonymous' },
    transcript: 'Agent: Salon Haarmonie, guten Tag.\nUser: Ich möchte einen Termin.',
  });
  const fn = async (name: string, args: Record<string, unknown>, call: object) => {
    const res = await signedPost(app, '/api/retell/function-call', { name, args, call }, KEY);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown> & { code: string; message: string };
  };
  const rows = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
  const wish = { service: 'Herrenschnitt', date: 'Freitag', name: 'Quirin Anonym' };

  it.each([['anonymous'], ['+266696687'], ['unknown'], [''], [undefined]])(
    'from %j: the booking asks for a callback number and books nothing without it',
    async (from) => {
      const said = await fn('book_appointment', { ...wish, time: '9 Uhr' }, callFrom(from));
      expect(said).toMatchObject({
        success: false,
        code: 'BOOKING.PHONE_NEEDED',
        needs: 'callback_number',
      });
      expect(said.message).toContain('Unter welcher Nummer');
      expect(await rows(`SELECT count(*)::int AS n FROM appointments`)).toEqual([{ n: 0 }]);
    },
  );

  it('books with the number said aloud, reads it back once and stores it in E.164', async () => {
    const call = callFrom('anonymous');
    const booked = await fn(
      'book_appointment',
      { ...wish, time: '10 Uhr', rueckrufnummer: SPOKEN },
      call,
    );
    expect(booked).toMatchObject({ success: true, code: 'OK', service: 'Herrenhaarschnitt' });
    expect(booked.message).toMatch(/Wir erreichen Sie unter 0 1 5 1 9, 8 7 6, 5 4 3 2\.$/);
    expect(booked.callback_number).toBe('0 1 5 1 9, 8 7 6, 5 4 3 2');
    const [customer] = await rows(
      `SELECT c.phone_e164, c.recognition_consent FROM customers c
         JOIN appointments a ON a.customer_id = c.id WHERE a.id = $1`,
      [booked.appointment_id],
    );
    expect(customer).toEqual({ phone_e164: CALLBACK, recognition_consent: false });

    // Retell delivers the same request again: the same booking, no second customer.
    const again = await fn(
      'book_appointment',
      { ...wish, time: '10 Uhr', rueckrufnummer: SPOKEN },
      call,
    );
    expect(again.appointment_id).toBe(booked.appointment_id);
    expect(await rows(`SELECT count(*)::int AS n FROM customers`)).toEqual([{ n: 1 }]);
  });

  it.each([
    ['weiß ich nicht auswendig'],
    ['null eins fünf eins'],
    ['null neun null null eins zwei drei vier fünf sechs sieben'],
    ['<b>alert</b> 0151 98765432'],
    ['9'.repeat(500)],
  ])('a callback number %j that is none is asked again', async (spoken) => {
    const said = await fn(
      'book_appointment',
      { ...wish, time: '11 Uhr', callback_number: spoken },
      callFrom('anonymous'),
    );
    expect(said).toMatchObject({ code: 'BOOKING.CALLBACK_NUMBER_NOT_UNDERSTOOD' });
    expect(said.message.length).toBeLessThanOrEqual(200);
  });

  it('finds, moves and cancels that booking by the whole name and the day, from any number', async () => {
    const [{ id }] = await rows(`SELECT id FROM appointments WHERE status = 'scheduled'`);
    const byName = { name: 'Anonym, Quirin', datum: 'Freitag' };
    // The name alone asks for the day; a first name alone for the whole name, as a stranger's
    // first name does: decided from the words, it tells nothing about who has appointments.
    const nameAlone = await fn(
      'list_appointments',
      { name: 'Quirin Anonym' },
      callFrom('anonymous'),
    );
    expect(nameAlone).toMatchObject({ code: 'APPOINTMENT.NAME_AND_DATE_NEEDED', needs: ['date'] });
    expect(nameAlone.message).toMatch(/unterdrückt.*Für welchen Tag/);
    const dayAlone = await fn('list_appointments', { datum: 'Freitag' }, callFrom('anonymous'));
    expect(dayAlone).toMatchObject({ code: 'APPOINTMENT.NAME_AND_DATE_NEEDED', needs: ['name'] });
    expect(dayAlone.message).not.toMatch(/Tag/);
    const firstName = await fn(
      'list_appointments',
      { name: 'Quirin', datum: 'Freitag' },
      callFrom(''),
    );
    const strangerFirstName = await fn(
      'list_appointments',
      { name: 'Zora', datum: 'Freitag' },
      callFrom(''),
    );
    expect(firstName).toEqual(strangerFirstName);
    expect(firstName).toMatchObject({ code: 'APPOINTMENT.NAME_AND_DATE_NEEDED', needs: ['name'] });
    expect(firstName.message).toMatch(/Vor- und Nachnamen/);
    const stranger = await fn(
      'list_appointments',
      { name: 'Zora Zweig', datum: 'Freitag' },
      callFrom(''),
    );
    expect(stranger).toMatchObject({ code: 'APPOINTMENT.NOT_IDENTIFIED' });

    const listed = await fn('list_appointments', byName, callFrom('+4917600000099'));
    expect(listed).toMatchObject({ code: 'OK', count: 1 });
    expect(JSON.stringify(listed)).not.toMatch(/98765432|Quirin|Anonym/);
    const moved = await fn(
      'reschedule_appointment',
      { ...byName, neues_datum: 'Freitag', neue_uhrzeit: '12 Uhr' },
      callFrom('anonymous'),
    );
    expect(moved).toMatchObject({ code: 'OK', appointment_id: id });
    const cancelled = await fn(
      'cancel_appointment',
      { ...byName, uhrzeit: '12 Uhr' },
      callFrom(undefined),
    );
    expect(cancelled).toMatchObject({ code: 'OK', appointment_id: id, status: 'cancelled' });
    expect(await rows(`SELECT status FROM appointments WHERE id = $1`, [id])).toEqual([
      { status: 'cancelled' },
    ]);
  });

  it('greets by name only after a yes, and no longer after "vergessen Sie meine Nummer"', async () => {
    const PHONE = '+4917612345678';
    const inbound = async () =>
      (
        await signedPost(
          app,
          '/api/retell/inbound',
          { event: 'call_inbound', call_inbound: { from_number: PHONE, to_number: SALON } },
          KEY,
        )
      ).body.call_inbound.dynamic_variables as Record<string, string>;
    const booking = { service: 'Herrenschnitt', date: 'Samstag', name: 'Ottilie Ohm' };
    expect(
      await fn('book_appointment', { ...booking, time: '9 Uhr' }, callFrom(PHONE)),
    ).toMatchObject({ code: 'OK' });
    expect(await inbound()).toMatchObject({ customer_known: 'false' });
    expect(await inbound()).not.toHaveProperty('customer_first_name');
    const yes = callFrom(PHONE);
    const booked = await fn(
      'book_appointment',
      { ...booking, time: '11 Uhr', einwilligung: true },
      yes,
    );
    expect(booked).toMatchObject({ code: 'OK', recognition_consent: 'given' });
    expect(await inbound()).toMatchObject({
      customer_known: 'true',
      customer_first_name: 'Ottilie',
    });
    expect(await fn('check_customer', {}, callFrom(PHONE))).toMatchObject({ status: 'existing' });

    const [{ company_id: companyId, id }] = await rows(
      `SELECT company_id, id FROM customers WHERE phone_e164 = $1`,
      [PHONE],
    );
    const admin = () =>
      request(app.getHttpServer())
        .get(`/api/admin/companies/${companyId}/customers/${id}`)
        .set('x-api-key', ADMIN_KEY);
    expect((await admin()).body).toMatchObject({
      recognitionConsent: true,
      consentGivenAt: NOW.replace('Z', '.000Z'),
      consentCallId: yes.call_id,
    });

    const forgotten = await fn('nummer_vergessen', {}, callFrom(PHONE));
    expect(forgotten).toMatchObject({ code: 'OK', recognition_consent: 'withdrawn' });
    expect(await inbound()).toMatchObject({ customer_known: 'false' });
    expect(await inbound()).not.toHaveProperty('customer_first_name');
    expect((await admin()).body).toMatchObject({
      recognitionConsent: false,
      consentGivenAt: null,
      consentCallId: null,
    });
    expect(await rows(`SELECT given, source FROM customer_consent_log ORDER BY id`)).toEqual([
      { given: true, source: 'booking' },
      { given: false, source: 'forget_my_number' },
    ]);
  });

  it('no log line and no stored trace carries the callback number', async () => {
    (app as unknown as { flushLogs?: () => void }).flushLogs?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const form of [...CALLBACK_FORMS, SPOKEN, 'neun acht sieben']) {
      expect(text).not.toContain(form);
    }
    const traces = JSON.stringify(await rows(`SELECT * FROM call_function_traces`));
    expect(traces).toContain('book_appointment');
    for (const form of [...CALLBACK_FORMS, SPOKEN, 'neun acht sieben']) {
      expect(traces).not.toContain(form);
    }
  });
});
