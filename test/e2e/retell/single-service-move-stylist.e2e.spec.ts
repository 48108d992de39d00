import { randomBytes } from 'node:crypto';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import { longCallFunctionBody } from '../../support/retell-long-call.fixture';

const KEY = 'key_e2e_move_stylist_0123456789ab';
const NOW = '2026-12-07T10:00:00Z'; // Monday, 11:00 in Berlin
const STARTED = Date.parse(NOW) - 2 * 60_000;
const DEMO_LINE = '+4930901820';

type Said = Record<string, unknown> & { code: string; message: string };

/**
 * "Können Sie mich auf Donnerstag um 10 bei Lena umbuchen?" for a Kinderhaarschnitt booked with
 * Mehmet, over signed HTTP with Retell's whole call body. On Thursday 17 December Lena works
 * all day, Mehmet only from 14:00; Anna does no Kinderhaarschnitt.
 */
describe('reschedule_appointment of a single service to the stylist named, end to end', () => {
  let service: BootedService;
  const rows = (sql: string, params: unknown[] = []) => service.db.dataSource.query(sql, params);
  const caller = (fromNumber: string) => async (name: string, args: Record<string, unknown>) => {
    const body = longCallFunctionBody(name, args, {
      minutes: 2,
      callId: `call_${randomBytes(16).toString('hex')}`,
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
  const staffId = async (name: string): Promise<string> =>
    (
      await rows(
        `SELECT s.id FROM staff s JOIN branch_phone_numbers n ON n.branch_id = s.branch_id
          WHERE s.name = $1 AND n.phone_e164 = $2`,
        [name, DEMO_LINE],
      )
    )[0].id;
  const stateOf = async (id: string) =>
    (await rows(`SELECT staff_id, starts_at FROM appointments WHERE id = $1`, [id]))[0] as {
      staff_id: string;
      starts_at: Date;
    };
  const bookWithMehmet = async (as: ReturnType<typeof caller>, name: string, uhrzeit: string) => {
    const booked = await as('book_appointment', {
      dienstleistung: 'Kinderhaarschnitt',
      datum: '15.12.',
      uhrzeit,
      mitarbeiter: 'Mehmet',
      name,
    });
    expect(booked).toMatchObject({ code: 'OK' });
    expect(booked.message).toContain('bei Mehmet');
    return booked.appointment_id as string;
  };

  beforeAll(async () => {
    service = await bootService({ RETELL_API_KEY: KEY, FIXED_NOW: NOW });
  }, 60_000);
  afterAll(() => service?.close());

  it('"auf Donnerstag um 10 bei Lena": Lena takes it over and is named', async () => {
    const as = caller('+4915112345611');
    const id = await bookWithMehmet(as, 'Erika Lena', '11 Uhr');

    const moved = await as('reschedule_appointment', {
      dienstleistung: 'Kinderhaarschnitt',
      datum: '15.12.',
      neues_datum: 'Donnerstag, 17.12.',
      neue_uhrzeit: '10 Uhr',
      mitarbeiter: 'Lena',
    });
    expect(moved).toMatchObject({ code: 'OK', success: true });
    expect(moved.message).toContain('bei Lena');
    const after = await stateOf(id);
    expect(after.staff_id).toBe(await staffId('Lena'));
    expect(after.starts_at.toISOString()).toBe('2026-12-17T09:00:00.000Z');
    const [outbox] = await rows(
      `SELECT count(*)::int AS n FROM sync_outbox WHERE appointment_id = $1 AND action = 'reschedule'`,
      [id],
    );
    expect(outbox.n).toBe(1);
  });

  it('Anna, who does no Kinderhaarschnitt, and an unknown name: asked back, nothing moved', async () => {
    const as = caller('+4915112345612');
    const id = await bookWithMehmet(as, 'Erika Anna', '12 Uhr');
    const before = await stateOf(id);
    const anna = await as('reschedule_appointment', {
      dienstleistung: 'Kinderhaarschnitt',
      neues_datum: '17.12.',
      neue_uhrzeit: '10 Uhr',
      mitarbeiter: 'Anna',
    });
    expect(anna.code).toBe('AVAILABILITY.SERVICE_NOT_OFFERED');
    expect(anna.message).toContain('Anna');
    const asked = await as('check_availability', {
      dienstleistung: 'Kinderhaarschnitt',
      datum: '17.12.',
      uhrzeit: '10 Uhr',
      mitarbeiter: 'Zoltan',
    });
    const unknown = await as('reschedule_appointment', {
      dienstleistung: 'Kinderhaarschnitt',
      neues_datum: '17.12.',
      neue_uhrzeit: '10 Uhr',
      mitarbeiter: 'Zoltan',
    });
    expect(unknown).toMatchObject({ code: asked.code, message: asked.message });
    expect(await stateOf(id)).toEqual(before);
  });

  it.each([['x'.repeat(5000)], ["'; DROP TABLE staff; --"], ['Lena und Mehmet']])(
    'a garbled stylist #%# is never INTERNAL and moves nothing',
    async (mitarbeiter) => {
      const as = caller('+4915112345613');
      const [existing] = await rows(
        `SELECT a.id FROM appointments a JOIN customers c ON c.id = a.customer_id
          WHERE c.phone_e164 = '+4915112345613' AND a.status = 'scheduled'`,
      );
      const id = existing?.id ?? (await bookWithMehmet(as, 'Erika Unsinn', '16 Uhr'));
      const before = await stateOf(id);
      const said = await as('reschedule_appointment', {
        dienstleistung: 'Kinderhaarschnitt',
        neues_datum: '17.12.',
        neue_uhrzeit: '10 Uhr',
        mitarbeiter,
      });
      expect(said.success).not.toBe(true);
      expect(await stateOf(id)).toEqual(before);
    },
  );

  it('another company’s appointment id moves nothing', async () => {
    const as = caller('+4915112345614');
    const said = await as('reschedule_appointment', {
      termin_id: '00000000-0000-4000-8000-000000000001',
      neues_datum: '17.12.',
      neue_uhrzeit: '10 Uhr',
      mitarbeiter: 'Lena',
    });
    expect(said.success).not.toBe(true);
  });
});
