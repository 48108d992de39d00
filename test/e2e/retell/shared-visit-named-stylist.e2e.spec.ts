import { randomBytes } from 'node:crypto';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import { longCallFunctionBody } from '../../support/retell-long-call.fixture';

const KEY = 'key_e2e_shared_named_0123456789ab';
const NOW = '2026-12-07T10:00:00Z'; // Monday, 11:00 in Berlin
const STARTED = Date.parse(NOW) - 2 * 60_000;
const DEMO_LINE = '+4930901820';

type Said = Record<string, unknown> & { code: string; message: string };
interface Offer {
  start: string;
  staff: string;
  stylists?: Array<{ service: string; staff: string }>;
}
const who = (o: Offer) =>
  o.stylists ? o.stylists.map((s) => `${s.service}:${s.staff}`).join('+') : o.staff;

/**
 * "Färben und Kinderhaarschnitt" in the demo salon with visits shared, over signed HTTP with
 * Retell's whole call body. Mehmet cuts children's hair but does not colour; on Tuesday
 * 15 December Lena, who does both, does not work, so Anna colours and Mehmet cuts.
 */
describe('a shared visit asked with a stylist who does part of it, end to end', () => {
  let service: BootedService;
  const rows = (sql: string, params: unknown[] = []) => service.db.dataSource.query(sql, params);
  const newCall = () => `call_${randomBytes(16).toString('hex')}`;
  const fn = async (name: string, args: Record<string, unknown>, callId = newCall()) => {
    const body = longCallFunctionBody(name, args, {
      minutes: 2,
      callId,
      startTimestamp: STARTED,
      toNumber: DEMO_LINE,
      agentId: 'agent_haarmonie_demo',
    });
    expect(JSON.stringify(body)).toContain('transcript_object');
    const res = await signedPost(service.app, '/api/retell/function-call', body, KEY);
    expect(res.status).toBe(200);
    expect(String(res.body.code)).not.toMatch(/^INTERNAL/);
    expect(String(res.body.message).length).toBeLessThanOrEqual(200);
    return res.body as Said;
  };
  const visit = { dienstleistung: 'Färben und Kinderhaarschnitt', datum: '15.12.' };

  beforeAll(async () => {
    service = await bootService({ RETELL_API_KEY: KEY, FIXED_NOW: NOW });
    await rows(
      `UPDATE branches SET split_visits = true WHERE id =
         (SELECT branch_id FROM branch_phone_numbers WHERE phone_e164 = $1)`,
      [DEMO_LINE],
    );
  }, 60_000);
  afterAll(() => service?.close());

  it('an open question naming Mehmet offers shared starts, as the precise check does', async () => {
    const open = await fn('check_availability', { ...visit, mitarbeiter: 'Mehmet' });
    expect(open).toMatchObject({ success: true, code: 'OK', available: true });
    expect(open.message).toContain('Mehmet');
    const slots = open.slots as Offer[];
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) expect(who(slot)).toBe('Färben:Anna+Kinderhaarschnitt:Mehmet');
  });

  it('"nur Mehmet": not shared, says which service he does not do', async () => {
    for (const uhrzeit of ['10 Uhr', undefined]) {
      const said = await fn('check_availability', { ...visit, uhrzeit, mitarbeiter: 'nur Mehmet' });
      expect(said).toMatchObject({
        code: 'AVAILABILITY.SERVICE_NOT_OFFERED',
        not_done: ['Färben'],
      });
      expect(said.message).toContain('Mehmet macht Färben leider nicht');
    }
  });

  it('a shared start another call holds, then books: taken, with alternatives', async () => {
    // 15:00: clear of the 9:00 start the open question above holds.
    const wish = { ...visit, uhrzeit: '15 Uhr' };
    const other = newCall();
    expect(await fn('check_availability', wish, other)).toMatchObject({ available: true });
    const held = await fn('check_availability', wish);
    expect(held).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN', available: false });
    expect(held.message).toContain('vergeben');
    expect((held.alternatives as Offer[]).length).toBeGreaterThan(0);
    const booked = await fn('book_appointment', { ...wish, name: 'Erika Erste' }, other);
    expect(booked).toMatchObject({ code: 'OK' });
    const taken = await fn('check_availability', { ...wish, mitarbeiter: 'Mehmet' });
    expect(taken).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN', available: false });
    const offers = taken.alternatives as Offer[];
    expect(offers.length).toBeGreaterThan(0);
    expect(who(offers[0])).toContain('Kinderhaarschnitt:Mehmet');
  });

  it('Mehmet named and taken on a day Lena could do it all: his part first', async () => {
    const kid = { dienstleistung: 'Kinderhaarschnitt', datum: '16.12.', uhrzeit: '11:30' };
    const first = await fn('book_appointment', { ...kid, mitarbeiter: 'Mehmet', name: 'Kind A' });
    expect(first).toMatchObject({ code: 'OK' });
    const said = await fn('check_availability', {
      ...visit,
      datum: '16.12.',
      uhrzeit: '10 Uhr',
      mitarbeiter: 'Mehmet',
    });
    expect(said).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN', available: false });
    const offers = said.alternatives as Offer[];
    expect(who(offers[0])).toContain('Kinderhaarschnitt:Mehmet');
  });
});
