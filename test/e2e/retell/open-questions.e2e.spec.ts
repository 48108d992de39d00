import { randomBytes } from 'node:crypto';
import { BootedService, bootService, signedPost } from '../../support/booted-service';
import { longCallFunctionBody } from '../../support/retell-long-call.fixture';

const KEY = 'key_e2e_open_questions_0123456789';
const NOW = '2026-11-26T14:00:00Z'; // Thursday, 15:00 in Berlin
const STARTED = Date.parse(NOW) - 3 * 60_000;

interface Slot {
  start: string;
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

/**
 * "Haben Sie am Freitag etwas frei?" over signed HTTP, as Retell sends it (the whole call with
 * its transcript in the body), against the booted service on real Postgres.
 */
describe('open availability questions, end to end', () => {
  let service: BootedService;
  const rows = (sql: string, params: unknown[] = []) => service.db.dataSource.query(sql, params);
  const ask = async (args: Record<string, unknown>, callId: string) => {
    const body = longCallFunctionBody('check_availability', args, {
      minutes: 3,
      callId,
      startTimestamp: STARTED,
    });
    expect(JSON.stringify(body)).toContain('transcript_object');
    const res = await signedPost(service.app, '/api/retell/function-call', body, KEY);
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown> & { code: string; message: string; slots: Slot[] };
  };
  const newCall = () => `call_${randomBytes(16).toString('hex')}`;

  beforeAll(async () => {
    service = await bootService({ RETELL_API_KEY: KEY, FIXED_NOW: NOW });
  }, 60_000);
  afterAll(() => service?.close());

  it('a day question: three starts spread over Friday, the first held for this call', async () => {
    const callId = newCall();
    const a = await ask(
      { dienstleistung: 'Herrenschnitt', datum: 'Freitag', mitarbeiter: 'Mehmet' },
      callId,
    );
    expect(a).toMatchObject({ success: true, code: 'OK', available: true, date: '2026-11-27' });
    expect(a.slots.map((s) => berlin(s.start))).toEqual(['09:00', '13:30', '18:00']);
    expect(a.message).toBe(
      'Am Freitag, 27. November wäre frei um 9 Uhr, 13:30 Uhr oder 18 Uhr bei Mehmet.',
    );
    const held = await rows(
      `SELECT h.call_id, lower(b.during) AS start FROM holds h JOIN busy_blocks b ON b.hold_id = h.id
       WHERE h.released_at IS NULL AND b.active AND h.call_id = $1`,
      [callId],
    );
    expect(held).toHaveLength(1);
    expect(new Date(held[0].start).toISOString()).toBe(a.slots[0].start);
  });

  it('a part-of-day question: the starts lie in the afternoon, another call’s hold left out', async () => {
    const first = await ask(
      { service: 'Herrenschnitt', date: 'Freitag', time: 'nachmittags', staff: 'Mehmet' },
      newCall(),
    );
    const second = await ask(
      { service: 'Herrenschnitt', date: 'Freitag', time: 'nachmittags', staff: 'Mehmet' },
      newCall(),
    );
    for (const a of [first, second]) {
      expect(a).toMatchObject({ code: 'OK', part: { from: '12:00', to: '18:00' } });
      for (const s of a.slots) {
        expect(berlin(s.start) >= '12:00' && berlin(s.start) < '18:00').toBe(true);
      }
      expect(a.message).toMatch(/^Am Freitag, 27\. November nachmittags wäre frei um /);
    }
    expect(second.slots.map((s) => s.start)).not.toContain(first.slots[0].start);
  });

  it('a closed day and hostile words are answered, never with an error', async () => {
    const closed = await ask(
      { service: 'Herrenschnitt', date: 'Montag', time: 'vormittags' },
      newCall(),
    );
    expect(closed).toMatchObject({
      code: 'AVAILABILITY.CLOSED_DAY',
      nearest: { date: '2026-12-01' },
    });
    for (const args of [
      { service: 'Herrenschnitt', date: 'Freitag', time: 'zwischen 23 und 1' },
      { service: 'Herrenschnitt', date: '\u0000Freitag', time: 'nachmittags' },
      { service: 'Herrenschnitt', date: ['Freitag'], time: { von: 10 } },
      { service: 'Herrenschnitt', date: 'nächste Woche '.repeat(40) },
    ]) {
      const a = await ask(args, newCall());
      expect(a.code).not.toMatch(/^INTERNAL/);
      expect(a.message.length).toBeLessThanOrEqual(200);
    }
  });
});
