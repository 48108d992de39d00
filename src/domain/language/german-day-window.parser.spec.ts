import fc from 'fast-check';
import { DayWindowKind, parseGermanDayWindow, splitDayWindow } from './german-day-window.parser';

const hm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

describe('parseGermanDayWindow', () => {
  it.each<[string, DayWindowKind, string, string]>([
    ['vormittags', 'forenoon', '00:00', '12:00'],
    ['am Vormittag', 'forenoon', '00:00', '12:00'],
    ['eher vormittags', 'forenoon', '00:00', '12:00'],
    ['nachmittags', 'afternoon', '12:00', '18:00'],
    ['irgendwann am Nachmittag', 'afternoon', '12:00', '18:00'],
    ['abends', 'evening', '17:00', '24:00'],
    ['am Abend', 'evening', '17:00', '24:00'],
    ['früh', 'early', '00:00', '10:00'],
    ['morgens', 'early', '00:00', '10:00'],
    ['früh morgens', 'early', '00:00', '10:00'],
    ['mittags', 'noon', '11:30', '14:00'],
    ['über Mittag', 'noon', '11:30', '14:00'],
    ['nach 16 Uhr', 'from', '16:00', '24:00'],
    ['nach vier', 'from', '16:00', '24:00'],
    ['ab halb drei', 'from', '14:30', '24:00'],
    ['ab 10', 'from', '10:00', '24:00'],
    ['vor 12', 'until', '00:00', '12:00'],
    ['bis 14 Uhr', 'until', '00:00', '14:00'],
    ['zwischen 10 und 12', 'between', '10:00', '12:00'],
    ['zwischen zehn und zwölf Uhr', 'between', '10:00', '12:00'],
    ['zwischen 5 und 7', 'between', '17:00', '19:00'],
    ['zwischen 11 und 1', 'between', '11:00', '13:00'],
    ['zwischen 9:30 und 11', 'between', '09:30', '11:00'],
    ['von 9 bis 11', 'between', '09:00', '11:00'],
    ['zwischen 14 und 16 Uhr', 'between', '14:00', '16:00'],
    ['geht es nach 17 Uhr?', 'from', '17:00', '24:00'],
    ['wie wäre es vormittags?', 'forenoon', '00:00', '12:00'],
    ['ginge auch zwischen zehn und zwölf', 'between', '10:00', '12:00'],
  ])('%s → %s %s-%s', (text, kind, from, to) => {
    const window = parseGermanDayWindow(text);
    expect(window && [window.kind, hm(window.fromMinute), hm(window.toMinute)]).toEqual([
      kind,
      from,
      to,
    ]);
  });

  it.each([
    '',
    'um drei',
    '15 Uhr',
    'halb drei',
    'Freitag',
    'zwischen 12 und 10 Uhr',
    'zwischen 16 und 14',
    'zwischen 10',
    'zwischen und 12',
    'nach',
    'vor 0 Uhr',
    'nach 24 Uhr',
    'vormittags nachmittags',
    'nach nach 16',
    'x'.repeat(500),
    'zwischen 10 und 12 und 14',
  ])('"%s" names no window', (text) => {
    expect(parseGermanDayWindow(text)).toBeUndefined();
  });

  it('splits a day phrase from its window, the window at either end', () => {
    expect(splitDayWindow('Freitag nachmittags')).toEqual([
      { dayText: 'freitag', window: expect.objectContaining({ kind: 'afternoon' }) },
    ]);
    expect(splitDayWindow('nächsten Freitag ab 16 Uhr')[0]).toEqual({
      dayText: 'naechsten freitag',
      window: expect.objectContaining({ kind: 'from', fromMinute: 960 }),
    });
    expect(splitDayWindow('morgen früh')[0].dayText).toBe('morgen');
    expect(splitDayWindow('Freitag morgen')[0]).toEqual({
      dayText: 'freitag',
      window: expect.objectContaining({ kind: 'early' }),
    });
    expect(splitDayWindow('Freitag um drei')).toEqual([]);
  });

  it('splits a weekday said in one word with its part: "am Samstagvormittag"', () => {
    expect(splitDayWindow('am Samstagvormittag')[0]).toEqual({
      dayText: 'am samstag',
      window: expect.objectContaining({ kind: 'forenoon' }),
    });
    expect(splitDayWindow('Freitagnachmittag')[0]).toEqual({
      dayText: 'freitag',
      window: expect.objectContaining({ kind: 'afternoon' }),
    });
    expect(splitDayWindow('Dienstagmorgen')[0]).toEqual({
      dayText: 'dienstag',
      window: expect.objectContaining({ kind: 'early' }),
    });
    expect(splitDayWindow('Donnerstagabend')[0]?.window.kind).toBe('evening');
    expect(splitDayWindow('nachmittag')).toEqual([]);
  });
});

describe('day-window properties', () => {
  const hour = fc.integer({ min: 0, max: 23 });
  const minute = fc.constantFrom(0, 15, 30, 45);
  const clock = fc.tuple(hour, minute).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`);
  const phrase = fc.oneof(
    fc.constantFrom('vormittags', 'nachmittags', 'abends', 'früh', 'mittags', 'morgens'),
    clock.map((c) => `nach ${c}`),
    clock.map((c) => `ab ${c} Uhr`),
    clock.map((c) => `vor ${c}`),
    clock.map((c) => `bis ${c}`),
    fc.tuple(clock, clock).map(([a, b]) => `zwischen ${a} und ${b}`),
    fc
      .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }))
      .map(([a, b]) => `zwischen ${a} und ${b}`),
  );

  it('every window lies inside the day and is not empty', () => {
    fc.assert(
      fc.property(phrase, (text) => {
        const w = parseGermanDayWindow(text);
        return (
          w === undefined || (0 <= w.fromMinute && w.fromMinute < w.toMinute && w.toMinute <= 1440)
        );
      }),
    );
  });

  it('"zwischen X und Y" with 24-hour bounds is read exactly when X < Y', () => {
    fc.assert(
      fc.property(clock, clock, (a, b) => {
        const w = parseGermanDayWindow(`zwischen ${a} und ${b}`);
        const [x, y] = [a, b].map((c) => {
          const [h, m] = c.split(':').map(Number);
          return h * 60 + m;
        });
        // 24-hour bounds (13-23 or a leading 0) are final; 1-12 bounds may read as afternoon.
        if (x >= 13 * 60 && y >= 13 * 60) {
          return x < y ? w?.fromMinute === x && w.toMinute === y : w === undefined;
        }
        return w === undefined || w.fromMinute < w.toMinute;
      }),
    );
  });

  it('"nach X" starts where "vor X" ends', () => {
    fc.assert(
      fc.property(clock, (c) => {
        const after = parseGermanDayWindow(`nach ${c}`);
        const before = parseGermanDayWindow(`vor ${c}`);
        if (!after || !before) return true;
        return after.fromMinute === before.toMinute && after.toMinute === 1440;
      }),
    );
  });
});
