import { randomBytes } from 'node:crypto';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import { longCallFunctionBody } from '../../support/retell-long-call.fixture';

const KEY = 'key_e2e_shared_move_0123456789abc';
const NOW = '2026-12-07T10:00:00Z'; // Monday, 11:00 in Berlin
const STARTED = Date.parse(NOW) - 2 * 60_000;
const DEMO_LINE = '+4930901820';

type Said = Record<string, unknown> & { code: string; message: string };

/**
 * Moving "Färben und Kinderhaarschnitt" by phone in the demo salon with visits shared, over
 * signed HTTP with Retell's whole call body. On Tuesday 15 December Lena, who does both, is off:
 * Anna colours, Mehmet cuts. On Thursday 17 December Lena works all day, Mehmet from 14:00.
 */
describe('reschedule_appointment of a visit stylists may share, end to end', () => {
  let service: BootedService;
  const rows = (sql: string, params: unknown[] = []) => service.db.dataSource.query(sql, params);
  const newCall = () => `call_${randomBytes(16).toString('hex')}`;
  const caller = (fromNumber: string) => async (name: string, args: Record<string, unknown>) => {
    const body = longCallFunctionBody(name, args, {
      minutes: 2,
      callId: newCall(),
      startTimestamp: STARTED,
      toNumber: DEMO_LINE,
      agentId: 'agent_haarmonie_demo',
      fromNumber,
    });
    expect(JSON.stringify(body)).toContain('transcript_object');
    const res = await signedPost(service.app, '/api/retell/function-call', body, KEY);
    expect(res.status).toBe(200);
    expect(String(res.body.code)).not.toMatch(/^INTERNAL/);
    expect(String(res.body.message).length).toBeLessThanOrEqual(200);
    return res.body as Said;
  };
  const visit = 'Färben und Kinderhaarschnitt';
  const staffId = async (name: string): Promise<string> =>
    (
      await rows(
        `SELECT s.id FROM staff s JOIN branch_phone_numbers n ON n.branch_id = s.branch_id
          WHERE s.name = $1 AND n.phone_e164 = $2`,
        [name, DEMO_LINE],
      )
    )[0].id;
  /** The stylists of the visit's working steps, in order, and its start. */
  const stepsOf = async (id: string) => ({
    staff: (
      await rows(
        `SELECT staff_id FROM busy_blocks WHERE appointment_id = $1 AND active
          ORDER BY lower(during)`,
        [id],
      )
    ).map((r: { staff_id: string }) => r.staff_id),
    start: (await rows(`SELECT starts_at FROM appointments WHERE id = $1`, [id]))[0].starts_at,
  });
  const bookShared = async (as: ReturnType<typeof caller>, uhrzeit: string, name: string) => {
    const booked = await as('book_appointment', {
      dienstleistung: visit,
      datum: '15.12.',
      uhrzeit,
      name,
    });
    expect(booked).toMatchObject({ code: 'OK' });
    expect(booked.message).toContain('bei Anna');
    expect(booked.message).toContain('bei Mehmet');
    return booked.appointment_id as string;
  };

  beforeAll(async () => {
    service = await bootService({ RETELL_API_KEY: KEY, FIXED_NOW: NOW });
    await rows(
      `UPDATE branches SET split_visits = true WHERE id =
         (SELECT branch_id FROM branch_phone_numbers WHERE phone_e164 = $1)`,
      [DEMO_LINE],
    );
  }, 60_000);
  afterAll(() => service?.close());

  it('"auf Donnerstag bei Mehmet": Mehmet keeps his part, not Lena alone', async () => {
    const as = caller('+4915112345601');
    const id = await bookShared(as, '10 Uhr', 'Erika Mehmet');
    const mehmet = await staffId('Mehmet');

    // "nur Mehmet": he does not colour, so the visit stays where it is.
    const before = await stepsOf(id);
    const only = await as('reschedule_appointment', {
      dienstleistung: visit,
      neues_datum: '17.12.',
      neue_uhrzeit: '15 Uhr',
      mitarbeiter: 'nur Mehmet',
    });
    expect(only).toMatchObject({ code: 'AVAILABILITY.SERVICE_NOT_OFFERED', not_done: ['Färben'] });
    expect(only.message).toContain('Mehmet');
    expect(await stepsOf(id)).toEqual(before);

    const moved = await as('reschedule_appointment', {
      dienstleistung: visit,
      neues_datum: '17.12.',
      neue_uhrzeit: '15 Uhr',
      mitarbeiter: 'Mehmet',
    });
    expect(moved).toMatchObject({ success: true });
    expect(moved.message).toContain('Kinderhaarschnitt bei Mehmet');
    const after = await stepsOf(id);
    expect(after.start.toISOString()).toBe('2026-12-17T14:00:00.000Z');
    // Shared: he cuts, someone who colours (not he) colours.
    expect(after.staff).toContain(mehmet);
    expect(new Set(after.staff).size).toBe(2);
  });

  it('moved to Lena alone, then back to Tuesday: shared again, not refused', async () => {
    const as = caller('+4915112345602');
    const id = await bookShared(as, '14 Uhr', 'Erika Zurueck');
    const lena = await staffId('Lena');

    // Thursday 10:00: Mehmet is not at work yet, Lena does it all.
    const thursday = await as('reschedule_appointment', {
      dienstleistung: visit,
      neues_datum: '17.12.',
      neue_uhrzeit: '10 Uhr',
    });
    expect(thursday).toMatchObject({ success: true });
    expect(new Set((await stepsOf(id)).staff)).toEqual(new Set([lena]));

    const back = await as('reschedule_appointment', {
      dienstleistung: visit,
      neues_datum: '15.12.',
      neue_uhrzeit: '14 Uhr',
    });
    expect(back).toMatchObject({ success: true });
    expect(back.message).toContain('bei Anna');
    expect(back.message).toContain('bei Mehmet');
    const steps = await stepsOf(id);
    expect(steps.start.toISOString()).toBe('2026-12-15T13:00:00.000Z');
    expect(new Set(steps.staff)).toEqual(new Set([await staffId('Anna'), await staffId('Mehmet')]));
  });

  it.each([
    ['x'.repeat(5000)],
    ['Mehmet und Lena und Anna'],
    ['Bogus'],
    ["'; DROP TABLE staff; --"],
  ])('a garbled stylist #%# is asked back, never INTERNAL, nothing moved', async (mitarbeiter) => {
    const as = caller('+4915112345603');
    const [existing] = await rows(
      `SELECT a.id FROM appointments a JOIN customers c ON c.id = a.customer_id
          WHERE c.phone_e164 = '+4915112345603' AND a.status = 'scheduled'`,
    );
    const id = existing?.id ?? (await bookShared(as, '16 Uhr', 'Erika Unsinn'));
    const before = await stepsOf(id);
    const said = await as('reschedule_appointment', {
      dienstleistung: visit,
      neues_datum: '17.12.',
      neue_uhrzeit: '16 Uhr',
      mitarbeiter,
    });
    expect(said.success).not.toBe(true);
    expect(await stepsOf(id)).toEqual(before);
  });
});
