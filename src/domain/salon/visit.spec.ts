import fc from 'fast-check';
import { Appointment } from '../appointment/appointment';
import { busyOfAppointments } from '../availability/busy-interval';
import { at, booked, colour, cut, engine, MONDAY, stylist } from '../availability/salon.fixture';
import { Service } from './service';
import { busy, free, ServiceSegment } from './service-segment';
import { doesAll } from './staff';
import { planVisit } from './visit';

const plan = (...services: Service[]): Service => {
  const visit = planVisit(services);
  if (!visit.ok) throw new Error(visit.error.detail);
  return visit.value;
};
const wash = Service.simple({ id: 'wash', name: 'Waschen', duringProcessing: true }, 20);
const cleanCut = Service.simple({ id: 'cleancut', name: 'Schnitt', bufferAfterMinutes: 10 }, 30);
const tint = Service.segmented({ id: 'tint', name: 'Tönen', bufferAfterMinutes: 15 }, [
  busy(20),
  free(30),
  busy(10),
]);
/** [minutes, busy, service, its sequence] of each placed step, buffer included. */
const layout = (s: Service) =>
  s
    .layoutAt(at(MONDAY, '09:00'))
    .map((p) => [p.range.minutes, p.staffBusy ? 'busy' : 'free', p.serviceId, p.serviceSequence]);

describe('planVisit', () => {
  it.each<[string, Service[], Array<[number, string, string, number]>]>([
    [
      'cut then colour: one after another, the colour keeps its gap',
      [cut, colour],
      [
        [30, 'busy', 'cut', 1],
        [30, 'busy', 'colour', 1],
        [30, 'free', 'colour', 2],
        [10, 'busy', 'colour', 3],
      ],
    ],
    [
      'colour then cut: the order said is kept',
      [colour, cut],
      [
        [30, 'busy', 'colour', 1],
        [30, 'free', 'colour', 2],
        [10, 'busy', 'colour', 3],
        [30, 'busy', 'cut', 1],
      ],
    ],
    [
      'a wash the salon allows during processing fills the colour’s gap',
      [colour, wash],
      [
        [30, 'busy', 'colour', 1],
        [20, 'busy', 'wash', 1],
        [10, 'free', 'colour', 2],
        [10, 'busy', 'colour', 3],
      ],
    ],
    [
      'a wash first has no gap before it: it runs first',
      [wash, colour],
      [
        [20, 'busy', 'wash', 1],
        [30, 'busy', 'colour', 1],
        [30, 'free', 'colour', 2],
        [10, 'busy', 'colour', 3],
      ],
    ],
    [
      'buffers: none between services, the largest at the end',
      [tint, cleanCut],
      [
        [20, 'busy', 'tint', 1],
        [30, 'free', 'tint', 2],
        [10, 'busy', 'tint', 3],
        [30, 'busy', 'cleancut', 1],
        [15, 'busy', 'tint', 4],
      ],
    ],
  ])('%s', (_, services, expected) => {
    expect(layout(plan(...services))).toEqual(expected);
  });

  it('is one service made of its parts: first id, every id, notice and horizon', () => {
    const late = Service.simple({ id: 'late', name: 'Spät', minNoticeMinutes: 120 }, 30);
    const near = Service.simple({ id: 'near', name: 'Bald', bookingHorizonDays: 14 }, 30);
    const visit = plan(late, near);
    expect([visit.id, visit.serviceIds, visit.isVisit]).toEqual(['late', ['late', 'near'], true]);
    expect([visit.minNoticeMinutes, visit.bookingHorizonDays]).toEqual([120, 14]);
    expect(cut.serviceIds).toEqual(['cut']);
    expect(cut.isVisit).toBe(false);
  });

  it.each<[string, Service[]]>([
    ['one service', [cut]],
    ['the same service twice', [cut, cut]],
    [
      'longer than a working day',
      [Service.simple({ id: 'a', name: 'A' }, 480), Service.simple({ id: 'b', name: 'B' }, 300)],
    ],
  ])('refuses %s', (_, services) => {
    expect(planVisit(services).ok).toBe(false);
  });

  it('a stylist does a visit only when doing every service of it', () => {
    const visit = plan(cut, colour);
    expect(doesAll(stylist({ serviceIds: ['cut', 'colour'] }), visit)).toBe(true);
    expect(doesAll(stylist({ serviceIds: ['cut'] }), visit)).toBe(false);
  });

  it('a visit’s processing gap still holds another client’s cut', () => {
    // Colour then cut for one client at 09:00: the colour waits 09:30-10:00.
    const visit = booked(plan(colour, cut), at(MONDAY, '09:00'));
    const other = engine({
      service: cut,
      busy: busyOfAppointments([visit]),
      now: at('2026-06-01', '08:00'),
    });
    expect(other.checkStart(at(MONDAY, '09:30'), 'anna').ok).toBe(true);
    expect(other.checkStart(at(MONDAY, '09:45'), 'anna').ok).toBe(false);
    expect(other.checkStart(at(MONDAY, '10:40'), 'anna').ok).toBe(true);
  });
});

