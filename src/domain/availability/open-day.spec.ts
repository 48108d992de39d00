import fc from 'fast-check';
import { TimeRange } from '../shared/time-range';
import { Staff } from '../salon/staff';
import { WeeklyHours } from '../salon/weekly-hours';
import {
  freeStartsWithin,
  nearestDayWithRoom,
  nextDayWithRoom,
  previousDayWithRoom,
  whyNoRoom,
  daysWithRoom,
} from './open-day';
import {
  at,
  booked,
  branch,
  calendarOf,
  cut,
  engine,
  hhmm,
  MONDAY,
  perm,
  stylist,
  SUNDAY,
  TUESDAY,
  withLunch,
} from './salon.fixture';
import { busyOfAppointments } from './busy-interval';

const AFTERNOON = { fromMinute: 12 * 60, toMinute: 18 * 60 };
const EVENING = { fromMinute: 18 * 60, toMinute: 24 * 60 };

/** Anna fully booked on Monday with back-to-back cuts. */
const fullMonday = () => {
  const cuts = [];
  for (let t = at(MONDAY, '09:00').getTime(); t < at(MONDAY, '18:00').getTime(); t += 30 * 60_000)
    cuts.push(booked(cut, new Date(t)));
  return busyOfAppointments(cuts);
};

describe('free starts within a part of a day', () => {
  it('keeps the starts inside the window only', () => {
    const starts = freeStartsWithin(engine({ service: cut }), MONDAY, AFTERNOON).map((s) =>
      hhmm(s.start),
    );
    expect(starts[0]).toBe('12:00');
    expect(starts[starts.length - 1]).toBe('17:30');
  });

  it('orders stylists as asked at the same start', () => {
    const ben = Staff.restore({ id: 'ben', name: 'Ben', serviceIds: ['cut'] });
    const e = engine({ service: cut, stylists: [calendarOf(stylist()), calendarOf(ben)] });
    const starts = freeStartsWithin(e, MONDAY, undefined, ['ben', 'anna']);
    expect(starts.slice(0, 2).map((s) => s.staffId)).toEqual(['ben', 'anna']);
  });

  it('every start lies in the window, the day asked, and is free for the engine', () => {
    const e = engine({ service: cut });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 1, max: 1440 }),
        fc.constantFrom(MONDAY, TUESDAY, SUNDAY),
        (a, b, date) => {
          const window = { fromMinute: Math.min(a, b), toMinute: Math.max(a, b) };
          if (window.fromMinute === window.toMinute) return true;
          return freeStartsWithin(e, date, window).every((s) => {
            const minute = Number(hhmm(s.start).slice(0, 2)) * 60 + Number(hhmm(s.start).slice(3));
            return (
              minute >= window.fromMinute &&
              minute < window.toMinute &&
              e.branch.localDateOf(s.start) === date &&
              e.checkStart(s.start, s.staffId).ok
            );
          });
        },
      ),
    );
  });
});

describe('why a day has no room', () => {
  it.each<[string, () => ReturnType<typeof whyNoRoom>, string]>([
    ['a Sunday (closed)', () => whyNoRoom(engine({ service: cut }), SUNDAY, undefined), 'closed'],
    [
      'a closed date',
      () =>
        whyNoRoom(
          engine({ service: cut, salon: branch({ closedDates: [MONDAY] }) }),
          MONDAY,
          undefined,
        ),
      'closed',
    ],
    [
      'Anna on holiday',
      () => {
        const away = stylist({
          absences: [TimeRange.of(at(MONDAY, '00:00'), at(TUESDAY, '00:00'))],
        });
        return whyNoRoom(
          engine({ service: cut, stylists: [calendarOf(away)] }),
          MONDAY,
          undefined,
          away,
        );
      },
      'stylist-absent',
    ],
    [
      'Anna does not work Mondays',
      () => {
        const hours = WeeklyHours.sameOn([2, 3, 4, 5, 6], [{ from: '09:00', to: '18:00' }]);
        const parttime = stylist({ workingHours: hours });
        return whyNoRoom(
          engine({ service: cut, stylists: [calendarOf(parttime)] }),
          MONDAY,
          undefined,
          parttime,
        );
      },
      'stylist-absent',
    ],
    [
      'evenings after closing',
      () => whyNoRoom(engine({ service: cut }), MONDAY, EVENING),
      'outside-hours',
    ],
    [
      'the part asked opens too briefly before closing for the service',
      () =>
        whyNoRoom(engine({ service: cut }), MONDAY, { fromMinute: 17 * 60 + 45, toMinute: 1440 }),
      'too-long',
    ],
    [
      'the part asked is open, but too briefly before the midday break',
      () =>
        whyNoRoom(engine({ service: perm, salon: branch({ openingHours: withLunch }) }), MONDAY, {
          fromMinute: 11 * 60,
          toMinute: 12 * 60,
        }),
      'too-long-before-break',
    ],
    [
      'fully booked',
      () => whyNoRoom(engine({ service: cut, busy: fullMonday() }), MONDAY, undefined, stylist()),
      'fully-booked',
    ],
    [
      'today after the last start',
      () => whyNoRoom(engine({ service: cut, now: at(MONDAY, '17:55') }), MONDAY, undefined),
      'too-late',
    ],
    [
      'beyond the horizon',
      () => whyNoRoom(engine({ service: cut }), '2027-06-15', undefined),
      'out-of-range',
    ],
  ])('%s', (_, reason, expected) => {
    expect(reason()).toBe(expected);
  });
});

describe('nearest day with room', () => {
  it('a fully booked Monday points to Tuesday', () => {
    const e = engine({ service: cut, busy: fullMonday() });
    expect(freeStartsWithin(e, MONDAY, undefined)).toEqual([]);
    expect(nearestDayWithRoom(e, MONDAY, undefined)).toBe(TUESDAY);
  });

  it('a closed Sunday points to the Monday after (the later day first)', () => {
    expect(nearestDayWithRoom(engine({ service: cut }), SUNDAY, undefined)).toBe('2026-06-22');
  });

  it('none when no day read has room in the window', () => {
    expect(nearestDayWithRoom(engine({ service: cut }), MONDAY, EVENING)).toBeUndefined();
  });

  it('the next day with room lies after the day, the previous one before it', () => {
    const e = engine({ service: cut, busy: fullMonday() });
    // Saturday 13 June: the next day with room skips Sunday (closed) and the full Monday.
    expect(nextDayWithRoom(e, '2026-06-13', undefined)).toBe(TUESDAY);
    expect(previousDayWithRoom(e, TUESDAY, undefined)).toBe('2026-06-13');
    expect(nextDayWithRoom(e, MONDAY, EVENING)).toBeUndefined();
    expect(previousDayWithRoom(e, MONDAY, EVENING)).toBeUndefined();
    // Not before the first day read (today).
    expect(previousDayWithRoom(e, '2026-06-01', undefined)).toBeUndefined();
  });

  it('days with room keep their order and skip the closed and full ones', () => {
    const e = engine({ service: cut, busy: fullMonday() });
    const days = daysWithRoom(e, [MONDAY, TUESDAY, '2026-06-20', SUNDAY], AFTERNOON);
    expect(days.map((d) => [d.date, hhmm(d.starts[0].start)])).toEqual([
      [TUESDAY, '12:00'],
      ['2026-06-20', '12:00'],
    ]);
  });
});
