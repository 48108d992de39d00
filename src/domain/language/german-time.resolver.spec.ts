import { resolveGermanTime } from './german-time.resolver';
import { toClockString, OpeningWindow } from './local-time';

const SALON: OpeningWindow[] = [{ from: '09:00', to: '18:00' }];
const LATE: OpeningWindow[] = [{ from: '08:00', to: '22:00' }];
const SPLIT: OpeningWindow[] = [
  { from: '09:00', to: '12:00' },
  { from: '14:00', to: '18:00' },
];
const NIGHT_OWL: OpeningWindow[] = [{ from: '00:00', to: '24:00' }];

type Case = { text: string; windows?: OpeningWindow[]; expected: string };
const at = (text: string, expected: string, windows?: OpeningWindow[]): Case => ({
  text,
  expected,
  windows,
});

describe('resolveGermanTime', () => {
  it.each([
    // digits
    at('14 Uhr', '14:00'),
    at('14:30', '14:30'),
    at('14.30', '14:30'),
    at('14:30 Uhr', '14:30'),
    at('14.30 Uhr', '14:30'),
    at('14uhr', '14:00'),
    at('1430', '14:30'),
    at('1430 Uhr', '14:30'),
    at('930', '09:30'),
    at('10 Uhr 30', '10:30'),
    at('10 30', '10:30'),
    at('10:00:00', '10:00'),
    at('09:00', '09:00'),
    at('03:00', '03:00', SALON),
    at('0 Uhr', '00:00'),
    at('23:59', '23:59'),
    at('um 14 Uhr', '14:00'),
    at('punkt 15 Uhr', '15:00'),
    // words
    at('zehn Uhr', '10:00'),
    at('zehn', '10:00'),
    at('um zehn', '10:00'),
    at('zehn Uhr dreißig', '10:30'),
    at('zehn Uhr dreissig', '10:30'),
    at('zehn dreißig', '10:30'),
    at('zehn Uhr fünf', '10:05'),
    at('vierzehn Uhr', '14:00'),
    at('fünfzehn Uhr fünfundvierzig', '15:45'),
    at('Zwölf Uhr', '12:00'),
    // halb, viertel, nach, vor
    at('halb drei', '14:30', SALON),
    at('halb drei', '14:30'),
    at('halb 3', '14:30'),
    at('halb zehn', '09:30'),
    at('halb eins', '12:30'),
    at('halb 15', '14:30'),
    at('viertel nach zehn', '10:15'),
    at('viertel vor elf', '10:45'),
    at('Viertel vor Elf Uhr', '10:45'),
    at('dreiviertel elf', '10:45'),
    at('drei viertel elf', '10:45'),
    at('viertel elf', '10:15'),
    at('viertel vor eins', '12:45'),
    at('zehn nach drei', '15:10'),
    at('zehn Minuten nach drei', '15:10'),
    at('zwanzig vor vier', '15:40'),
    at('fünf vor halb vier', '15:25'),
    at('fünf nach halb vier', '15:35'),
    at('5 vor halb 10', '09:25'),
    at('fünf vor zwölf', '11:55'),
    at('zehn nach zwölf', '12:10'),
    // 12-hour readings settled by opening hours
    at('um drei', '15:00', SALON),
    at('drei', '15:00'),
    at('3 Uhr', '15:00', SALON),
    at('um neun', '09:00', SALON),
    at('um sieben', '19:00', LATE),
    at('um elf', '11:00', SPLIT),
    at('um drei', '15:00', SPLIT),
    at('um eins', '13:00', [{ from: '13:00', to: '18:00' }]),
    at('um sieben', '07:00', SALON),
    at('halb sieben', '18:30', SALON),
    at('um drei', '15:00', [{ from: '09:00', to: '13:00' }]),
    // day parts decide
    at('drei Uhr nachmittags', '15:00'),
    at('nachmittags um drei', '15:00'),
    at('um drei am Nachmittag', '15:00'),
    at('halb drei nachmittags', '14:30'),
    at('morgens um zehn', '10:00'),
    at('zehn Uhr vormittags', '10:00'),
    at('am Vormittag um elf', '11:00'),
    at('acht Uhr abends', '20:00', LATE),
    at('abends um acht', '20:00'),
    at('am Morgen um acht', '08:00', LATE),
    at('früh um acht', '08:00', LATE),
    at('mittags', '12:00'),
    at('mittags um eins', '13:00'),
    at('um zwölf Uhr mittags', '12:00'),
    at('drei Uhr morgens', '03:00'),
    at('drei Uhr nachts', '03:00'),
    at('elf Uhr nachts', '23:00'),
    at('zwölf Uhr vormittags', '12:00'),
    at('14 Uhr nachmittags', '14:00'),
    // ISO
    at('2026-12-05T10:00:00', '10:00'),
    at('2026-12-05T10:30', '10:30'),
  ])('$text → $expected', ({ text, windows, expected }) => {
    const result = resolveGermanTime(text, { openingWindows: windows });
    expect(result.ok && toClockString(result.value)).toBe(expected);
  });

  it('reads an ISO instant on the branch clock', () => {
    const result = resolveGermanTime('2026-12-05T09:00:00Z', { zone: 'Europe/Berlin' });
    expect(result.ok && toClockString(result.value)).toBe('10:00');
  });

  // The question back ("Meinen Sie 8 Uhr morgens oder 20 Uhr?") is the edge's sentence for them.
  it.each([
    at('um acht', '08:00 20:00', LATE),
    at('halb neun', '08:30 20:30', LATE),
    at('um drei', '03:00 15:00', NIGHT_OWL),
    at('10 Uhr', '10:00 22:00', NIGHT_OWL),
  ])('$text with both readings open asks between $expected', ({ text, windows, expected }) => {
    const result = resolveGermanTime(text, { openingWindows: windows });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('LANGUAGE.TIME_AMBIGUOUS');
      expect('readings' in result.error && result.error.readings.map(toClockString)).toEqual(
        expected.split(' '),
      );
    }
  });

  it.each([
    '',
    '   ',
    'blabla',
    'Uhr',
    '24 Uhr',
    '25:00',
    '14:60',
    '14:5',
    'halb',
    'halb null',
    'viertel nach',
    'kurz nach drei',
    'gegen drei',
    'abends',
    'morgen',
    '15 Uhr morgens',
    'drei Uhr abends nachmittags',
    'sieben Uhr nachts',
    'fünfzig nach drei',
    'null nach drei',
    'dreißig vor halb vier',
    'zehn Uhr 75',
    'halb 25',
    '🕒',
    '1430'.repeat(100),
    'zehn zehn zehn zehn zehn',
  ])('"%s" is not understood', (text) => {
    const result = resolveGermanTime(text, { openingWindows: SALON });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('LANGUAGE.TIME_NOT_UNDERSTOOD');
    }
  });

  it('refuses a malformed opening window as a configuration bug', () => {
    expect(() =>
      resolveGermanTime('drei', { openingWindows: [{ from: '9', to: '18:00' }] }),
    ).toThrow(RangeError);
  });
});
