import fc from 'fast-check';
import { Service } from '../salon/service';
import { Staff } from '../salon/staff';
import { WeeklyHours } from '../salon/weekly-hours';
import { TimeRange } from '../shared/time-range';
import { clearlyDifferent } from './offer-choice';
import { BusyInterval, busyOfAppointments, busyOfCalendar } from './busy-interval';
import {
  at,
  booked,
  branch,
  colour,
  cut,
  cutWithBuffer,
  engine,
  longCut,
  MONDAY,
  nineToSix,
  perm,
  stylist,
  TUESDAY,
  withLunch,
  ZONE,
} from './salon.fixture';

const SERVICES = [perm, cut, longCut, colour, cutWithBuffer];
const FIVE = 5 * 60_000;
const dayStart = at(MONDAY, '07:00').getTime();
const inDay = (fives: number): Date => new Date(dayStart + fives * FIVE);
const breakAtNoon = WeeklyHours.sameOn(
  [1, 2, 3, 4, 5, 6],
  [
    { from: '09:00', to: '12:00' },
    { from: '12:40', to: '18:00' },
  ],
);

const scenario = fc.record({
  lunch: fc.boolean(),
  ownHours: fc.boolean(),
  service: fc.constantFrom(...SERVICES),
  booked: fc.array(fc.record({ service: fc.constantFrom(...SERVICES), at: fc.nat(140) }), {
    maxLength: 8,
  }),
  calendar: fc.array(fc.record({ at: fc.nat(150), fives: fc.integer({ min: 1, max: 24 }) }), {
    maxLength: 3,
  }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

const build = (s: Scenario) => {
  const salon = branch({ openingHours: s.lunch ? withLunch : nineToSix });
  const staff: Staff = stylist({ workingHours: s.ownHours ? breakAtNoon : undefined });
  const busy: BusyInterval[] = [
    ...busyOfAppointments(s.booked.map((b) => booked(b.service, inDay(b.at)))),
    ...busyOfCalendar(s.calendar.map((c) => TimeRange.fromMinutes(inDay(c.at), c.fives * 5))),
  ];
  const e = engine({ service: s.service, salon, stylists: [{ staff, busy }] });
  return { salon, staff, busy, e };
};

/** Rule 1 stated directly, without the engine. */
const oracleFree = (s: Scenario, start: Date): boolean => {
  const { salon, staff, busy } = build(s);
  const service: Service = s.service;
  const steps = service.layoutAt(start);
  const span = TimeRange.of(start, steps[steps.length - 1].range.end);
  const opening = salon.openingHours.windowsOn(MONDAY, ZONE);
  const working = (staff.workingHours ?? salon.openingHours).windowsOn(MONDAY, ZONE);
  return (
    opening.some((w) => w.contains(span)) &&
    steps
      .filter((p) => p.staffBusy)
      .every(
        (p) =>
          working.some((w) => w.contains(p.range)) && !busy.some((b) => b.range.overlaps(p.range)),
      )
  );
};

describe('availability properties', () => {
  it('a start is reported free exactly when rule 1 says so', () => {
    fc.assert(
      fc.property(scenario, fc.nat(150), (s, fives) => {
        const start = inDay(fives);
        const r = build(s).e.checkStart(start, 'anna');
        expect(r.ok).toBe(oracleFree(s, start));
      }),
      { numRuns: 300 },
    );
  });

  it('every listed free start is free and nothing free on the grid is missing', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { e } = build(s);
        const listed = new Set(e.freeStartsOfDay(MONDAY).map((f) => f.start.getTime()));
        for (
          let t = at(MONDAY, '09:00').getTime();
          t < at(MONDAY, '18:00').getTime();
          t += 3 * FIVE
        ) {
          expect(listed.has(t)).toBe(oracleFree(s, new Date(t)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every alternative is free, and none closer is left out that would be a clearly different choice', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 24, max: 131 }),
        fc.integer({ min: 1, max: 5 }),
        (s, fives, count) => {
          const { e } = build(s);
          const wish = inDay(fives).getTime(); // 09:00..17:55, a working day
          const alternatives = e.alternatives(new Date(wish), { count });
          for (const a of alternatives) expect(e.checkStart(a.start, 'anna').ok).toBe(true);
          expect(alternatives).toHaveLength(count); // the week ahead always has room
          // Every free start of the two days around (further ones are farther than any offer).
          const free = [MONDAY, TUESDAY].flatMap((d) => e.freeStartsOfDay(d));
          const distance = (t: number): number => Math.abs(t - wish);
          alternatives.forEach((offer, i) => {
            const before = alternatives.slice(0, i);
            const apart = (t: number): boolean =>
              before.every((b) =>
                clearlyDifferent({ ...offer, start: new Date(t) }, b, false, (d) =>
                  e.branch.localDateOf(d),
                ),
              );
            const others = free
              .map((f) => f.start.getTime())
              .filter((t) => t !== offer.start.getTime());
            const offerApart = apart(offer.start.getTime());
            for (const t of others) {
              if (before.some((b) => b.start.getTime() === t)) continue;
              // An offer not apart from the earlier ones is allowed only when nothing free is.
              if (!offerApart) expect(apart(t)).toBe(false);
              // No start apart from the earlier offers is closer (ties: the earlier start).
              else if (apart(t)) {
                const closer =
                  distance(t) < distance(offer.start.getTime()) ||
                  (distance(t) === distance(offer.start.getTime()) && t < offer.start.getTime());
                expect(closer).toBe(false);
              }
            }
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('after booking a free start it is no longer free for that stylist', () => {
    fc.assert(
      fc.property(scenario, fc.nat(1000), (s, pick) => {
        const { staff, busy, e } = build(s);
        const free = e.freeStartsOfDay(MONDAY);
        fc.pre(free.length > 0);
        const chosen = free[pick % free.length];
        const appointment = booked(s.service, chosen.start);
        const after = engine({
          service: s.service,
          salon: e.branch,
          stylists: [{ staff, busy: [...busy, ...busyOfAppointments([appointment])] }],
        });
        expect(after.checkStart(chosen.start, 'anna')).toMatchObject({
          ok: false,
          error: { reason: 'CONFLICT', conflictKind: 'appointment' },
        });
      }),
      { numRuns: 200 },
    );
  });
});
