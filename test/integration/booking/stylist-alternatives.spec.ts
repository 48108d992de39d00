import { FunctionAnswer } from '../../../src/adapters/inbound/retell/answers/function-answer';
import {
  PhoneFunctionArgs,
  PhoneFunctionName,
} from '../../../src/application/booking/phone-functions';
import { TestClock } from '../../support/booking-app';
import { PhoneWorld, phoneWorld } from '../../support/phone-world';

// Thursday 26 Nov 2026, 15:00 in Berlin. On Saturday 28 Nov the demo salon opens 09:00-14:00 and
// both Anna and Mehmet cut men's hair.
const NOW = new Date('2026-11-26T14:00:00Z');
const CALLER = 'call_1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f';
const OTHER = 'call_9f8e7d6c5b4a39281706f5e4d3c2b1a0';

/**
 * Issue 13, section 5: what a caller who asked for a stylist is offered when that stylist is
 * taken. The very time with another stylist, unless the caller insisted; offers that are a real
 * choice, not neighbouring quarter-hours.
 */
describe('alternatives for an asked stylist (real Postgres)', () => {
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

  const run = (
    name: PhoneFunctionName,
    args: PhoneFunctionArgs,
    callId = CALLER,
    callerNumber = '+4915100000031',
  ): Promise<FunctionAnswer> => w.run(name, args, callId, callerNumber);
  /** The offers as "HH:MM stylist", on the salon's clock. */
  const offered = (a: FunctionAnswer): string[] =>
    (a.alternatives as { start: string; staff: string }[]).map(
      (s) =>
        `${new Date(s.start).toLocaleTimeString('de-DE', {
          timeZone: 'Europe/Berlin',
          hour: '2-digit',
          minute: '2-digit',
        })} ${s.staff}`,
    );
  /** Other callers take Mehmet on Saturday at these times. */
  const mehmetBooked = async (...times: string[]) => {
    for (const [i, time] of times.entries()) {
      const booked = await run(
        'book_appointment',
        { service: 'Herrenschnitt', date: 'Samstag', time, staff: 'Mehmet', name: `Kunde ${i}` },
        `${OTHER}${i}`,
        `+49151000001${String(i).padStart(2, '0')}`,
      );
      expect(booked.code).toBe('OK');
    }
  };
  const wish = { service: 'Herrenschnitt', date: 'Samstag', time: '10 Uhr', staff: 'Mehmet' };

  it('offers the very time asked with another stylist who is free then', async () => {
    await mehmetBooked('10:00');
    const checked = await run('check_availability', wish);
    expect(checked).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN', available: false });
    expect(offered(checked)).toEqual(['09:30 Mehmet', '10:00 Anna']);
    const booked = await run('book_appointment', { ...wish, name: 'Ida Ihle' });
    expect(booked).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN' });
    expect(offered(booked)).toEqual(['09:30 Mehmet', '10:00 Anna']);
  });

  describe('Mehmet taken from 9:00 to 12:00, 11:00 asked', () => {
    const eleven = { ...wish, time: '11 Uhr' };
    beforeEach(() => mehmetBooked('9:00', '9:30', '10:00', '10:30', '11:00', '11:30'));

    it('offers Mehmet’s next start and Anna at 11:00', async () => {
      expect(offered(await run('check_availability', eleven))).toEqual([
        '12:00 Mehmet',
        '11:00 Anna',
      ]);
    });

    it.each`
      how                                | args
      ${'staff_only'}                    | ${{ ...eleven, staffOnly: 'ja' }}
      ${'staff_only "true"'}             | ${{ ...eleven, staffOnly: 'true' }}
      ${'"nur" with the stylist’s name'} | ${{ ...eleven, staff: 'nur Mehmet' }}
    `(
      'insisted on Mehmet ($how): only his starts, not two neighbouring quarter-hours',
      async ({ args }) => {
        const checked = await run('check_availability', args);
        expect(offered(checked)).toEqual(['12:00 Mehmet', '13:00 Mehmet']);
        const booked = await run('book_appointment', { ...args, name: 'Ida Ihle' });
        expect(offered(booked)).toEqual(['12:00 Mehmet', '13:00 Mehmet']);
      },
    );

    it('a move keeps its stylist, so only his starts are offered', async () => {
      const mine = await run('book_appointment', { ...wish, time: '13:30', name: 'Ida Ihle' });
      expect(mine.code).toBe('OK');
      const moved = await run('reschedule_appointment', { newDate: 'Samstag', newTime: '11 Uhr' });
      expect(moved).toMatchObject({ code: 'AVAILABILITY.SLOT_TAKEN' });
      expect(offered(moved)).toEqual(['12:00 Mehmet', '13:00 Mehmet']);
    });
  });
});
