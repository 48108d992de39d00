import { TimeRange } from '../shared/time-range';
import { calendarOffers, startsWithRoom } from './offered-starts';

const at = (hhmm: string) => new Date(`2026-11-27T${hhmm}:00+01:00`);
const step = (from: string, to: string) => TimeRange.of(at(from), at(to));

describe('calendarOffers', () => {
  // [why, offered starts, step, event-type minutes, vouched for]
  const cases: Array<[string, string[], [string, string], number, boolean]> = [
    ['its own start is offered', ['09:00', '10:00', '10:30'], ['10:00', '10:30'], 30, true],
    [
      'its start is not offered, nothing covers it',
      ['09:00', '10:30'],
      ['10:00', '10:30'],
      30,
      false,
    ],
    ['no slots at all', [], ['10:00', '10:30'], 30, false],
    [
      'off the grid, covered by two windows',
      ['10:00', '10:20', '10:40'],
      ['10:10', '10:30'],
      20,
      true,
    ],
    ['off the grid, a gap between the windows', ['10:00', '10:40'], ['10:10', '10:30'], 20, false],
    ['a window ends exactly where the step ends', ['09:40'], ['09:50', '10:00'], 20, true],
    ['a window ends before the step ends', ['09:30'], ['09:50', '10:10'], 20, false],
    ['an offered start after the step does not help', ['10:30'], ['10:00', '10:30'], 30, false],
  ];

  it.each(cases)('%s', (_, offered, [from, to], minutes, expected) => {
    expect(calendarOffers(offered.map(at), step(from, to), minutes)).toBe(expected);
  });

  it('takes the step length as the window when none is given', () => {
    expect(calendarOffers([at('10:00')], step('10:00', '10:45'))).toBe(true);
    expect(calendarOffers([at('10:05')], step('10:00', '10:45'))).toBe(false);
  });
});

describe('startsWithRoom', () => {
  const slot = (start: string, end?: string) => ({
    start: at(start),
    end: end ? at(end) : undefined,
  });
  const hhmm = (d: Date) => d.toISOString().slice(11, 16);

  // [why, slots, minutes asked for, starts kept (UTC)]
  const cases: Array<[string, Array<[string, string?]>, number, string[]]> = [
    [
      'slots as long as asked: every start',
      [
        ['10:00', '10:45'],
        ['10:45', '11:30'],
      ],
      45,
      ['09:00', '09:45'],
    ],
    [
      'slots shorter than asked (the default length answered): only starts followed by more room',
      [
        ['10:00', '10:30'],
        ['10:30', '11:00'],
        ['11:30', '12:00'],
      ],
      45,
      ['09:00'],
    ],
    ['a lone short slot has no room for more', [['10:00', '10:30']], 45, []],
    [
      'slots without an end stand for the length asked',
      [['10:00'], ['11:00']],
      45,
      ['09:00', '10:00'],
    ],
  ];

  it.each(cases)('%s', (_, slots, minutes, expected) => {
    expect(
      startsWithRoom(
        slots.map(([s, e]) => slot(s, e)),
        minutes,
      ).map(hhmm),
    ).toEqual(expected);
  });
});
