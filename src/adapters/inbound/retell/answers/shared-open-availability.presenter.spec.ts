import fc from 'fast-check';
import { FreeStart } from '../../../../domain/availability/free-start';
import { DayWindow, parseGermanDayWindow } from '../../../../domain/language';
import { Branch } from '../../../../domain/salon/branch';
import { Service } from '../../../../domain/salon/service';
import { Staff } from '../../../../domain/salon/staff';
import { planVisit } from '../../../../domain/salon/visit';
import { WeeklyHours } from '../../../../domain/salon/weekly-hours';
import { MAX_SPOKEN_CHARS } from '../../../../domain/shared/german-messages';
import { OpenAvailabilityOutcome } from '../../../../application/booking/open-availability.outcomes';
import { BranchContext } from '../../../../application/ports/salon-catalog.port';
import { presentOpenAvailability } from './open-availability.presenter';

const NAME_MAX = 150;
const longWordy = (seed: string) => `${seed} `.repeat(NAME_MAX).slice(0, NAME_MAX).trim();
const LONG_NAMES = ['W'.repeat(NAME_MAX), longWordy('Anna-Lena Oberholzer-Schmidt'), 'Anna'];

/** Mehmet cuts, Anna colours: a visit of both is shared. */
const salonOf = (staff: readonly string[], services: readonly string[]) => {
  const cut = Service.simple({ id: 'cut', name: services[0] }, 30);
  const colour = Service.simple({ id: 'colour', name: services[1] }, 60);
  const visit = planVisit([cut, colour]);
  if (!visit.ok) throw new Error(visit.error.detail);
  const salon: BranchContext = {
    companyId: 'c1',
    companyName: 'Salon',
    country: 'DE',
    branch: Branch.restore({
      id: 'b1',
      name: 'Salon',
      openingHours: WeeklyHours.sameOn([1, 2, 3, 4, 5, 6], [{ from: '09:00', to: '18:00' }]),
      splitVisits: true,
    }),
    staff: [
      Staff.restore({ id: 'p0', name: staff[0], serviceIds: ['cut'] }),
      Staff.restore({ id: 'p1', name: staff[1], serviceIds: ['colour'] }),
      Staff.restore({ id: 'p2', name: staff[2], serviceIds: ['cut', 'colour'] }),
    ],
    services: [cut, colour],
  };
  return { salon, visit: visit.value };
};

const SHARED = [
  { serviceId: 'cut', staffId: 'p0' },
  { serviceId: 'colour', staffId: 'p1' },
];
const at = (date: string, hhmm: string, shared = true): FreeStart => {
  const start = new Date(`${date}T${hhmm}:00+02:00`);
  const end = new Date(start.getTime() + 90 * 60_000);
  return shared ? { staffId: 'p0', start, end, assignment: SHARED } : { staffId: 'p2', start, end };
};
const DAY = '2026-09-30';
const base = (salon: BranchContext, visit: Service, named: boolean, window?: DayWindow) => ({
  service: visit,
  stylist: named ? salon.staff[0] : undefined,
  window,
  hold: null,
  verdicts: [],
});

describe('open answers about a visit shared by stylists', () => {
  const { salon, visit } = salonOf(['Mehmet', 'Anna', 'Lena'], ['Herrenhaarschnitt', 'Färben']);

  it('a week asked with a stylist who does part: says who does what', () => {
    const a = presentOpenAvailability(salon, {
      kind: 'open-week',
      ...base(salon, visit, true),
      days: [
        { date: '2026-09-29', first: at('2026-09-29', '09:00') },
        { date: DAY, first: at(DAY, '10:00') },
      ],
    });
    expect(a.message).toBe(
      'Frei ist am Dienstag ab 9 Uhr und Mittwoch ab 10 Uhr, jeweils Herrenhaarschnitt bei ' +
        'Mehmet, danach Färben bei Anna.',
    );
  });

  it('a week of one day with a part of the day', () => {
    const a = presentOpenAvailability(salon, {
      kind: 'open-week',
      ...base(salon, visit, true, parseGermanDayWindow('nachmittags')),
      days: [{ date: DAY, first: at(DAY, '14:00') }],
    });
    expect(a.message).toBe(
      'Frei ist nachmittags am Mittwoch ab 14 Uhr: Herrenhaarschnitt bei Mehmet, danach Färben bei Anna.',
    );
  });

  it('a week of shared and whole days names each day’s stylists', () => {
    const a = presentOpenAvailability(salon, {
      kind: 'open-week',
      ...base(salon, visit, false),
      days: [
        { date: '2026-09-29', first: at('2026-09-29', '09:00') },
        { date: DAY, first: at(DAY, '10:00', false) },
      ],
    });
    expect(a.message).toBe(
      'Frei ist am Dienstag ab 9 Uhr bei Mehmet und Anna sowie Mittwoch ab 10 Uhr bei Lena.',
    );
  });

  it('a day and a part of the day: who does what', () => {
    const a = presentOpenAvailability(salon, {
      kind: 'open-day',
      ...base(salon, visit, true, parseGermanDayWindow('vormittags')),
      date: DAY,
      starts: [at(DAY, '09:00'), at(DAY, '10:30')],
    });
    expect(a.message).toBe(
      'Am Mittwoch, 30. September vormittags wäre frei um 9 Uhr oder 10:30 Uhr, jeweils ' +
        'Herrenhaarschnitt bei Mehmet, danach Färben bei Anna.',
    );
  });

  it('the longest names: every stylist still named, at most 200 characters', () => {
    fc.assert(
      fc.property(
        // Three different stylists (two of one name would be said once).
        fc.shuffledSubarray(LONG_NAMES, { minLength: 3, maxLength: 3 }),
        fc.array(fc.constantFrom(...LONG_NAMES), { minLength: 2, maxLength: 2 }),
        fc.boolean(),
        fc.boolean(),
        (staff, services, named, mixed) => {
          const { salon: s, visit: v } = salonOf(staff, services);
          const b = base(s, v, named, parseGermanDayWindow('zwischen 9:30 und 11:45'));
          const week = ['2026-09-28', '2026-09-29', DAY, '2026-10-01', '2026-10-02'];
          const outcomes: OpenAvailabilityOutcome[] = [
            {
              kind: 'open-week',
              ...b,
              days: week.map((d, i) => ({ date: d, first: at(d, '09:45', !mixed || i % 2 === 0) })),
            },
            { kind: 'open-day', ...b, date: DAY, starts: [at(DAY, '09:45'), at(DAY, '10:15')] },
            { kind: 'earliest', ...b, date: DAY, starts: [at(DAY, '09:45')] },
          ];
          for (const outcome of outcomes) {
            const a = presentOpenAvailability(s, outcome);
            expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
            // The other stylist is said, shortened as far as needed (none left out).
            if (staff[1].length <= 40) expect(a.message).toContain(staff[1]);
            expect(a.message).toMatch(/, danach | bei .+ und /);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
