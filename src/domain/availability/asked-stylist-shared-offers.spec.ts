import { Service } from '../salon/service';
import { busy, free } from '../salon/service-segment';
import { planVisit } from '../salon/visit';
import { at, branch, engine, hhmm, MONDAY, stylist, withLunch } from './salon.fixture';
import { FreeStart } from './free-start';

const cut = Service.simple({ id: 'cut', name: 'Schneiden' }, 30);
const colour = Service.segmented({ id: 'colour', name: 'Färben' }, [busy(30), free(30), busy(10)]);
const planned = planVisit([cut, colour]);
if (!planned.ok) throw new Error(planned.error.detail);
const cutAndColour = planned.value;

const lena = stylist({ id: 'lena', name: 'Lena', serviceIds: ['cut'] });
const anna = stylist({ id: 'anna', name: 'Anna', serviceIds: ['colour'] });
const mia = stylist({ id: 'mia', name: 'Mia', serviceIds: ['cut', 'colour'] });

const sharing = branch({ splitVisits: true, openingHours: withLunch });
const salonOf = (salon = sharing) =>
  engine({
    service: cutAndColour,
    salon,
    stylists: [
      { staff: mia, busy: [] },
      { staff: lena, busy: [] },
      { staff: anna, busy: [] },
    ],
  });
const withStylist = (id: string) => (s: FreeStart) =>
  s.staffId === id || (s.assignment ?? []).some((a) => a.staffId === id);
/** 11:30 does not fit before the 12:00 break: the visit takes 100 minutes. */
const wish = at(MONDAY, '11:30');

/**
 * SPEC rule 3, "same stylist first when one was asked for", for a visit the salon lets
 * stylists share: a stylist who does only some of its services is still the one asked for.
 */
describe('alternatives for a shared visit with the stylist asked for', () => {
  it('Lena, who only cuts, is offered first: her cut, someone else’s colour', () => {
    const e = salonOf();
    expect(e.checkVisitStart(wish, { split: true, stylistId: 'lena' })).toMatchObject({
      ok: false,
      error: { reason: 'RUNS_PAST_OPENING_HOURS' },
    });
    const offers = e.alternatives(wish, { preferredStaffId: 'lena' });
    expect(offers.length).toBeGreaterThan(0);
    expect(withStylist('lena')(offers[0])).toBe(true);
    expect(offers[0].assignment).toContainEqual({ serviceId: 'cut', staffId: 'lena' });
    expect(hhmm(offers[0].start)).toBe('10:15');
    const ranked = e.candidates(wish, { preferredStaffId: 'lena' }).ranked;
    expect(withStylist('lena')(ranked[0])).toBe(true);
  });

  it('Lena alone when the caller insists: every offer has her cut', () => {
    const offers = salonOf().alternatives(wish, { preferredStaffId: 'lena', onlyPreferred: true });
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.every(withStylist('lena'))).toBe(true);
  });

  it('asked for nobody, Mia who does both keeps the visit whole, as before', () => {
    const offers = salonOf().alternatives(wish);
    expect(offers[0]).toMatchObject({ staffId: 'mia' });
    expect(offers[0].assignment).toBeUndefined();
  });

  it('a salon that does not share offers Lena nothing of her own', () => {
    const offers = salonOf(branch({ openingHours: withLunch })).alternatives(wish, {
      preferredStaffId: 'lena',
    });
    expect(offers.every((s) => !s.assignment)).toBe(true);
  });
});
