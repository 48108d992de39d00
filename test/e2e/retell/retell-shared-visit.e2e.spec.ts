import { randomBytes } from 'node:crypto';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import { longCallFunctionBody } from '../../support/retell-long-call.fixture';
import { importSalonCopies, SalonCopy } from './salon-copies';

const KEY = 'key_e2e_shared_visit_0123456789ab';
const NOW = '2026-11-26T14:00:00Z'; // Thursday, 15:00 in Berlin
const STARTED = Date.parse(NOW) - 3 * 60_000;
const DEMO_LINE = '+4930901820';
/** Friday 27 November in Berlin (UTC+1). */
const friday = (hhmm: string) => new Date(`2026-11-27T${hhmm}:00+01:00`);

type Said = Record<string, unknown> & { code: string; message: string };

/**
 * "Herrenhaarschnitt und Färben" where the salon lets stylists share a visit, over signed HTTP
 * with Retell's whole call body, on real Postgres. In the demo salon Anna does both, Mehmet
 * only cuts and Lena only colours: with Anna away, Mehmet cuts and Lena colours, said so,
 * held, and booked as held.
 */
describe('a visit shared by stylists, end to end', () => {
  let service: BootedService;
  let copy: SalonCopy;
  const rows = (sql: string, params: unknown[] = []) => service.db.dataSource.query(sql, params);
  const newCall = () => `call_${randomBytes(16).toString('hex')}`;
  const fn = async (
    name: string,
    args: Record<string, unknown>,
    callId: string,
    line = { toNumber: DEMO_LINE, agentId: 'agent_haarmonie_demo' },
  ): Promise<Said> => {
    const body = longCallFunctionBody(name, args, {
      minutes: 3,
      callId,
      startTimestamp: STARTED,
      ...line,
    });
    expect(JSON.stringify(body)).toContain('transcript_object');
    const res = await signedPost(service.app, '/api/retell/function-call', body, KEY);
    expect(res.status).toBe(200);
    expect(String(res.body.code)).not.toMatch(/^INTERNAL/);
    return res.body as Said;
  };
  const staffId = async (name: string, companyId?: string) =>
    (
      await rows(
        `SELECT s.id FROM staff s JOIN branches b ON b.id = s.branch_id
          JOIN branch_phone_numbers n ON n.branch_id = b.id
         WHERE s.name = $1 AND n.phone_e164 = $2`,
        [name, companyId ? copy.line : DEMO_LINE],
      )
    )[0].id as string;
  /** Anna away in her calendar for Friday morning (a block Cal.com told us about). */
  const annaAway = async (line: string, uid: string) => {
    const [anna] = await rows(
      `SELECT s.id, s.company_id FROM staff s JOIN branch_phone_numbers n ON n.branch_id = s.branch_id
        WHERE s.name = 'Anna' AND n.phone_e164 = $1`,
      [line],
    );
    await rows(
      `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
       VALUES ($1, $2, 'calendar', tstzrange($3, $4, '[)'), $5)`,
      [anna.company_id, anna.id, friday('08:00'), friday('13:00'), uid],
    );
  };
  const wish = {
    dienstleistung: 'Herrenhaarschnitt und Färben',
    datum: 'Freitag',
    uhrzeit: '10 Uhr',
  };

  beforeAll(async () => {
    service = await bootService({ RETELL_API_KEY: KEY, FIXED_NOW: NOW });
    [copy] = await importSalonCopies(service.db, 1);
    // The demo salon shares visits (its file says so); its copy, another company, does not.
    await rows(
      `UPDATE branches SET split_visits = false WHERE id =
         (SELECT branch_id FROM branch_phone_numbers WHERE phone_e164 = $1)`,
      [copy.line],
    );
    const [demo] = await rows(
      `SELECT split_visits FROM branches b JOIN branch_phone_numbers n ON n.branch_id = b.id
        WHERE n.phone_e164 = $1`,
      [DEMO_LINE],
    );
    expect(demo.split_visits).toBe(true);
    await annaAway(DEMO_LINE, 'away-demo');
    await annaAway(copy.line, 'away-copy');
  }, 60_000);
  afterAll(() => service?.close());

  it('checks, holds both stylists, says who does what, and books exactly that', async () => {
    const callId = newCall();
    const [mehmet, lena] = [await staffId('Mehmet'), await staffId('Lena')];
    const checked = await fn('check_availability', wish, callId);
    expect(checked).toMatchObject({ success: true, code: 'OK', available: true });
    expect(checked.message).toBe(
      'Freitag, 27. November um 10 Uhr ist frei: Herrenhaarschnitt bei Mehmet, danach Färben ' +
        'bei Lena. Soll ich den Termin so für Sie eintragen?',
    );
    expect(checked.stylists).toEqual([
      { service: 'Herrenhaarschnitt', staff: 'Mehmet' },
      { service: 'Färben', staff: 'Lena' },
    ]);
    const held = await rows(
      `SELECT b.staff_id, lower(b.during) s FROM holds h JOIN busy_blocks b ON b.hold_id = h.id
        WHERE h.call_id = $1 AND b.active ORDER BY lower(b.during)`,
      [callId],
    );
    expect(held.map((h: { staff_id: string }) => h.staff_id)).toEqual([mehmet, lena, lena]);

    // Another caller cannot have Lena during the held colour.
    const other = await fn(
      'check_availability',
      { dienstleistung: 'Färben', datum: 'Freitag', uhrzeit: '10:30', mitarbeiter: 'Lena' },
      newCall(),
    );
    expect(other.available).not.toBe(true);

    const booked = await fn('book_appointment', { ...wish, name: 'Erika Geteilt' }, callId);
    expect(booked).toMatchObject({ success: true, code: 'OK' });
    expect(booked.message).toContain('Herrenhaarschnitt bei Mehmet, danach Färben bei Lena');
    const id = booked.appointment_id as string;
    const [row] = await rows(`SELECT staff_id FROM appointments WHERE id = $1`, [id]);
    expect(row.staff_id).toBe(mehmet);
    const [line] = await rows(
      `SELECT details FROM audit_log WHERE action = 'appointment.booked' AND entity_id = $1`,
      [id],
    );
    expect(line.details.stylists.map((s: { staffId: string }) => s.staffId)).toEqual([
      mehmet,
      lena,
    ]);
    const phases = await rows(
      `SELECT p.staff_id, s.name FROM appointment_phases p JOIN services s ON s.id = p.service_id
        WHERE p.appointment_id = $1 AND p.staff_busy ORDER BY p.sequence`,
      [id],
    );
    expect(phases.map((p: { staff_id: string; name: string }) => [p.staff_id, p.name])).toEqual([
      [mehmet, 'Herrenhaarschnitt'],
      [lena, 'Färben'],
      [lena, 'Färben'],
    ]);
    const blocks = await rows(
      `SELECT staff_id FROM busy_blocks WHERE appointment_id = $1 AND active ORDER BY lower(during)`,
      [id],
    );
    expect(blocks.map((b: { staff_id: string }) => b.staff_id)).toEqual([mehmet, lena, lena]);
    expect(
      await rows(
        `SELECT 1 FROM busy_blocks WHERE kind = 'hold' AND active AND hold_id IN
                    (SELECT id FROM holds WHERE call_id = $1)`,
        [callId],
      ),
    ).toEqual([]);
  });

  it('a booking without a check plans the sharing by the same rules', async () => {
    const booked = await fn(
      'book_appointment',
      { ...wish, uhrzeit: '14 Uhr', name: 'Erika Ohne Frage' },
      newCall(),
    );
    // Anna is back in the afternoon: one stylist again, nothing shared.
    expect(booked).toMatchObject({ success: true, code: 'OK' });
    expect(booked.message).toContain('bei Anna');
    const [n] = await rows(
      `SELECT count(*)::int n FROM appointment_phases WHERE appointment_id = $1 AND staff_id IS NOT NULL`,
      [booked.appointment_id],
    );
    expect(n.n).toBe(0);
    const morning = await fn(
      'book_appointment',
      // Anna is away until 13:00: her cut would not fit, so Mehmet cuts and Lena colours.
      { ...wish, uhrzeit: '12:30', name: 'Erika Mittags' },
      newCall(),
    );
    expect(morning).toMatchObject({ success: true, code: 'OK' });
    expect(morning.message).toContain('Herrenhaarschnitt bei Mehmet, danach Färben bei Lena');
  });

  it('Mehmet asked for, who only cuts: he cuts, the first free colourist colours', async () => {
    const said = await fn(
      'check_availability',
      { ...wish, datum: 'Samstag', uhrzeit: '9 Uhr', mitarbeiter: 'Mehmet' },
      newCall(),
    );
    expect(said).toMatchObject({ code: 'OK', available: true });
    expect(said.message).toContain('Herrenhaarschnitt bei Mehmet, danach Färben bei Anna');
  });

  it('a salon that does not share: which service the stylist does not do, nothing held', async () => {
    const line = { toNumber: copy.line, agentId: 'agent_kopie_1' };
    const callId = newCall();
    const named = await fn('check_availability', { ...wish, mitarbeiter: 'Mehmet' }, callId, line);
    expect(named).toMatchObject({
      code: 'AVAILABILITY.SERVICE_NOT_OFFERED',
      not_done: ['Färben'],
      offered_by: ['Anna'],
    });
    expect(named.message).toBe(
      'Mehmet macht Färben leider nicht. Alles zusammen macht bei uns Anna.',
    );
    // Anna away, and the copy does not share: not free, never split.
    const anyone = await fn('check_availability', wish, callId, line);
    expect(anyone.available).not.toBe(true);
    expect(anyone.stylists).toBeUndefined();
    expect(await rows(`SELECT 1 FROM holds WHERE call_id = $1`, [callId])).toEqual([]);
    const [flag] = await rows(
      `SELECT split_visits FROM branches b JOIN branch_phone_numbers n ON n.branch_id = b.id
        WHERE n.phone_e164 = $1`,
      [copy.line],
    );
    expect(flag.split_visits).toBe(false);
  });

  it('a salon that does not share, on a day nobody who does it all works: says so, and when', async () => {
    // Tuesday 1 December: only Lena does Färben and Kinderhaarschnitt, and she works from Wednesday.
    const line = { toNumber: copy.line, agentId: 'agent_kopie_1' };
    const visit = 'Färben und Kinderhaarschnitt';
    for (const when of [{ uhrzeit: '10 Uhr' }, {}, { uhrzeit: 'vormittags' }]) {
      const said = await fn(
        'check_availability',
        { dienstleistung: visit, datum: 'Dienstag', mitarbeiter: 'Mehmet', ...when },
        newCall(),
        line,
      );
      expect(said).toMatchObject({
        code: 'AVAILABILITY.SERVICE_NOT_OFFERED',
        not_done: ['Färben'],
        offered_by: [],
        days: ['2026-12-01'],
        nearest: { date: '2026-12-02', staff: ['Lena'] },
      });
      expect(said.message).toBe(
        'Mehmet macht Färben leider nicht. Alles zusammen macht am Dienstag, 1. Dezember ' +
          'leider niemand, Lena wieder am Mittwoch, 2. Dezember.',
      );
    }
    // On Wednesday she works: named for it, as before.
    const wednesday = await fn(
      'check_availability',
      { dienstleistung: visit, datum: 'Mittwoch', uhrzeit: '10 Uhr', mitarbeiter: 'Mehmet' },
      newCall(),
      line,
    );
    expect(wednesday.message).toBe(
      'Mehmet macht Färben leider nicht. Alles zusammen macht bei uns Lena.',
    );
  });

  it('lists, moves (shared anew) and cancels the whole visit, naming who does what', async () => {
    const caller = {
      toNumber: DEMO_LINE,
      agentId: 'agent_haarmonie_demo',
      fromNumber: '+4915112345699',
    };
    const as = async (name: string, args: Record<string, unknown>) => {
      const body = longCallFunctionBody(name, args, {
        minutes: 3,
        callId: newCall(),
        startTimestamp: STARTED,
        ...caller,
      });
      const res = await signedPost(service.app, '/api/retell/function-call', body, KEY);
      expect(res.status).toBe(200);
      expect(String(res.body.code)).not.toMatch(/^INTERNAL/);
      return res.body as Said;
    };
    const booked = await as('book_appointment', { ...wish, uhrzeit: '15:30', name: 'Erika Liste' });
    expect(booked.message).toContain('Herrenhaarschnitt bei Mehmet, danach Färben bei Lena');
    const id = booked.appointment_id as string;

    const listed = await as('list_appointments', {});
    expect(listed.message).toContain('Herrenhaarschnitt bei Mehmet, danach Färben bei Lena');
    expect(listed.appointments).toEqual([
      expect.objectContaining({
        appointment_id: id,
        stylists: [
          { service: 'Herrenhaarschnitt', staff: 'Mehmet' },
          { service: 'Färben', staff: 'Lena' },
        ],
      }),
    ]);

    // Next Wednesday Anna does both: the visit is planned anew, with one stylist.
    const moved = await as('reschedule_appointment', {
      dienstleistung: 'Herrenhaarschnitt und Färben',
      neues_datum: '2026-12-02',
      neue_uhrzeit: '10 Uhr',
    });
    expect(moved).toMatchObject({ success: true });
    expect(moved.message).toContain('bei Anna');
    const anna = await staffId('Anna');
    const blocks = await rows(
      `SELECT staff_id FROM busy_blocks WHERE appointment_id = $1 AND active`,
      [id],
    );
    expect(blocks.map((b: { staff_id: string }) => b.staff_id)).toEqual([anna, anna, anna]);

    const cancelled = await as('cancel_appointment', {
      dienstleistung: 'Herrenhaarschnitt und Färben',
    });
    expect(cancelled).toMatchObject({ success: true, status: 'cancelled' });
    expect(
      await rows(`SELECT 1 FROM busy_blocks WHERE appointment_id = $1 AND active`, [id]),
    ).toEqual([]);
  });

  it('an open question offers shared starts where Anna is away, the first held for both', async () => {
    const callId = newCall();
    const said = await fn(
      'check_availability',
      { dienstleistung: 'Herrenhaarschnitt und Färben', datum: 'Freitag', uhrzeit: 'vormittags' },
      callId,
    );
    expect(said).toMatchObject({ success: true, code: 'OK', available: true });
    expect(said.message.length).toBeLessThanOrEqual(200);
    const slots = said.slots as Array<{ staff: string; stylists?: unknown[] }>;
    expect(slots.length).toBeGreaterThan(0);
    // Anna is away all morning: every start offered is shared, and said so.
    for (const slot of slots) {
      expect(slot.stylists).toHaveLength(2);
      expect(slot.staff).toContain(' und ');
    }
    const held = await rows(
      `SELECT DISTINCT b.staff_id FROM holds h JOIN busy_blocks b ON b.hold_id = h.id
        WHERE h.call_id = $1 AND b.active`,
      [callId],
    );
    expect(held).toHaveLength(2);
  });

  it('a taken start offers alternatives that hold, shared or whole', async () => {
    // Saturday, Anna away from 11:05 (after what other calls hold of her): at 11:00 only Mehmet
    // and Lena together can take the visit.
    const [anna] = await rows(
      `SELECT s.id, s.company_id FROM staff s JOIN branch_phone_numbers n ON n.branch_id = s.branch_id
        WHERE s.name = 'Anna' AND n.phone_e164 = $1`,
      [DEMO_LINE],
    );
    await rows(
      `INSERT INTO busy_blocks(company_id, staff_id, kind, during, external_uid)
       VALUES ($1, $2, 'calendar', tstzrange($3, $4, '[)'), 'away-saturday')`,
      [
        anna.company_id,
        anna.id,
        new Date('2026-11-28T11:05:00+01:00'),
        new Date('2026-11-28T14:00:00+01:00'),
      ],
    );
    const saturday = { ...wish, datum: 'Samstag', uhrzeit: '11 Uhr' };
    const first = await fn('book_appointment', { ...saturday, name: 'Erika Samstag' }, newCall());
    expect(first.message).toContain('Herrenhaarschnitt bei Mehmet, danach Färben bei Lena');
    const callId = newCall();
    const said = await fn('check_availability', saturday, callId);
    expect(said.available).toBe(false);
    const alternatives = said.alternatives as Array<{ start: string; stylists?: unknown[] }>;
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.some((alt) => alt.stylists?.length === 2)).toBe(true);
    // Each is free when this call asks about it (its own hold moves along, blocking nothing).
    for (const alt of alternatives) {
      const berlin = new Date(alt.start).toLocaleTimeString('de-DE', {
        timeZone: 'Europe/Berlin',
        hour: '2-digit',
        minute: '2-digit',
      });
      const again = await fn('check_availability', { ...saturday, uhrzeit: berlin }, callId);
      expect(again.available).toBe(true);
    }
  });

  it.each([
    [{ ...wish, mitarbeiter: 'x'.repeat(5000) }],
    [{ ...wish, mitarbeiter: 'Mehmet und Lena und Anna' }],
    [{ ...wish, dienstleistung: 'Herrenhaarschnitt und Färben und '.repeat(40) }],
    [{ ...wish, uhrzeit: '25 Uhr' }],
  ])('garbage #%# gets a question back, never INTERNAL, nothing booked', async (args) => {
    const before = await rows(`SELECT count(*)::int n FROM appointments`);
    const said = await fn('book_appointment', { ...args, name: 'Erika Unsinn' }, newCall());
    expect(said.message.length).toBeLessThanOrEqual(200);
    expect(await rows(`SELECT count(*)::int n FROM appointments`)).toEqual(before);
  });
});
