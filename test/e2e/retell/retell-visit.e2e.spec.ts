import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import { TestDatabase } from '../../support/test-database';
import { importSalonCopies } from './salon-copies';

const KEY = 'key_e2e_visit_0123456789abcdef';
const NOW = '2026-11-26T14:00:00Z'; // Thursday, 15:00 in Berlin
const SALON = '+4930901820';

/**
 * Several services said in one phrase, over signed HTTP against the demo salon on real Postgres:
 * none of them is ever dropped, and a part not understood is named back.
 */
describe('several services in one phrase, end to end', () => {
  let service: BootedService;
  let db: TestDatabase;
  let app: INestApplication;
  const call = () => ({
    call_id: `call_${randomBytes(16).toString('hex')}`,
    from_number: '+4915112345670',
    to_number: SALON,
    agent_id: 'agent_haarmonie_demo',
    call_status: 'ongoing',
  });

  beforeAll(async () => {
    service = await bootService({
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      RETELL_API_KEY: KEY,
      FIXED_NOW: NOW,
    });
    ({ db, app } = service);
  }, 60_000);
  afterAll(() => service?.close());

  const fn = async (
    name: string,
    args: Record<string, unknown>,
    asCall: Record<string, unknown> = call(),
  ) => {
    const body = { name, args, call: asCall };
    const res = await signedPost(app, '/api/retell/function-call', body, KEY);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown> & { code: string; message: string };
  };
  const appointments = async () =>
    Number((await db.dataSource.query('SELECT count(*) AS n FROM appointments'))[0].n);

  const booking = (service: string) => ({
    dienstleistung: service,
    datum: 'Freitag',
    uhrzeit: '11 Uhr',
    name: 'Erika Mustermann',
  });

  it('"Schneiden und Färben" books nothing and asks which haircut, Färben taken', async () => {
    const before = await appointments();
    const said = await fn('book_appointment', booking('Schneiden und Färben'));
    expect(said).toMatchObject({
      success: false,
      code: 'SERVICE.AMBIGUOUS',
      not_understood: 'Schneiden',
      understood: ['Färben'],
      candidates: ['Damenhaarschnitt', 'Herrenhaarschnitt', 'Kinderhaarschnitt'],
    });
    expect(said.message).toBe(
      'Färben habe ich. Bei „Schneiden“ meinen Sie Damenhaarschnitt, Herrenhaarschnitt oder Kinderhaarschnitt?',
    );
    expect(await appointments()).toBe(before);
  });

  it.each(['Schneiden', 'Haare schneiden', 'einmal schneiden', 'Haarschnitt'])(
    '%j alone asks which haircut, in check_availability too',
    async (spoken) => {
      const said = await fn('check_availability', booking(spoken));
      expect(said).toMatchObject({
        code: 'SERVICE.AMBIGUOUS',
        candidates: expect.arrayContaining(['Damenhaarschnitt', 'Kinderhaarschnitt']),
      });
      expect(said.message).toMatch(/^Meinen Sie Damenhaarschnitt, Herrenhaarschnitt/);
    },
  );

  // Asked about, not checked: a check would hold a start the visit below wants.
  it.each([
    ['Kinder schneiden', 'Kinderhaarschnitt'],
    ['Herren Haare schneiden lassen', 'Herrenhaarschnitt'],
  ])('%j is the %s, no question back', async (spoken, name) => {
    const said = await fn('get_service_info', { dienstleistung: spoken });
    expect(said).toMatchObject({ success: true, code: 'OK', service: name });
  });

  it('an unknown second service is named, in check_availability too', async () => {
    const said = await fn('check_availability', booking('Färben und Augenbrauen zupfen'));
    expect(said).toMatchObject({ code: 'SERVICE.UNKNOWN', not_understood: 'Augenbrauen zupfen' });
  });

  it.each([
    ['30 services', Array.from({ length: 30 }, () => 'Färben').join(' und ')],
    ['"und und und"', 'und und und'],
    ['a long list of signs', ',;&+/'.repeat(60)],
  ])('%s: a question back, nothing booked', async (_, spoken) => {
    const before = await appointments();
    const said = await fn('book_appointment', booking(spoken));
    expect(said.code).toMatch(/^SERVICE\./);
    expect(said.message.length).toBeLessThanOrEqual(200);
    expect(await appointments()).toBe(before);
  });

  it('books "Damenhaarschnitt und Färben" as one visit: held, booked, listed, moved, cancelled', async () => {
    const caller = { ...call(), from_number: '+4915112345671' };
    const wish = {
      dienstleistung: 'Damenhaarschnitt und Färben',
      datum: 'Freitag',
      uhrzeit: '10 Uhr',
      mitarbeiter: 'Anna',
    };
    const checked = await fn('check_availability', wish, caller);
    expect(checked).toMatchObject({
      success: true,
      service: 'Damenhaarschnitt und Färben',
      services: ['Damenhaarschnitt', 'Färben'],
    });
    expect(checked.message).toContain('Damenhaarschnitt und Färben');
    const booked = await fn('book_appointment', { ...wish, name: 'Erika Visite' }, caller);
    expect(booked).toMatchObject({ success: true, code: 'OK' });
    expect(booked.message).toContain('Damenhaarschnitt und Färben');
    const id = booked.appointment_id as string;

    // One appointment, its phases in order, each naming its own service.
    const [row] = await db.dataSource.query(
      `SELECT a.visit_service_ids::text[] AS ids, s1.name AS first,
              (SELECT array_agg(s.name ORDER BY p.sequence)
                 FROM appointment_phases p JOIN services s ON s.id = p.service_id
                WHERE p.appointment_id = a.id) AS phases
         FROM appointments a JOIN services s1 ON s1.id = a.service_id WHERE a.id = $1`,
      [id],
    );
    expect(row.first).toBe('Damenhaarschnitt');
    expect(row.ids).toHaveLength(2);
    // cut 45, colour: apply 30, process 35 (free), rinse 30; then the cut's 15-minute buffer
    expect(row.phases).toEqual([
      'Damenhaarschnitt',
      'Färben',
      'Färben',
      'Färben',
      'Damenhaarschnitt',
    ]);
    const blocks = await db.dataSource.query(
      `SELECT to_char(lower(during) AT TIME ZONE 'Europe/Berlin', 'HH24:MI') AS s,
              to_char(upper(during) AT TIME ZONE 'Europe/Berlin', 'HH24:MI') AS e
         FROM busy_blocks WHERE appointment_id = $1 AND active ORDER BY lower(during)`,
      [id],
    );
    expect(blocks).toEqual([
      { s: '10:00', e: '10:45' },
      { s: '10:45', e: '11:15' },
      { s: '11:50', e: '12:20' },
      { s: '12:20', e: '12:35' },
    ]);

    // The database itself refuses an overlap with the visit's busy time for Anna...
    await expect(
      db.dataSource.query(
        `INSERT INTO busy_blocks (company_id, staff_id, kind, during)
         SELECT company_id, staff_id, 'appointment',
                tstzrange(lower(during) + interval '10 minutes', upper(during))
           FROM busy_blocks WHERE appointment_id = $1 AND active LIMIT 1`,
        [id],
      ),
    ).rejects.toThrow();
    // ...while the colour's processing gap (11:15-11:50) takes another client's cut.
    const other = { ...call(), from_number: '+4915112345672' };
    const inGap = await fn(
      'book_appointment',
      {
        dienstleistung: 'Herrenhaarschnitt',
        datum: 'Freitag',
        uhrzeit: '11:15',
        mitarbeiter: 'nur Anna',
        name: 'Max Lücke',
      },
      other,
    );
    expect(inGap).toMatchObject({ success: true });

    const listed = await fn('list_appointments', {}, caller);
    expect(listed.appointments).toEqual([
      expect.objectContaining({
        appointment_id: id,
        service: 'Damenhaarschnitt und Färben',
        services: ['Damenhaarschnitt', 'Färben'],
      }),
    ]);

    const moved = await fn(
      'reschedule_appointment',
      { dienstleistung: 'Färben', neues_datum: 'Samstag', neue_uhrzeit: '9 Uhr' },
      caller,
    );
    expect(moved).toMatchObject({ success: true });
    const movedBlocks = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM busy_blocks WHERE appointment_id = $1 AND active`,
      [id],
    );
    expect(movedBlocks).toEqual([{ n: 4 }]);
    const [after] = await db.dataSource.query(
      `SELECT visit_service_ids::text[] AS ids,
              to_char(starts_at AT TIME ZONE 'Europe/Berlin', 'Dy HH24:MI') AS at
         FROM appointments WHERE id = $1`,
      [id],
    );
    expect(after).toEqual({ ids: row.ids, at: 'Sat 09:00' });

    const cancelled = await fn(
      'cancel_appointment',
      { dienstleistung: 'Damenhaarschnitt und Färben' },
      caller,
    );
    expect(cancelled).toMatchObject({ success: true, status: 'cancelled' });
    const left = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM busy_blocks WHERE appointment_id = $1 AND active`,
      [id],
    );
    expect(left).toEqual([{ n: 0 }]);
  });

  it('answers an open question for a visit with starts that fit the whole visit', async () => {
    const said = await fn('check_availability', {
      dienstleistung: 'Färben und Damenhaarschnitt',
      datum: 'Samstag',
      mitarbeiter: 'Lena',
    });
    expect(said.message.length).toBeLessThanOrEqual(200);
    expect(said.code).not.toMatch(/^SERVICE\./);
    // Saturday closes at 14:00; colour 95 + cut 45 minutes and a 15-minute buffer: 11:15 at the latest.
    expect(said).toMatchObject({ success: true, service: 'Färben und Damenhaarschnitt' });
    const times = (said.slots as Array<{ time: string }>).map((x) => x.time);
    expect(times.length).toBeGreaterThan(0);
    expect(times.at(-1)).toBe('11:15 Uhr');
  });

  it('another salon’s line neither sees nor cancels a visit booked here', async () => {
    const [copy] = await importSalonCopies(db, 1);
    const here = { ...call(), from_number: '+4915112345673' };
    const booked = await fn(
      'book_appointment',
      {
        dienstleistung: 'Damenhaarschnitt und Färben',
        datum: 'Mittwoch',
        uhrzeit: '9 Uhr',
        mitarbeiter: 'Anna',
        name: 'Ina Fremd',
      },
      here,
    );
    expect(booked).toMatchObject({ success: true });
    const there = {
      ...call(),
      from_number: here.from_number,
      to_number: copy.line,
      agent_id: 'agent_kopie_1',
    };
    const listed = await fn('list_appointments', {}, there);
    expect(JSON.stringify(listed)).not.toContain(booked.appointment_id as string);
    const cancelled = await fn(
      'cancel_appointment',
      { dienstleistung: 'Damenhaarschnitt und Färben' },
      there,
    );
    expect(cancelled.success).toBe(false);
    const [row] = await db.dataSource.query(`SELECT status FROM appointments WHERE id = $1`, [
      booked.appointment_id,
    ]);
    expect(row.status).toBe('scheduled');
  });
});
