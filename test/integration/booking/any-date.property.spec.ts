import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { FunctionAnswer } from '../../../src/adapters/inbound/retell/answers/function-answer';
import {
  PhoneFunctionArgs,
  PhoneFunctionName,
} from '../../../src/application/booking/phone-functions';
import { TestClock } from '../../support/booking-app';
import { PhoneWorld, phoneWorld } from '../../support/phone-world';

// Thursday 26 Nov 2026, 15:00 in Berlin; the demo salon's services book 90 days ahead.
const NOW = new Date('2026-11-26T14:00:00Z');
// Wednesday 2 Dec 2026, 11:00 in Berlin: "01.12." has just passed.
const DECEMBER_SECOND = new Date('2026-12-02T10:00:00Z');
const DAY = 86_400_000;
const CALL = 'call_0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const BOOKER = '+4915100000021';
const MOVER = '+4915100000022';

const pad = (n: number): string => String(n).padStart(2, '0');

/** A Berlin calendar date `days` from NOW, spoken the ways agents send dates. */
function spokenDate(days: number, style: 'iso' | 'dotted' | 'day-month'): string {
  const d = new Date(NOW.getTime() + days * DAY);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  if (style === 'iso') return `${y}-${pad(m)}-${pad(day)}`;
  if (style === 'dotted') return `${pad(day)}.${pad(m)}.${y}`;
  return `${pad(day)}.${pad(m)}.`;
}

const INTERNAL = /^INTERNAL\./;
const DOMAIN_CODE = /^(OK|[A-Z]+(_[A-Z]+)*\.[A-Z]+(_[A-Z]+)*)$/;

/**
 * Issue 13, section 4: any date, however far ahead or back, is answered with a domain code; a
 * wish beyond the booking horizon hears BEYOND_HORIZON, the last bookable day and alternatives.
 */
describe('any date gets an answer (real Postgres)', () => {
  let w: PhoneWorld;
  let ds: DataSource;
  const clock = new TestClock(NOW);

  beforeAll(async () => {
    w = await phoneWorld(clock);
    ds = w.ds;
  }, 60_000);
  afterAll(() => w?.close());

  const run = (
    name: PhoneFunctionName,
    args: PhoneFunctionArgs,
    callerNumber: string,
  ): Promise<FunctionAnswer> => w.run(name, args, CALL, callerNumber);

  /** The caller who moves has one appointment to move, wherever earlier runs put it. */
  const appointmentToMove = async (): Promise<void> => {
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM appointments a JOIN customers c ON c.id = a.customer_id
        WHERE c.phone_e164 = $1 AND a.status = 'scheduled'`,
      [MOVER],
    );
    if (n > 0) return;
    const booked = await run(
      'book_appointment',
      { service: 'Herrenschnitt', date: 'Freitag', time: '16 Uhr', name: 'Moritz Mover' },
      MOVER,
    );
    expect(booked.code).toBe('OK');
  };

  describe('dates that used to crash', () => {
    beforeEach(async () => {
      clock.set(NOW);
      await w.clearCalendar();
    });

    it.each`
      case                                           | now                | date            | time
      ${'about 100 days ahead'}                      | ${NOW}             | ${'15.03.2027'} | ${'10 Uhr'}
      ${'a Sunday beyond the horizon'}               | ${NOW}             | ${'2027-03-14'} | ${'11:00'}
      ${'five years ahead'}                          | ${NOW}             | ${'2031-11-26'} | ${'03:15'}
      ${'a date that has just passed (next year)'}   | ${DECEMBER_SECOND} | ${'01.12.'}     | ${'10 Uhr'}
      ${'an old year corrected forward (next year)'} | ${DECEMBER_SECOND} | ${'2023-12-01'} | ${'14:30'}
    `(
      '$case: BEYOND_HORIZON with the last bookable day and alternatives before it',
      async ({ now, date, time }) => {
        clock.set(now);
        await appointmentToMove();
        const lastDay = now === NOW ? '2027-02-24' : '2027-03-02';
        const wish = { service: 'Herrenschnitt', date, time };
        const answers = [
          await run('check_availability', wish, BOOKER),
          await run('book_appointment', { ...wish, name: 'Berta Booker' }, BOOKER),
          await run('reschedule_appointment', { newDate: date, newTime: time }, MOVER),
        ];
        for (const a of answers) {
          expect(a).toMatchObject({
            success: false,
            code: 'AVAILABILITY.BEYOND_HORIZON',
            last_bookable_date: lastDay,
          });
          const alternatives = a.alternatives as { start: string }[];
          expect(alternatives).toHaveLength(2);
          for (const alt of alternatives) {
            expect(alt.start <= `${lastDay}T23:59`).toBe(true);
            expect(new Date(alt.start).getTime()).toBeGreaterThan(now.getTime());
          }
        }
      },
    );
  });

  it('check, book and move answer every date within five years either way with a domain code', async () => {
    clock.set(NOW);
    await appointmentToMove();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<PhoneFunctionName>(
          'check_availability',
          'book_appointment',
          'reschedule_appointment',
        ),
        // Anywhere in ten years, and often around the horizon, where the read window is cut.
        fc.oneof(fc.integer({ min: -5 * 366, max: 5 * 366 }), fc.integer({ min: -10, max: 120 })),
        fc.constantFrom<'iso' | 'dotted' | 'day-month'>('iso', 'dotted', 'day-month'),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('Herrenschnitt', 'Dauerwelle', 'Färben'),
        async (name, days, style, hour, minute, service) => {
          clock.set(NOW);
          const date = spokenDate(days, style);
          const time = `${pad(hour)}:${pad(minute)}`;
          const args: PhoneFunctionArgs =
            name === 'reschedule_appointment'
              ? { newDate: date, newTime: time }
              : { service, date, time, name: 'Berta Booker' };
          const answer = await run(name, args, name === 'reschedule_appointment' ? MOVER : BOOKER);
          expect(answer.code).not.toMatch(INTERNAL);
          expect(answer.code).toMatch(DOMAIN_CODE);
          if (answer.code === 'AVAILABILITY.BEYOND_HORIZON') {
            expect(answer.last_bookable_date).toEqual(expect.stringMatching(/^2027-02-2[0-4]$/));
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 240_000);
});
