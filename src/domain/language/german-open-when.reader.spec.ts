import { readOpenWhen } from './german-open-when.reader';

// Monday, 7 December 2026, 9:00 in Berlin.
const ctx = { now: new Date('2026-12-07T08:00:00Z'), zone: 'Europe/Berlin' };
const WEEK = ['07', '08', '09', '10', '11', '12', '13'].map((d) => `2026-12-${d}`);
const NEXT_WEEK = ['14', '15', '16', '17', '18', '19', '20'].map((d) => `2026-12-${d}`);

describe('readOpenWhen', () => {
  it.each<[string, string, object]>([
    ['Freitag', '', { kind: 'day', date: '2026-12-11' }],
    ['am Freitag', '', { kind: 'day', date: '2026-12-11' }],
    ['Freitag', 'nachmittags', { kind: 'day', date: '2026-12-11', window: { kind: 'afternoon' } }],
    ['Freitag nachmittags', '', { kind: 'day', date: '2026-12-11', window: { kind: 'afternoon' } }],
    ['Freitag morgen', '', { kind: 'day', date: '2026-12-11', window: { kind: 'early' } }],
    ['morgen früh', '', { kind: 'day', date: '2026-12-08', window: { kind: 'early' } }],
    ['heute abend', '', { kind: 'day', date: '2026-12-07', window: { kind: 'evening' } }],
    ['Freitag mittags', '', { kind: 'day', date: '2026-12-11', window: { kind: 'noon' } }],
    [
      'Freitag zwischen 10 und 12',
      '',
      { kind: 'day', date: '2026-12-11', window: { fromMinute: 600, toMinute: 720 } },
    ],
    ['Freitag', 'nach 16 Uhr', { kind: 'day', window: { kind: 'from', fromMinute: 960 } }],
    ['diese Woche', '', { kind: 'days', dates: WEEK }],
    [
      'nächste Woche',
      'vormittags',
      { kind: 'days', dates: NEXT_WEEK, window: { kind: 'forenoon' } },
    ],
    ['', '', { kind: 'any' }],
    ['2026-12-11', '', { kind: 'day', date: '2026-12-11' }],
    ['', 'abends', { kind: 'any', window: { kind: 'evening' } }],
    ['nachmittags', '', { kind: 'any', window: { kind: 'afternoon' } }],
    ['am Samstagvormittag', '', { kind: 'day', date: '2026-12-12', window: { kind: 'forenoon' } }],
    ['Freitagnachmittag', '', { kind: 'day', date: '2026-12-11', window: { kind: 'afternoon' } }],
    [
      'Freitag',
      'geht es nach 17 Uhr?',
      { kind: 'day', window: { kind: 'from', fromMinute: 1020 } },
    ],
  ])('%j %j', (date, time, expected) => {
    expect(readOpenWhen(date, time, ctx)).toMatchObject(expected);
  });

  // "Abend" in the holiday's name is no evening: the caller asks about the whole day.
  it.each(['am Heiligen Abend', 'Heiliger Abend', 'am heiligen Abend'])('%j', (date) => {
    const read = readOpenWhen(date, '', ctx);
    expect(read).toEqual({ kind: 'day', date: '2026-12-24', window: undefined });
  });

  it('keeps a part of the day said beside the holiday', () => {
    expect(readOpenWhen('am Heiligen Abend vormittags', '', ctx)).toMatchObject({
      kind: 'day',
      date: '2026-12-24',
      window: { kind: 'forenoon' },
    });
  });

  it.each<[string, string]>([
    ['Freitag', '15 Uhr'],
    ['Freitag um 15 Uhr', ''],
    ['2026-12-11T10:00:00.000Z', ''],
    ['2026-12-11T10:00:00+01:00', 'nachmittags'],
    ['morgen um halb drei', ''],
    ['', 'halb drei'],
    ['Blumenkohl', ''],
    ['Freitag', 'Blumenkohl'],
    ['x'.repeat(300), ''],
  ])('%j %j is no open question', (date, time) => {
    expect(readOpenWhen(date, time, ctx)).toBeUndefined();
  });
});
