import fc from 'fast-check';
import { Service } from '../salon/service';
import { busy, free } from '../salon/service-segment';
import { doesAll, Staff } from '../salon/staff';
import { planVisit } from '../salon/visit';
import { busyStepsByStylist } from '../salon/visit-assignment';
import { WeeklyHours } from '../salon/weekly-hours';
import { TimeRange } from '../shared/time-range';
import { BusyInterval, busyOfCalendar } from './busy-interval';
import { at, branch, engine, MONDAY, stylist } from './salon.fixture';

const SERVICES = [
  Service.simple({ id: 'cut', name: 'Schneiden' }, 30),
  Service.segmented({ id: 'colour', name: 'Färben', bufferAfterMinutes: 10 }, [
    busy(30),
    free(30),
    busy(10),
  ]),
  Service.simple({ id: 'wash', name: 'Waschen', duringProcessing: true }, 20),
  Service.segmented({ id: 'perm', name: 'Dauerwelle' }, [busy(20), free(40), busy(15)]),
];
const IDS = SERVICES.map((s) => s.id);
const FIVE = 5 * 60_000;
const dayStart = at(MONDAY, '09:00').getTime();
const inDay = (fives: number): Date => new Date(dayStart + fives * FIVE);
const short = WeeklyHours.sameOn([1], [{ from: '09:00', to: '11:30' }]);

const scenario = fc.record({
  services: fc.shuffledSubarray(SERVICES, { minLength: 2, maxLength: 4 }),
  stylists: fc.array(
    fc.record({
      offers: fc.subarray(IDS, { minLength: 1 }),
      shortDay: fc.boolean(),
      busy: fc.array(fc.record({ at: fc.nat(60), fives: fc.integer({ min: 1, max: 12 }) }), {
        maxLength: 3,
      }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  start: fc.nat(36),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

const build = (s: Scenario) => {
  const planned = planVisit(s.services);
  if (!planned.ok) throw new Error(planned.error.detail);
  const service = planned.value;
  const calendars = s.stylists.map((st, i) => ({
    staff: stylist({
      id: `s${i}`,
      name: `S${i}`,
      serviceIds: st.offers,
      workingHours: st.shortDay ? short : undefined,
    }),
    busy: busyOfCalendar(st.busy.map((b) => TimeRange.fromMinutes(inDay(b.at), b.fives * 5))),
  }));
  const e = engine({ service, salon: branch(), stylists: calendars });
  return { service, calendars, e, start: inDay(s.start) };
};

/** Judged apart from the engine: offered, inside working hours, overlapping nothing. */
const canDo = (
  staff: Staff,
  busyTimes: readonly BusyInterval[],
  serviceId: string,
  range: TimeRange,
): boolean =>
  staff.offers(serviceId) &&
  staff
    .workingWindowsOn(MONDAY, branch())
    .some((w) => w.startMs <= range.startMs && range.endMs <= w.endMs) &&
  !busyTimes.some((b) => b.range.overlaps(range));

/** Every way to share the visit out, by brute force, with its handovers and stylists. */
const everySharing = (x: ReturnType<typeof build>) => {
  const steps = x.service.layoutAt(x.start).filter((p) => p.staffBusy);
  const fits = x.service.parts.map((part) =>
    x.calendars.filter((c) =>
      steps
        .filter((p) => p.serviceId === part.id)
        .every((p) => canDo(c.staff, c.busy, part.id, p.range)),
    ),
  );
  let all: string[][] = [[]];
  for (const options of fits) all = all.flatMap((a) => options.map((c) => [...a, c.staff.id]));
  return all.map((ids) => ({
    ids,
    changes: ids.filter((id, i) => i > 0 && id !== ids[i - 1]).length,
    distinct: new Set(ids).size,
  }));
};

describe('a visit shared by several stylists (properties)', () => {
  it('each service is free for its own stylist, in the order of the visit', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const x = build(s);
        const found = x.e.checkVisitStart(x.start, { split: true });
        if (!found.ok || !found.value.assignment) return;
        const assignment = found.value.assignment;
        expect(assignment.map((a) => a.serviceId)).toEqual(x.service.serviceIds);
        expect(found.value.staffId).toBe(assignment[0].staffId);
        const layout = x.service.layoutAt(x.start).filter((p) => p.staffBusy);
        const steps = busyStepsByStylist(x.service, x.start, found.value.staffId, assignment);
        steps.forEach((step, i) => {
          const c = x.calendars.find((k) => k.staff.id === step.staffId)!;
          expect(canDo(c.staff, c.busy, layout[i].serviceId, step.range)).toBe(true);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('one stylist whenever one can do it all; shared only when none can', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const x = build(s);
        const found = x.e.checkVisitStart(x.start, { split: true });
        const whole = x.calendars.some(
          (c) => doesAll(c.staff, x.service) && x.e.checkStart(x.start, c.staff.id).ok,
        );
        if (whole) expect(found.ok && found.value.assignment).toBe(undefined);
        if (found.ok && found.value.assignment) expect(whole).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('finds a sharing whenever one exists, with the fewest handovers, then stylists', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const x = build(s);
        const found = x.e.checkVisitStart(x.start, { split: true });
        if (found.ok && !found.value.assignment) return;
        const salonOpen = x.e.checkVisitStart(x.start, { split: false });
        const salonReason =
          !salonOpen.ok &&
          !['SERVICE_NOT_OFFERED', 'OUTSIDE_WORKING_HOURS', 'CONFLICT'].includes(
            salonOpen.error.reason,
          );
        const ways = salonReason ? [] : everySharing(x).filter((w) => w.distinct > 1);
        if (!found.ok) {
          expect(ways).toEqual([]);
          return;
        }
        const ids = found.value.assignment!.map((a) => a.staffId);
        const changes = ids.filter((id, i) => i > 0 && id !== ids[i - 1]).length;
        const best = Math.min(...ways.map((w) => w.changes));
        expect(changes).toBe(best);
        const fewest = Math.min(...ways.filter((w) => w.changes === best).map((w) => w.distinct));
        expect(new Set(ids).size).toBe(fewest);
      }),
      { numRuns: 400 },
    );
  });

  it('a day offers a shared start only where no one can do it all, and it holds', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const x = build(s);
        const e = engine({
          service: x.service,
          salon: branch({ splitVisits: true }),
          stylists: x.calendars,
        });
        for (const free of e.freeStartsOfDay(MONDAY)) {
          if (!free.assignment) continue;
          expect(e.checkShared(free.start, free.assignment).ok).toBe(true);
          const whole = x.calendars.some(
            (c) => doesAll(c.staff, x.service) && e.checkStart(free.start, c.staff.id).ok,
          );
          expect(whole).toBe(false);
          expect(e.checkVisitStart(free.start, { split: true })).toEqual({ ok: true, value: free });
        }
      }),
      { numRuns: 200 },
    );
  });
});