// Generated services: 1-4 segments of 5-60 minutes, at least one busy, optional buffer.
const segment = fc
  .record({ minutes: fc.integer({ min: 5, max: 60 }), staffBusy: fc.boolean() })
  .map((s): ServiceSegment => (s.staffBusy ? busy(s.minutes) : free(s.minutes)));
const serviceArb = (id: string) =>
  fc
    .record({
      segments: fc.array(segment, { minLength: 1, maxLength: 4 }),
      buffer: fc.constantFrom(0, 0, 10, 15),
      during: fc.boolean(),
    })
    .filter(
      ({ segments }) =>
        segments.some((s) => s.staffBusy) && segments.reduce((n, s) => n + s.minutes, 0) >= 15,
    )
    .map(({ segments, buffer, during }) =>
      Service.segmented(
        { id, name: id, bufferAfterMinutes: buffer, duringProcessing: during },
        segments,
      ),
    );
const services = fc
  .integer({ min: 2, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => serviceArb(`s${i}`))));

describe('planVisit properties', () => {
  const start = at(MONDAY, '09:00');

  it('without gap filling, the visit’s busy time is its services’ busy times one after another', () => {
    fc.assert(
      fc.property(services, (parts) => {
        const plain = parts.map((s) =>
          Service.segmented(
            { id: s.id, name: s.name, bufferAfterMinutes: s.bufferAfterMinutes },
            s.segments,
          ),
        );
        const visit = plan(...plain);
        let cursor = start.getTime();
        const expected: Array<[number, number]> = [];
        for (const s of plain) {
          const steps = s.layoutAt(new Date(cursor)).filter((p) => p.staffBusy && !p.isBuffer);
          for (const p of steps) expected.push([p.range.startMs, p.range.endMs]);
          cursor += s.durationMinutes * 60_000;
        }
        const steps = visit.layoutAt(start).filter((p) => p.staffBusy && !p.isBuffer);
        expect(steps.map((p) => [p.range.startMs, p.range.endMs])).toEqual(expected);
        // total span: every service's minutes, plus the largest buffer once
        const buffer = Math.max(...plain.map((s) => s.bufferAfterMinutes));
        const minutes = plain.reduce((n, s) => n + s.durationMinutes, 0);
        expect(visit.spanMinutes).toBe(minutes + buffer);
      }),
    );
  });

  it('steps are contiguous, each service keeps its busy minutes, and each is told its own', () => {
    fc.assert(
      fc.property(services, (parts) => {
        const visit = plan(...parts);
        const placed = visit.layoutAt(start);
        placed.slice(1).forEach((p, i) => expect(p.range.startMs).toBe(placed[i].range.endMs));
        for (const s of parts) {
          const own = placed.filter((p) => p.serviceId === s.id && p.staffBusy && !p.isBuffer);
          const busyMinutes = s.segments
            .filter((g) => g.staffBusy)
            .reduce((n, g) => n + g.minutes, 0);
          expect(own.reduce((n, p) => n + p.range.minutes, 0)).toBe(busyMinutes);
          // each working step names its place among its own service's segments
          own.forEach((p) => expect(s.segments[p.serviceSequence - 1].staffBusy).toBe(true));
        }
        // gap filling only ever shortens the visit
        const total = parts.reduce((n, s) => n + s.durationMinutes, 0);
        expect(visit.durationMinutes).toBeLessThanOrEqual(total);
      }),
    );
  });

  it('an appointment of a visit blocks exactly the visit’s busy steps', () => {
    fc.assert(
      fc.property(services, (parts) => {
        const visit = plan(...parts);
        const appointment = Appointment.create({
          service: visit,
          staffId: 'anna',
          customerId: 'c',
          start,
          source: 'voice',
        });
        const busySteps = visit.layoutAt(start).filter((p) => p.staffBusy);
        expect(appointment.busyIntervals().map((r) => r.startMs)).toEqual(
          busySteps.map((p) => p.range.startMs),
        );
        expect(appointment.phases.map((p) => p.serviceId)).toEqual(
          visit.layoutAt(start).map((p) => p.serviceId),
        );
        // the services read back from the phases plan the very same visit again
        const again = appointment.serviceIds.map((id) => parts.find((s) => s.id === id)!);
        expect(appointment.serviceIds).toEqual(parts.map((s) => s.id));
        expect(layout(plan(...again))).toEqual(layout(visit));
      }),
    );
  });
});
