import { formatInTimeZone } from 'date-fns-tz';
import { wallTimeToInstant } from '../shared/local-date';
import { Service } from '../salon/service';
import { WeeklyHours } from '../salon/weekly-hours';
import { ALL_WEEK, branch, engine, hhmm, ZONE } from './salon.fixture';

// DST switches happen on Sundays, so this salon opens every day, 09:00-18:00 wall time.
const everyDay = branch({
  openingHours: WeeklyHours.sameOn([...ALL_WEEK], [{ from: '09:00', to: '18:00' }]),
});
const hourCut = Service.simple({ id: 'cut', name: 'Schnitt', bookingHorizonDays: 730 }, 60);
const now = new Date('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;

describe.each`
  date            | change            | hours
  ${'2026-03-29'} | ${'spring ahead'} | ${23}
  ${'2026-10-25'} | ${'fall back'}    | ${25}
  ${'2027-03-28'} | ${'spring ahead'} | ${23}
  ${'2027-10-31'} | ${'fall back'}    | ${25}
`('Europe/Berlin $date ($change, $hours hours)', ({ date, hours }) => {
  const e = engine({ service: hourCut, salon: everyDay, now });
  const midnight = wallTimeToInstant(date, 0, ZONE).getTime();
  const instants = Array.from({ length: hours }, (_, i) => new Date(midnight + i * HOUR));

  it('has the expected number of real hours', () => {
    expect(wallTimeToInstant(date, 1440, ZONE).getTime() - midnight).toBe(hours * HOUR);
  });

  it.each(instants.map((instant) => [formatInTimeZone(instant, ZONE, 'HH:mm xxx'), instant]))(
    'a one-hour cut at %s local is free exactly within 09:00-17:00 wall time',
    (_label, instant) => {
      const wallHour = Number(formatInTimeZone(instant as Date, ZONE, 'H'));
      const r = e.checkStart(instant as Date, 'anna');
      const expected = wallHour >= 9 && wallHour <= 17 ? 'FREE' : 'OUTSIDE_OPENING_HOURS';
      expect(r.ok ? 'FREE' : r.error.reason).toBe(expected);
    },
  );

  it('lists starts from 09:00 to 17:00 wall time, 33 of them', () => {
    const starts = e.freeStartsOfDay(date).map((s) => hhmm(s.start));
    expect(starts).toHaveLength(33);
    expect([starts[0], starts[1], starts[32]]).toEqual(['09:00', '09:15', '17:00']);
  });
});
