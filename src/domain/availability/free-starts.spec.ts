import { Staff } from '../salon/staff';
import { WeeklyHours } from '../salon/weekly-hours';
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

const grid = (from: string, to: string, stepMinutes = 15): string[] => {
  const out: string[] = [];
  for (
    let t = at(MONDAY, from).getTime();
    t <= at(MONDAY, to).getTime();
    t += stepMinutes * 60_000
  ) {
    out.push(hhmm(new Date(t)));
  }
  return out;
};

describe('AvailabilityEngine.freeStartsOfDay', () => {
  const anna = stylist();
  const ben = Staff.restore({ id: 'ben', name: 'Ben', serviceIds: ['cut'] });

  it('lists every grid start of an empty day up to the last that still ends by closing', () => {
    const starts = engine({ service: cut })
      .freeStartsOfDay(MONDAY)
      .map((s) => hhmm(s.start));
    expect(starts).toEqual(grid('09:00', '17:30'));
  });

  it('leaves out what a perm blocks and keeps its processing gap', () => {
    const permAtNine = booked(perm, at(MONDAY, '09:00'));
    const starts = engine({ service: cut, stylists: [calendarOf(anna, [permAtNine])] })
      .freeStartsOfDay(MONDAY)
      .map((s) => hhmm(s.start));
    // Busy 09:00-09:30, 10:10-10:30, 10:40-11:05: only 09:30 fits before the rinse.
    expect(starts.slice(0, 3)).toEqual(['09:30', '11:15', '11:30']);
  });

  it('respects the lunch closure and a coarser grid', () => {
    const salon = branch({ openingHours: withLunch, slotGranularityMinutes: 30 });
    const starts = engine({ service: cut, salon })
      .freeStartsOfDay(MONDAY)
      .map((s) => hhmm(s.start));
    expect(starts).toEqual([...grid('09:00', '11:30', 30), ...grid('13:00', '17:30', 30)]);
  });

  it('orders by start, then by the given stylist order, and filters by stylist', () => {
    const e = engine({
      service: cut,
      stylists: [calendarOf(anna, [booked(cut, at(MONDAY, '09:00'))]), calendarOf(ben)],
    });
    const first = e
      .freeStartsOfDay(MONDAY)
      .slice(0, 3)
      .map((s) => `${hhmm(s.start)} ${s.staffId}`);
    expect(first).toEqual(['09:00 ben', '09:15 ben', '09:30 anna']);
    expect(e.freeStartsOfDay(MONDAY, ['ben'])).toHaveLength(grid('09:00', '17:30').length);
  });

  it('skips stylists who do not offer the service', () => {
    const e = engine({ service: perm, stylists: [calendarOf(ben)] });
    expect(e.freeStartsOfDay(MONDAY)).toEqual([]);
  });

  it.each`
    case                    | date       | now                          | expected
    ${'a closed weekday'}   | ${SUNDAY}  | ${at('2026-06-01', '08:00')} | ${0}
    ${'beyond the horizon'} | ${MONDAY}  | ${at('2026-01-01', '08:00')} | ${0}
    ${'today after 15:00'}  | ${MONDAY}  | ${at(MONDAY, '15:00')}       | ${11}
    ${'the next day'}       | ${TUESDAY} | ${at(MONDAY, '15:00')}       | ${35}
  `('$case', ({ date, now, expected }) => {
    expect(engine({ service: cut, now }).freeStartsOfDay(date)).toHaveLength(expected);
  });

  it('uses the stylist’s own working hours', () => {
    const late = stylist({
      workingHours: WeeklyHours.of({ 1: [{ from: '14:00', to: '20:00' }] }),
    });
    const starts = engine({ service: cut, stylists: [calendarOf(late)] })
      .freeStartsOfDay(MONDAY)
      .map((s) => hhmm(s.start));
    expect(starts).toEqual(grid('14:00', '17:30'));
  });
});
