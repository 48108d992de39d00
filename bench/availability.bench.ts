/**
 * Availability speed: all free starts of one day for 20 stylists with 40 appointments each
 * (over four days), composite service. Run: npm run bench:domain (goal: median <= 2 ms).
 */
import { fromZonedTime } from 'date-fns-tz';
import { Appointment } from '../src/domain/appointment/appointment';
import {
  AvailabilityEngine,
  StylistCalendar,
} from '../src/domain/availability/availability-engine';
import { busyOfAppointments } from '../src/domain/availability/busy-interval';
import { Branch } from '../src/domain/salon/branch';
import { Service } from '../src/domain/salon/service';
import { busy, free } from '../src/domain/salon/service-segment';
import { Staff } from '../src/domain/salon/staff';
import { WeeklyHours } from '../src/domain/salon/weekly-hours';

const ZONE = 'Europe/Berlin';
const DAYS = ['2026-06-15', '2026-06-16', '2026-06-17', '2026-06-18'];
const WARMUP = 200;
const ITERATIONS = 2000;

const perm = Service.segmented({ id: 'perm', name: 'Dauerwelle' }, [
  busy(30),
  free(40),
  busy(20),
  free(10),
  busy(25),
]);
const cut = Service.simple({ id: 'cut', name: 'Herrenhaarschnitt' }, 30);
const at = (date: string, minutes: number): Date =>
  fromZonedTime(
    `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`,
    ZONE,
  );

const hours = () =>
  WeeklyHours.sameOn(
    [1, 2, 3, 4, 5, 6],
    [
      { from: '09:00', to: '12:30' },
      { from: '13:00', to: '19:00' },
    ],
  );
const ownHours = () => WeeklyHours.sameOn([1, 2, 3, 4, 5], [{ from: '10:00', to: '19:00' }]);

/** 10 appointments a day: a perm each half-day with a cut in its gap, cuts after it. */
const appointmentsOf = (staffId: string, s: number): Appointment[] => {
  let n = 0;
  const newId = () => `${staffId}-${++n}`;
  const book = (service: Service, date: string, minutes: number) =>
    Appointment.create({
      service,
      staffId,
      customerId: 'c',
      start: at(date, minutes),
      source: 'admin',
      newId,
    });
  return DAYS.flatMap((date) => {
    const o = 9 * 60;
    const x = (s % 4) * 15; // stylists differ a little
    return [
      book(perm, date, o),
      book(cut, date, o + 30),
      book(cut, date, o + 125),
      book(cut, date, o + 155),
      book(cut, date, o + 180),
      book(perm, date, o + 240 + x),
      book(cut, date, o + 270 + x),
      book(cut, date, o + 365 + x),
      book(cut, date, o + 395 + x),
      book(cut, date, o + 425 + x),
    ];
  });
};

const calendars = (
  fresh: boolean,
  cached: StylistCalendar[],
): { branch: Branch; stylists: StylistCalendar[] } => {
  if (!fresh) return { branch: cachedBranch, stylists: cached };
  const branch = Branch.restore({ id: 'b', name: 'Salon', openingHours: hours() });
  const stylists = cached.map((c, i) => ({
    staff: Staff.restore({
      id: c.staff.id,
      name: c.staff.name,
      serviceIds: ['perm', 'cut'],
      workingHours: i % 2 === 0 ? ownHours() : undefined,
    }),
    busy: c.busy,
  }));
  return { branch, stylists };
};

const cachedBranch = Branch.restore({ id: 'b', name: 'Salon', openingHours: hours() });
const stylists: StylistCalendar[] = Array.from({ length: 20 }, (_, s) => ({
  staff: Staff.restore({
    id: `st-${s}`,
    name: `Stylist ${s}`,
    serviceIds: ['perm', 'cut'],
    workingHours: s % 2 === 0 ? ownHours() : undefined,
  }),
  busy: busyOfAppointments(appointmentsOf(`st-${s}`, s)),
}));
const now = new Date('2026-06-01T06:00:00Z');

function run(label: string, fresh: boolean): void {
  const samples: number[] = [];
  let starts = 0;
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const t0 = process.hrtime.bigint();
    const input = calendars(fresh, stylists);
    const engine = AvailabilityEngine.for({ ...input, service: perm, now });
    starts = engine.freeStartsOfDay(DAYS[1]).length;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i >= WARMUP) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const p95 = samples[Math.floor(samples.length * 0.95)];
  console.log(
    `availability ${label}: median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms ` +
      `(${ITERATIONS} runs, 20 stylists x 40 appointments, perm, ${starts} free starts)`,
  );
}

run('free starts of a day, hours cached', false);
run('free starts of a day, hours converted afresh', true);
