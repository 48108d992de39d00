import * as language from './index';

describe('language public API', () => {
  it('answers a whole phrase through the barrel', () => {
    const result = language.resolveGermanDateTime('morgen um halb drei', '', {
      now: new Date('2026-11-26T14:00:00Z'),
      zone: 'Europe/Berlin',
    });
    expect(result.ok && language.formatGermanDate(result.value.instant, 'Europe/Berlin')).toBe(
      'Freitag, 27. November',
    );
    expect(result.ok && language.formatGermanTime(result.value.instant, 'Europe/Berlin')).toBe(
      '14:30 Uhr',
    );
  });

  it('exports the typed refusals', () => {
    expect(new language.DateNotUnderstood().code).toBe('LANGUAGE.DATE_NOT_UNDERSTOOD');
    expect(new language.DateAmbiguous([{ year: 2026, month: 12, day: 14 }]).days).toEqual([
      { year: 2026, month: 12, day: 14 },
    ]);
    expect(new language.TimeNotUnderstood().code).toBe('LANGUAGE.TIME_NOT_UNDERSTOOD');
    expect(new language.TimeSkippedByClockChange().code).toBe(
      'LANGUAGE.TIME_SKIPPED_BY_CLOCK_CHANGE',
    );
    expect(typeof language.resolveGermanDate).toBe('function');
    expect(typeof language.resolveGermanTime).toBe('function');
    expect(typeof language.instantFromWallClock).toBe('function');
    expect(typeof language.todayIn).toBe('function');
    expect(typeof language.wallClockAt).toBe('function');
    expect(language.toIsoDate({ year: 2026, month: 1, day: 5 })).toBe('2026-01-05');
    expect(language.toClockString({ hour: 9, minute: 5 })).toBe('09:05');
    expect(language.formatGermanLocalTime({ hour: 9, minute: 5 })).toBe('9:05 Uhr');
  });
});
