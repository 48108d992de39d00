import { FunctionAnswer } from '../../../src/adapters/inbound/retell/answers/function-answer';
import { PhoneFunctionArgs } from '../../../src/application/booking/phone-functions';
import { TestClock } from '../../support/booking-app';
import { PhoneWorld, phoneWorld } from '../../support/phone-world';

// Thursday 26 Nov 2026, 15:00 in Berlin; "Dienstag" is 1 December.
const NOW = new Date('2026-11-26T14:00:00Z');
const CALL = 'call_5b2e8d1f4a7c0e3b6d9f2a5c8e1b4d7f';
const CALLER = '+4915112345678';

interface Slot {
  start: string;
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
 * "Färben, Dienstag mittags" in the demo salon: the stylists' midday break leaves no room for
 * Färben around noon, so the same day's nearest starts just before and after noon are offered,
 * not another day.
 */
describe('a part of the day without room, over real Postgres', () => {
  let w: PhoneWorld;
  const clock = new TestClock(NOW);
  beforeAll(async () => {
    w = await phoneWorld(clock);
  }, 60_000);
  afterAll(() => w?.close());
  beforeEach(async () => {
    clock.set(NOW);
    await w.clearCalendar();
  });
  const ask = (args: PhoneFunctionArgs, callId: string | null = CALL): Promise<FunctionAnswer> =>
    w.run('check_availability', args, callId, CALLER);
  const holds = async () =>
    (await w.ds.query(
      // A hold of a segmented service has a busy block per busy phase: its start is the first.
      `SELECT h.call_id, min(lower(b.during)) AS start FROM holds h JOIN busy_blocks b ON b.hold_id = h.id WHERE h.released_at IS NULL AND b.active GROUP BY h.id, h.call_id`,
    )) as Array<{ call_id: string; start: Date }>;

  it('"Färben, Dienstag mittags" offers Tuesday just before and after noon, the first held', async () => {
    const a = await ask({ service: 'Färben', date: 'Dienstag', time: 'mittags' });
    expect(a).toMatchObject({ success: false, available: false, date: '2026-12-01' });
    const nearest = a.nearest as { date: string; slots: Slot[]; same_day?: boolean };
    expect(nearest).toMatchObject({ date: '2026-12-01', same_day: true });
    const times = nearest.slots.map((s) => berlin(s.start));
    // the nearest before noon's window (11:30) and the first from its end (14:00) on
    expect(times).toEqual(['11:15', '14:00']);
    expect(a.message).toMatch(
      /^Mittags passt Färben nicht mehr vor die Pause; am Dienstag, 1\. Dezember ginge 11:15 Uhr oder 14 Uhr\b/,
    );
    expect(a.message.length).toBeLessThanOrEqual(200);
    const held = await holds();
    expect(held).toHaveLength(1);
    expect(new Date(held[0].start).toISOString()).toBe(nearest.slots[0].start);
  });

  it('a part of a day without any room offers the nearest other day, as before', async () => {
    const a = await ask({ service: 'Färben', date: 'Montag', time: 'mittags' }, null);
    expect(a).toMatchObject({ code: 'AVAILABILITY.CLOSED_DAY', date: '2026-11-30' });
    const nearest = a.nearest as { date: string; same_day?: boolean };
    expect(nearest.date).not.toBe('2026-11-30');
    expect(nearest.same_day).toBeUndefined();
    expect(a.message).toMatch(
      /^Am Montag, 30\. November mittags ist der Salon geschlossen\. Frei wäre /,
    );
  });

  it('a part of the day with room answers inside it, untouched', async () => {
    const a = await ask({ service: 'Färben', date: 'Dienstag', time: 'nachmittags' }, null);
    expect(a).toMatchObject({ code: 'OK', available: true, date: '2026-12-01' });
  });
});
