import fc from 'fast-check';
import { addLocalDays, localDateOf, wallTimeToInstant } from '../shared/local-date';
import { Service } from '../salon/service';
import { AvailabilityEngine, StylistCalendar } from './availability-engine';
import { TimeRange } from '../shared/time-range';
import { busyOfAppointments, busyOfCalendar } from './busy-interval';
import { at, booked, branch, cut, perm, stylist, withLunch, ZONE } from './salon.fixture';

/**
 * An engine that read only the days around a wish (as the live-call path does) must never call
 * free what the whole calendar calls taken, and whenever it settles the alternatives itself
 * they must be exactly the whole calendar's.
 */
// Summer, and the weeks around both clock changes (29 March, 25 October 2026).
const TODAYS = ['2026-06-01', '2026-03-20', '2026-10-16'];
const DAY = 86_400_000;
const WINDOW = 7;
const salon = branch({ openingHours: withLunch });
const staff = [stylist({ id: 'anna' }), stylist({ id: 'ben', name: 'Ben' })];

const quarterOf =
  (today: string) =>
  (day: number, q: number): Date =>
    wallTimeToInstant(addLocalDays(today, day), 9 * 60 + q * 15, ZONE);

const scenario = fc.record({
  today: fc.constantFrom(...TODAYS),
  service: fc.constantFrom<Service>(cut, perm),
  bookings: fc.array(
    fc.record({
      staff: fc.constantFrom('anna', 'ben'),
      service: fc.constantFrom<Service>(cut, perm),
      day: fc.integer({ min: 0, max: 40 }),
      q: fc.integer({ min: 0, max: 35 }),
    }),
    { maxLength: 120 },
  ),
  // Whole days a stylist is away in the outside calendar: weeks without a free start happen.
  away: fc.array(
    fc.record({
      staff: fc.constantFrom('anna', 'ben'),
      day: fc.integer({ min: 0, max: 45 }),
      days: fc.integer({ min: 1, max: 20 }),
    }),
    { maxLength: 3 },
  ),
  wishDay: fc.integer({ min: 0, max: 45 }),
  wishQ: fc.integer({ min: -4, max: 40 }),
  preferred: fc.constantFrom<string | undefined>(undefined, 'anna', 'ben'),
  onlyPreferred: fc.boolean(),
  count: fc.constantFrom(2, 2, 10),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function engines(s: Scenario) {
  const TODAY = s.today;
  const NOW = at(TODAY, '08:00');
  const quarter = quarterOf(TODAY);
  const appointments = s.bookings.map((b) => booked(b.service, quarter(b.day, b.q), b.staff));
  const calendars: StylistCalendar[] = staff.map((st) => ({
    staff: st,
    busy: [
      ...busyOfAppointments(appointments.filter((a) => a.staffId === st.id)),
      ...busyOfCalendar(
        s.away
          .filter((d) => d.staff === st.id)
          .map((d) => TimeRange.of(quarter(d.day, -4), quarter(d.day + d.days, -4))),
      ),
    ],
  }));
  const wish = quarter(s.wishDay, s.wishQ);
  const whole = AvailabilityEngine.for({
    branch: salon,
    service: s.service,
    stylists: calendars,
    now: NOW,
  });
  // What the reader does: a week either side of the wish, busy times of those days only.
  const wishDate = localDateOf(wish, ZONE);
  const fromDate = addLocalDays(wishDate, -WINDOW);
  const days = Math.min(
    s.service.bookingHorizonDays,
    Math.round((Date.parse(wishDate) - Date.parse(TODAY)) / DAY) + WINDOW,
  );
  const readFrom = Math.max(wallTimeToInstant(fromDate, 0, ZONE).getTime(), NOW.getTime()) - DAY;
  const readTo = NOW.getTime() + (days + 2) * DAY;
  const windowed = AvailabilityEngine.for({
    branch: salon,
    service: s.service,
    now: NOW,
    horizonDays: days,
    fromDate,
    stylists: calendars.map((c) => ({
      staff: c.staff,
      busy: c.busy.filter((b) => b.range.endMs > readFrom && b.range.startMs < readTo),
    })),
  });
  return { whole, windowed, wish };
}

describe('availability read around the wish', () => {
  it('calls a start free only when the whole calendar does', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { whole, windowed, wish } = engines(s);
        for (const id of ['anna', 'ben']) {
          const near = windowed.checkStart(wish, id);
          if (near.ok) expect(whole.checkStart(wish, id).ok).toBe(true);
        }
        for (const date of [
          addLocalDays(s.today, s.wishDay - 9),
          addLocalDays(s.today, s.wishDay),
        ]) {
          for (const free of windowed.freeStartsOfDay(date)) {
            expect(whole.checkStart(free.start, free.staffId).ok).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('settles alternatives itself only when they are the whole calendar’s', () => {
    let settled = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const { whole, windowed, wish } = engines(s);
        const options = {
          count: s.count,
          preferredStaffId: s.preferred,
          onlyPreferred: s.onlyPreferred,
        };
        const near = windowed.alternativesIfCertain(wish, options);
        const nearCandidates = windowed.candidatesIfCertain(wish, options);
        if (nearCandidates !== null) {
          expect(nearCandidates.ranked).toEqual(whole.candidates(wish, options).ranked);
        }
        if (near === null) return;
        settled++;
        expect(near).toEqual(whole.alternatives(wish, options));
      }),
      { numRuns: 500 },
    );
    // The window must do its job: most wishes are answered without the whole read.
    expect(settled).toBeGreaterThan(200);
  });
});
