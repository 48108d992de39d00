import { Service } from '../salon/service';
import { busy, free } from '../salon/service-segment';
import { planVisit } from '../salon/visit';
import { busyStepsByStylist } from '../salon/visit-assignment';
import { WeeklyHours } from '../salon/weekly-hours';
import { busyOfAppointments } from './busy-interval';
import { at, booked, branch, engine, hhmm, MONDAY, stylist, SUNDAY } from './salon.fixture';
import { StylistCalendar } from './availability-engine';

const cut = Service.simple({ id: 'cut', name: 'Schneiden' }, 30);
const colour = Service.segmented({ id: 'colour', name: 'Färben' }, [busy(30), free(30), busy(10)]);
const wash = Service.simple({ id: 'wash', name: 'Waschen', duringProcessing: true }, 20);
const visitOf = (...services: Service[]): Service => {
  const planned = planVisit(services);
  if (!planned.ok) throw new Error(planned.error.detail);
  return planned.value;
};
const cutAndColour = visitOf(cut, colour);
const withWash = visitOf(cut, colour, wash);
/** Three hours of Mia's time: a long cut at 9:00 ends at 12:00. */
const longVisit = Service.simple({ id: 'long', name: 'Lange Sitzung' }, 180);

const lena = stylist({ id: 'lena', name: 'Lena', serviceIds: ['cut'] });
const anna = stylist({ id: 'anna', name: 'Anna', serviceIds: ['colour', 'wash'] });
const ben = stylist({ id: 'ben', name: 'Ben', serviceIds: ['wash'] });
const mia = stylist({ id: 'mia', name: 'Mia', serviceIds: ['cut', 'colour', 'wash'] });
const nine = at(MONDAY, '09:00');
const busyWith = (service: Service, time: string, staffId: string) =>
  busyOfAppointments([booked(service, at(MONDAY, time), staffId)]);
const who = (result: ReturnType<ReturnType<typeof engine>['checkVisitStart']>) =>
  result.ok
    ? (result.value.assignment ?? [{ serviceId: '*', staffId: result.value.staffId }])
    : result.error.reason;

