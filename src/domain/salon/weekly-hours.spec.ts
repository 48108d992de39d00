import { WeeklyHours, WeeklyHoursInput } from './weekly-hours';

const show = (h: WeeklyHours, date: string, zone = 'Europe/Berlin') =>
  h.windowsOn(date, zone).map((r) => r.toString());

describe('WeeklyHours', () => {
  it('keeps split days apart and merges touching or overlapping windows', () => {
    const h = WeeklyHours.of({
      1: [
        { from: '13:00', to: '18:00' },
        { from: '09:00', to: '12:00' },
      ],
      2: [
        { from: '09:00', to: '12:00' },
        { from: '12:00', to: '14:00' },
        { from: '13:00', to: '15:00' },
      ],
    });
    expect(h.windowsFor(1)).toEqual([
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '18:00' },
    ]);
    expect(h.windowsFor(2)).toEqual([{ from: '09:00', to: '15:00' }]);
    expect([h.isWorkingDay(1), h.isWorkingDay(7)]).toEqual([true, false]);
    expect(h.toJSON()).toEqual({ 1: h.windowsFor(1), 2: h.windowsFor(2) });
  });

  it('converts wall time per date, so DST days still open at 09:00 local', () => {
    const h = WeeklyHours.sameOn([7], [{ from: '09:00', to: '18:00' }]);
    expect(show(h, '2026-03-22')).toEqual(['[2026-03-22T08:00:00.000Z, 2026-03-22T17:00:00.000Z)']);
    expect(show(h, '2026-03-29')).toEqual(['[2026-03-29T07:00:00.000Z, 2026-03-29T16:00:00.000Z)']);
    expect(show(h, '2026-10-25')).toEqual(['[2026-10-25T08:00:00.000Z, 2026-10-25T17:00:00.000Z)']);
    expect(h.windowsOn('2026-10-25', 'Europe/Berlin')).toBe(
      h.windowsOn('2026-10-25', 'Europe/Berlin'),
    ); // memoised
  });

  it('allows 24:00 as an end and drops a window lost to spring-forward', () => {
    const h = WeeklyHours.sameOn(
      [7],
      [
        { from: '02:00', to: '03:00' },
        { from: '20:00', to: '24:00' },
      ],
    );
    expect(show(h, '2026-03-29')).toEqual(['[2026-03-29T18:00:00.000Z, 2026-03-29T22:00:00.000Z)']);
    expect(show(h, '2026-03-22')).toHaveLength(2);
  });

  it('forgets old days when its memo is full', () => {
    const h = WeeklyHours.sameOn([1, 2, 3, 4, 5, 6, 7], [{ from: '09:00', to: '10:00' }]);
    for (let i = 0; i < 1100; i++) h.windowsOn(`2026-01-01`, `Etc/GMT-${i % 14}`);
    expect(show(h, '2026-06-15', 'UTC')).toEqual([
      '[2026-06-15T09:00:00.000Z, 2026-06-15T10:00:00.000Z)',
    ]);
  });

  it.each<[string, WeeklyHoursInput]>([
    ['weekday 0', { 0: [{ from: '09:00', to: '10:00' }] } as unknown as WeeklyHoursInput],
    ['end before start', { 1: [{ from: '18:00', to: '09:00' }] }],
    ['empty window', { 1: [{ from: '09:00', to: '09:00' }] }],
    ['bad format', { 1: [{ from: '9:00', to: '10:00' }] }],
    ['after midnight', { 1: [{ from: '09:00', to: '24:30' }] }],
  ])('refuses %s', (_case, input) => {
    expect(WeeklyHours.create(input)).toMatchObject({
      ok: false,
      error: { code: 'SALON.INVALID_HOURS' },
    });
    expect(() => WeeklyHours.of(input)).toThrow(RangeError);
  });
});
