import fc from 'fast-check';
import { Branch } from '../../../../domain/salon/branch';
import { Service } from '../../../../domain/salon/service';
import { Staff } from '../../../../domain/salon/staff';
import { planVisit } from '../../../../domain/salon/visit';
import { WeeklyHours } from '../../../../domain/salon/weekly-hours';
import { MAX_SPOKEN_CHARS } from '../../../../domain/shared/german-messages';
import { StylistNotOffering } from '../../../../application/booking/wish-refusal';
import { SpokenSalon } from './spoken-salon';
import { stylistNotOfferingAnswer } from './stylist-not-offering.answer';

const NAME_MAX = 150;
const longWordy = (seed: string) => `${seed} `.repeat(NAME_MAX).slice(0, NAME_MAX).trim();
const LONG = ['W'.repeat(NAME_MAX), longWordy('Anna-Lena Oberholzer-Schmidt'), 'Lena'];

const salonOf = (names: readonly string[]) => {
  const colour = Service.simple({ id: 'colour', name: names[0] }, 60);
  const child = Service.simple({ id: 'child', name: names[1] }, 30);
  const visit = planVisit([colour, child]);
  if (!visit.ok) throw new Error(visit.error.detail);
  const salon: SpokenSalon = {
    companyId: 'c1',
    companyName: 'Salon',
    country: 'DE',
    branch: Branch.restore({
      id: 'b1',
      name: 'Salon',
      openingHours: WeeklyHours.sameOn([2, 3, 4, 5, 6], [{ from: '09:00', to: '18:00' }]),
    }),
    staff: [],
    services: [colour, child],
    thisYear: 2026,
  };
  return { salon, visit: visit.value, colour };
};

const refusalOf = (
  stylist: string,
  service: Service,
  more: Partial<StylistNotOffering>,
): StylistNotOffering => ({
  kind: 'refused',
  reason: 'STYLIST_NOT_OFFERING',
  stylist: Staff.restore({ id: 'm', name: stylist, serviceIds: ['child'] }),
  service,
  offeredBy: [],
  ...more,
});

describe('a stylist asked for who does not do it all: who does, on the day asked', () => {
  const { salon, visit, colour } = salonOf(['Färben', 'Kinderhaarschnitt']);

  it('nobody who does it all works that day: says so, and when one does', () => {
    const said = stylistNotOfferingAnswer(
      refusalOf('Mehmet', visit, {
        notDone: ['Färben'],
        days: ['2026-12-15'],
        nearest: { date: '2026-12-16', by: ['Lena'] },
      }),
      salon,
    );
    expect(said.message).toBe(
      'Mehmet macht Färben leider nicht. Alles zusammen macht am Dienstag, 15. Dezember ' +
        'leider niemand, Lena wieder am Mittwoch, 16. Dezember.',
    );
    expect(said).toMatchObject({
      code: 'AVAILABILITY.SERVICE_NOT_OFFERED',
      offered_by: [],
      days: ['2026-12-15'],
      nearest: { date: '2026-12-16', staff: ['Lena'] },
    });
  });

  it('one who does it all works that day: named', () => {
    const said = stylistNotOfferingAnswer(
      refusalOf('Mehmet', visit, {
        notDone: ['Färben'],
        days: ['2026-12-16'],
        offeredBy: ['Lena'],
      }),
      salon,
    );
    expect(said.message).toBe(
      'Mehmet macht Färben leider nicht. Alles zusammen macht bei uns Lena.',
    );
  });

  it('a single service, on several days asked, nobody then and none for weeks', () => {
    const said = stylistNotOfferingAnswer(
      refusalOf('Mehmet', colour, { days: ['2026-12-15', '2026-12-16'], noneSoon: true }),
      salon,
    );
    expect(said.message).toBe(
      'Mehmet bietet Färben leider nicht an. Das macht an diesen Tagen leider niemand, auch in ' +
        'den Wochen danach nicht.',
    );
  });

  it('the longest names: at most 200 characters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LONG), { minLength: 2, maxLength: 2 }),
        fc.array(fc.constantFrom(...LONG), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...LONG),
        fc.boolean(),
        (services, by, stylist, single) => {
          const s = salonOf(services);
          const service = single ? s.colour : s.visit;
          const notDone = single ? {} : { notDone: [services[0]] };
          for (const more of [
            { days: ['2026-12-15'], nearest: { date: '2026-12-16', by } },
            { days: ['2026-12-15', '2026-12-19'], noneSoon: true as const },
            { days: ['2026-12-15'], offeredBy: by },
            { offeredBy: by },
          ]) {
            const said = stylistNotOfferingAnswer(
              refusalOf(stylist, service, { ...notDone, ...more }),
              s.salon,
            );
            expect(said.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
            expect(said.message).toMatch(/\.$/);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