describe('a visit shared by several stylists', () => {
  it.each<[string, Service, StylistCalendar[], { split: boolean; stylistId?: string }, unknown]>([
    [
      'nobody does both: the cut with Lena, then the colour with Anna',
      cutAndColour,
      [
        { staff: anna, busy: [] },
        { staff: lena, busy: [] },
      ],
      { split: true },
      [
        { serviceId: 'cut', staffId: 'lena' },
        { serviceId: 'colour', staffId: 'anna' },
      ],
    ],
    [
      'someone who does both and is free keeps the visit whole',
      cutAndColour,
      [
        { staff: lena, busy: [] },
        { staff: anna, busy: [] },
        { staff: mia, busy: [] },
      ],
      { split: true },
      [{ serviceId: '*', staffId: 'mia' }],
    ],
    [
      'Mia, who does both, is busy for the cut only: Lena cuts, Mia (preferred) colours',
      cutAndColour,
      [
        { staff: mia, busy: busyWith(cut, '09:00', 'mia') },
        { staff: lena, busy: [] },
        { staff: anna, busy: [] },
      ],
      { split: true },
      [
        { serviceId: 'cut', staffId: 'lena' },
        { serviceId: 'colour', staffId: 'mia' },
      ],
    ],
    [
      'the salon does not allow it: the one-stylist refusal',
      cutAndColour,
      [
        { staff: lena, busy: [] },
        { staff: anna, busy: [] },
      ],
      { split: false },
      'SERVICE_NOT_OFFERED',
    ],
    [
      'Anna is busy in her own colour steps only: Mia colours, Lena cuts',
      cutAndColour,
      [
        { staff: anna, busy: busyWith(cut, '09:30', 'anna') },
        { staff: lena, busy: [] },
        { staff: mia, busy: busyWith(cut, '09:00', 'mia') },
      ],
      { split: true },
      [
        { serviceId: 'cut', staffId: 'lena' },
        { serviceId: 'colour', staffId: 'mia' },
      ],
    ],
    [
      "a busy time inside Anna's processing gap does not stop her colouring",
      cutAndColour,
      [
        { staff: anna, busy: busyWith(cut, '10:00', 'anna') },
        { staff: lena, busy: [] },
      ],
      { split: true },
      [
        { serviceId: 'cut', staffId: 'lena' },
        { serviceId: 'colour', staffId: 'anna' },
      ],
    ],
    [
      'the wash stays with the colourist during her processing time',
      withWash,
      [
        { staff: ben, busy: [] },
        { staff: lena, busy: [] },
        { staff: anna, busy: [] },
      ],
      { split: true },
      [
        { serviceId: 'cut', staffId: 'lena' },
        { serviceId: 'colour', staffId: 'anna' },
        { serviceId: 'wash', staffId: 'anna' },
      ],
    ],
    [
      'the colourist is busy in her gap: Ben washes meanwhile',
      withWash,
      [
        { staff: ben, busy: [] },
        { staff: lena, busy: [] },
        { staff: anna, busy: busyWith(cut, '10:00', 'anna') },
      ],
      { split: true },
      [
        { serviceId: 'cut', staffId: 'lena' },
        { serviceId: 'colour', staffId: 'anna' },
        { serviceId: 'wash', staffId: 'ben' },
      ],
    ],
    [
      'Lena asked for, who only cuts: she cuts, Anna colours',
      cutAndColour,
      [
        { staff: mia, busy: [] },
        { staff: anna, busy: [] },
        { staff: lena, busy: [] },
      ],
      { split: true, stylistId: 'lena' },
      [
        { serviceId: 'cut', staffId: 'lena' },
        { serviceId: 'colour', staffId: 'mia' },
      ],
    ],
    [
      'Lena asked for but busy: no split around her, her own conflict said',
      cutAndColour,
      [
        { staff: anna, busy: [] },
        { staff: lena, busy: busyWith(cut, '09:00', 'lena') },
      ],
      { split: true, stylistId: 'lena' },
      'CONFLICT',
    ],
    [
      'Lena asked for and free, but nobody can colour then: taken',
      cutAndColour,
      [
        { staff: anna, busy: busyWith(cut, '09:30', 'anna') },
        { staff: lena, busy: [] },
      ],
      { split: true, stylistId: 'lena' },
      'CONFLICT',
    ],
    [
      'Lena asked for where the salon does not share visits: she does not do it all',
      cutAndColour,
      [
        { staff: anna, busy: [] },
        { staff: lena, busy: [] },
      ],
      { split: false, stylistId: 'lena' },
      'SERVICE_NOT_OFFERED',
    ],
    [
      'Mia asked for, who does both but is busy: one stylist wanted, no split',
      cutAndColour,
      [
        { staff: mia, busy: busyWith(cut, '09:00', 'mia') },
        { staff: lena, busy: [] },
        { staff: anna, busy: [] },
      ],
      { split: true, stylistId: 'mia' },
      'CONFLICT',
    ],
    [
      'a stylist of another salon asked for: unknown, no split',
      cutAndColour,
      [
        { staff: lena, busy: [] },
        { staff: anna, busy: [] },
      ],
      { split: true, stylistId: 'other-company-stylist' },
      'UNKNOWN_STYLIST',
    ],
    [
      "Anna's working day ends before her last colour step",
      cutAndColour,
      [
        {
          staff: stylist({
            ...anna,
            id: 'anna',
            name: 'Anna',
            serviceIds: ['colour'],
            workingHours: WeeklyHours.sameOn([1], [{ from: '09:00', to: '10:15' }]),
          }),
          busy: [],
        },
        { staff: lena, busy: [] },
      ],
      { split: true },
      // Nobody who colours works for all of it: said so, not "not offered".
      'OUTSIDE_WORKING_HOURS',
    ],
  ])('%s', (_, service, stylists, opts, expected) => {
    expect(who(engine({ service, stylists }).checkVisitStart(nine, opts))).toEqual(expected);
  });

  it('keeps the salon refusals: a closed day stays a closed day', () => {
    const e = engine({
      service: cutAndColour,
      stylists: [
        { staff: lena, busy: [] },
        { staff: anna, busy: [] },
      ],
    });
    expect(who(e.checkVisitStart(at(SUNDAY, '10:00'), { split: true }))).toBe('CLOSED_DAY');
    expect(who(e.checkVisitStart(at(MONDAY, '17:30'), { split: true }))).toBe(
      'RUNS_PAST_OPENING_HOURS',
    );
    expect(who(e.checkVisitStart(at(MONDAY, '18:00'), { split: true }))).toBe(
      'OUTSIDE_OPENING_HOURS',
    );
  });

  it("keeps planVisit's layout: the wash by Ben lies inside the colour's gap", () => {
    const e = engine({
      service: withWash,
      salon: branch(),
      stylists: [
        { staff: lena, busy: [] },
        { staff: anna, busy: busyWith(cut, '10:00', 'anna') },
        { staff: ben, busy: [] },
      ],
    });
    const free = e.checkVisitStart(nine, { split: true });
    if (!free.ok) throw new Error(free.error.reason);
    const steps = busyStepsByStylist(withWash, nine, free.value.staffId, free.value.assignment);
    expect(steps.map((s) => [s.staffId, hhmm(s.range.start), hhmm(s.range.end)])).toEqual([
      ['lena', '09:00', '09:30'],
      ['anna', '09:30', '10:00'],
      ['ben', '10:00', '10:20'],
      ['anna', '10:30', '10:40'],
    ]);
    expect(free.value.staffId).toBe('lena');
    expect(hhmm(free.value.end)).toBe('10:40');
  });

  describe('checkShared: a sharing held or booked before, judged again', () => {
    const sharing = [
      { serviceId: 'cut', staffId: 'lena' },
      { serviceId: 'colour', staffId: 'anna' },
    ];
    const judge = (stylists: StylistCalendar[], start = nine, assignment = sharing) =>
      who(engine({ service: cutAndColour, stylists }).checkShared(start, assignment));
    const both = (): StylistCalendar[] => [
      { staff: lena, busy: [] },
      { staff: anna, busy: [] },
    ];

    it.each<[string, StylistCalendar[], Date, unknown]>([
      ['both free', both(), nine, sharing],
      [
        'the colourist taken meanwhile',
        [
          { staff: lena, busy: [] },
          { staff: anna, busy: busyWith(cut, '09:45', 'anna') },
        ],
        nine,
        'CONFLICT',
      ],
      ['a stylist no longer there', [{ staff: lena, busy: [] }], nine, 'UNKNOWN_STYLIST'],
      ['the salon closed', both(), at(SUNDAY, '10:00'), 'CLOSED_DAY'],
    ])('%s', (_, stylists, start, expected) => {
      expect(judge(stylists, start)).toEqual(expected);
    });

    it('a stylist who does not offer their service', () => {
      const swapped = [
        { serviceId: 'cut', staffId: 'anna' },
        { serviceId: 'colour', staffId: 'lena' },
      ];
      expect(judge(both(), nine, swapped)).toBe('SERVICE_NOT_OFFERED');
    });
  });

  describe('free starts and alternatives of a visit stylists may share', () => {
    const sharing = branch({ splitVisits: true });
    const e = (stylists: StylistCalendar[], salon = sharing) =>
      engine({ service: cutAndColour, stylists, salon });

    it('a day offers shared starts only where no one can do it all, asked for anyone', () => {
      const stylists: StylistCalendar[] = [
        // Mia does both but is taken from 9:00 to 12:00.
        {
          staff: mia,
          busy: [...busyWith(longVisit, '09:00', 'mia')],
        },
        { staff: lena, busy: [] },
        { staff: anna, busy: [] },
      ];
      const starts = e(stylists).freeStartsOfDay(MONDAY);
      const at9 = starts.filter((s) => hhmm(s.start) === '09:00');
      expect(at9.map((s) => s.assignment)).toEqual([
        [
          { serviceId: 'cut', staffId: 'lena' },
          { serviceId: 'colour', staffId: 'anna' },
        ],
      ]);
      const at13 = starts.filter((s) => hhmm(s.start) === '13:00');
      expect(at13.map((s) => [s.staffId, s.assignment])).toEqual([['mia', undefined]]);
      // Asked for Mia alone: never shared.
      expect(
        e(stylists)
          .freeStartsOfDay(MONDAY, ['mia'])
          .every((s) => !s.assignment),
      ).toBe(true);
      // A salon that does not share: no shared starts at all.
      const plain = e(stylists, branch());
      expect(plain.freeStartsOfDay(MONDAY).every((s) => !s.assignment)).toBe(true);
    });

    it('nobody does it all: the alternatives are shared ones, never a start someone is busy', () => {
      const stylists: StylistCalendar[] = [
        { staff: lena, busy: busyWith(cut, '09:00', 'lena') },
        { staff: anna, busy: [] },
      ];
      const offers = e(stylists).alternatives(nine);
      expect(offers.length).toBeGreaterThan(0);
      for (const o of offers) {
        expect(o.assignment).toBeDefined();
        expect(e(stylists).checkShared(o.start, o.assignment!).ok).toBe(true);
      }
      expect(offers.some((o) => hhmm(o.start) === '09:00')).toBe(false);
      // Without sharing there is nothing to offer.
      expect(e(stylists, branch()).alternatives(nine)).toEqual([]);
    });

    it('a stylist who does part, asked for: the starts where they do their part', () => {
      const stylists: StylistCalendar[] = [
        { staff: mia, busy: [] },
        { staff: lena, busy: busyWith(cut, '09:00', 'lena') },
        { staff: anna, busy: [] },
      ];
      const starts = e(stylists).freeStartsOfDay(MONDAY, ['lena']);
      expect(starts.length).toBeGreaterThan(0);
      expect(starts.some((s) => hhmm(s.start) === '09:00')).toBe(false);
      for (const s of starts) {
        expect(s.assignment).toEqual([
          { serviceId: 'cut', staffId: 'lena' },
          { serviceId: 'colour', staffId: 'mia' },
        ]);
      }
      // A salon that does not share: none.
      expect(e(stylists, branch()).freeStartsOfDay(MONDAY, ['lena'])).toEqual([]);
    });

    it('taken for the sharing, no one stylist at work: taken, not "nobody works"', () => {
      const stylists: StylistCalendar[] = [
        { staff: lena, busy: busyWith(cut, '09:00', 'lena') },
        { staff: anna, busy: [] },
      ];
      expect(who(e(stylists).checkVisitStart(nine, { split: true }))).toBe('CONFLICT');
      // Nobody who colours works that day: said so (which service, the whole day), never "taken".
      const annaOff = stylist({
        id: 'anna',
        serviceIds: ['colour', 'wash'],
        workingHours: WeeklyHours.sameOn([2], [{ from: '09:00', to: '18:00' }]),
      });
      const off: StylistCalendar[] = [stylists[0], { staff: annaOff, busy: [] }];
      const refused = e(off).checkVisitStart(nine, { split: true });
      expect(who(refused)).toBe('OUTSIDE_WORKING_HOURS');
      expect(refused.ok ? 'free' : refused.error).toMatchObject({
        code: 'AVAILABILITY.OUTSIDE_WORKING_HOURS',
        serviceIds: ['colour'],
        wholeDay: true,
      });
      // Lena, who cuts, does not work either: both services named.
      const lenaOff = stylist({ ...lena, workingHours: WeeklyHours.sameOn([2], []) });
      const neither = e([{ staff: lenaOff, busy: [] }, off[1]]).checkVisitStart(nine, {
        split: true,
      });
      expect(neither.ok ? 'free' : neither.error).toMatchObject({
        serviceIds: ['cut', 'colour'],
        wholeDay: true,
      });
    });

    it('a stylist who does part, asked for and taken: offers with them doing it come first', () => {
      const stylists: StylistCalendar[] = [
        { staff: mia, busy: [] },
        { staff: lena, busy: busyWith(cut, '09:00', 'lena') },
        { staff: anna, busy: [] },
      ];
      const offers = e(stylists).alternatives(nine, { preferredStaffId: 'lena' });
      expect(offers[0].assignment?.[0]).toEqual({ serviceId: 'cut', staffId: 'lena' });
      // Mia, who does it all, at the very time asked, next.
      expect(offers[1]).toMatchObject({ staffId: 'mia', start: nine });
    });
  });
});
