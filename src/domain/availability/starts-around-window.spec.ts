import { WeeklyHours } from '../salon/weekly-hours';
import { Service } from '../salon/service';
import { freeStartsWithin, whyNoRoom } from './open-day';
import { at, booked, branch, engine, hhmm, MON_TO_SAT, MONDAY } from './salon.fixture';
import { busyOfAppointments } from './busy-interval';
import { startsAroundWindow } from './starts-around-window';

/** A salon with its midday break from 13 to 14, as many have. */
const breakAtOne = branch({
  openingHours: WeeklyHours.sameOn(
    [...MON_TO_SAT],
    [
      { from: '09:00', to: '13:00' },
      { from: '14:00', to: '18:00' },
    ],
  ),
});
const colouring = Service.simple({ id: 'colour', name: 'Färben' }, 105);
const NOON = { fromMinute: 11 * 60 + 30, toMinute: 14 * 60 };
const around = (e = engine({ service: colouring, salon: breakAtOne })) => {
  const found = startsAroundWindow(e, MONDAY, NOON);
  return {
    before: found.before.map((s) => hhmm(s.start)),
    after: found.after.map((s) => hhmm(s.start)),
  };
};

describe('starts around a part of the day without room', () => {
  it('"mittags" before a break: the nearest start before it and the first after it', () => {
    const e = engine({ service: colouring, salon: breakAtOne });
    expect(freeStartsWithin(e, MONDAY, NOON)).toEqual([]);
    expect(whyNoRoom(e, MONDAY, NOON)).toBe('too-long-before-break');
    const { before, after } = around(e);
    expect(before[0]).toBe('11:15');
    expect(after[0]).toBe('14:00');
    // nearest first on each side, and none inside the part asked
    expect(before).toEqual([...before].sort().reverse());
    expect(after).toEqual([...after].sort());
  });

  it('skips starts taken: the nearest free ones are offered', () => {
    const busy = busyOfAppointments([
      booked(Service.simple({ id: 'x', name: 'X' }, 30), at(MONDAY, '11:00')),
      booked(Service.simple({ id: 'x', name: 'X' }, 30), at(MONDAY, '14:00')),
    ]);
    const e = engine({ service: colouring, salon: breakAtOne, busy });
    const { before, after } = around(e);
    expect(before[0]).toBe('09:15'); // 9:15 + 105 min ends at 11:00
    expect(after[0]).toBe('14:30');
  });

  it('a day without any room has none on either side', () => {
    const e = engine({ service: colouring, salon: breakAtOne, now: at(MONDAY, '17:00') });
    expect(around(e)).toEqual({ before: [], after: [] });
  });
});
