import fc from 'fast-check';
import { FreeStart } from '../../../../domain/availability/free-start';
import { NoRoomReason } from '../../../../domain/availability/open-day';
import { DayWindow, parseGermanDayWindow } from '../../../../domain/language';
import { Branch } from '../../../../domain/salon/branch';
import { Service } from '../../../../domain/salon/service';
import { Staff } from '../../../../domain/salon/staff';
import { WeeklyHours } from '../../../../domain/salon/weekly-hours';
import { MAX_SPOKEN_CHARS } from '../../../../domain/shared/german-messages';
import { OpenAvailabilityOutcome } from '../../../../application/booking/open-availability.outcomes';
import { BranchContext } from '../../../../application/ports/salon-catalog.port';
import { presentOpenAvailability } from './open-availability.presenter';

const NAME_MAX = 150;
const longWordy = (seed: string) => `${seed} `.repeat(NAME_MAX).slice(0, NAME_MAX).trim();
const LONG_NAMES = ['W'.repeat(NAME_MAX), longWordy('Anna-Lena Oberholzer-Schmidt'), 'Anna'];

const salonOf = (staffNames: readonly string[], serviceName: string): BranchContext => {
  const service = Service.simple({ id: 's0', name: serviceName }, 30);
  return {
    companyId: 'c1',
    companyName: longWordy('Salon Haarmonie'),
    country: 'DE',
    branch: Branch.restore({
      id: 'b1',
      name: longWordy('Salon Haarmonie Berlin-Mitte'),
      openingHours: WeeklyHours.sameOn([1, 2, 3, 4, 5, 6], [{ from: '09:00', to: '18:00' }]),
    }),
    staff: staffNames.map((n, i) => Staff.restore({ id: `p${i}`, name: n, serviceIds: ['s0'] })),
    services: [service],
  };
};

// Wednesday 30 September 2026 (a long day name), Berlin summer time.
const at = (date: string, hhmm: string, staffId = 'p0'): FreeStart => {
  const start = new Date(`${date}T${hhmm}:00+02:00`);
  return { staffId, start, end: new Date(start.getTime() + 30 * 60_000) };
};
const DAY = '2026-09-30';
const base = (salon: BranchContext, named: boolean, window?: DayWindow) => ({
  service: salon.services[0],
  stylist: named ? salon.staff[0] : undefined,
  window,
  hold: null,
  verdicts: [],
});

describe('open availability answers', () => {
  const salon = salonOf(['Anna', 'Ben'], 'Herrenhaarschnitt');

  it('a day: the starts, each day said once, the stylist once', () => {
    const a = presentOpenAvailability(salon, {
      kind: 'open-day',
      ...base(salon, true, parseGermanDayWindow('nachmittags')),
      date: DAY,
      starts: [at(DAY, '13:00'), at(DAY, '15:30'), at(DAY, '17:30')],
    });
    expect(a).toMatchObject({ success: true, code: 'OK', available: true, date: DAY });
    expect(a.message).toBe(
      'Am Mittwoch, 30. September nachmittags wäre frei um 13 Uhr, 15:30 Uhr oder 17:30 Uhr bei Anna.',
    );
    expect(a.part).toEqual({ from: '12:00', to: '18:00' });
  });

  it('a day with different stylists names each where it changes', () => {
    const a = presentOpenAvailability(salon, {
      kind: 'open-day',
      ...base(salon, false, parseGermanDayWindow('zwischen 10 und 12')),
      date: DAY,
      starts: [at(DAY, '10:00', 'p1'), at(DAY, '11:30', 'p0')],
    });
    expect(a.message).toBe(
      'Am Mittwoch, 30. September zwischen 10 Uhr und 12 Uhr wäre frei um 10 Uhr bei Ben oder 11:30 Uhr bei Anna.',
    );
  });

  it('the earliest: the first start, then the others', () => {
    const a = presentOpenAvailability(salon, {
      kind: 'earliest',
      ...base(salon, false),
      date: DAY,
      starts: [at(DAY, '09:00'), at(DAY, '13:30'), at(DAY, '17:30')],
    });
    expect(a.message).toBe(
      'Der nächste freie Termin ist Mittwoch, 30. September um 9 Uhr bei Anna, außerdem 13:30 Uhr oder 17:30 Uhr.',
    );
  });

  describe('a part of the day without room, the same day around it offered', () => {
    const noon = parseGermanDayWindow('mittags');
    const around = (
      salonAsked: BranchContext,
      reason: NoRoomReason,
      named = false,
    ): OpenAvailabilityOutcome => ({
      kind: 'none-that-day',
      ...base(salonAsked, named, noon),
      date: DAY,
      reason,
      nearest: { date: DAY, starts: [at(DAY, '11:15'), at(DAY, '14:00', 'p1')], aroundPart: true },
    });

    it.each<[NoRoomReason, boolean, string]>([
      [
        'too-long-before-break',
        false,
        'Mittags passt Färben nicht mehr vor die Pause; am Mittwoch, 30. September ginge 11:15 Uhr bei Anna oder 14 Uhr bei Ben.',
      ],
      [
        'fully-booked',
        false,
        'Mittags ist leider alles ausgebucht; am Mittwoch, 30. September ginge 11:15 Uhr bei Anna oder 14 Uhr bei Ben.',
      ],
      [
        'too-late',
        false,
        'Mittags ist leider nichts mehr frei; am Mittwoch, 30. September ginge 11:15 Uhr bei Anna oder 14 Uhr bei Ben.',
      ],
      [
        'stylist-absent',
        true,
        'Mittags ist Anna leider nicht da; am Mittwoch, 30. September ginge 11:15 Uhr bei Anna oder 14 Uhr bei Ben.',
      ],
    ])('%s: one sentence, the part first, then the same day', (reason, named, message) => {
      const colour = salonOf(['Anna', 'Ben'], 'Färben');
      const a = presentOpenAvailability(colour, around(colour, reason, named));
      expect(a.message).toBe(message);
      expect(a).toMatchObject({
        success: false,
        available: false,
        reason,
        nearest: { date: DAY, same_day: true },
      });
    });

    it('fits 200 characters with 150-character names, the times still said', () => {
      for (const service of LONG_NAMES) {
        for (const staff of [LONG_NAMES, [...LONG_NAMES].reverse()]) {
          const long = salonOf(staff, service);
          for (const reason of ['too-long-before-break', 'fully-booked', 'too-long'] as const) {
            const a = presentOpenAvailability(long, around(long, reason, true));
            expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
            expect(a.message).toMatch(/^Mittags .*11:15 Uhr/);
          }
        }
      }
    });
  });

  it('a week with a part of the day says the part after the stylist', () => {
    const evening = { kind: 'evening', fromMinute: 17 * 60, toMinute: 24 * 60 } as const;
    const a = presentOpenAvailability(salon, {
      kind: 'open-week',
      ...base(salon, true, evening),
      days: [
        { date: '2026-09-29', first: at('2026-09-29', '17:00') },
        { date: DAY, first: at(DAY, '17:30') },
      ],
    });
    expect(a.message).toBe(
      'Frei ist bei Anna abends am Dienstag ab 17 Uhr und Mittwoch ab 17:30 Uhr.',
    );
  });

  it('a week: the days and their first start', () => {
    const a = presentOpenAvailability(salon, {
      kind: 'open-week',
      ...base(salon, true),
      days: [
        { date: '2026-09-29', first: at('2026-09-29', '16:00') },
        { date: DAY, first: at(DAY, '09:00') },
      ],
    });
    expect(a.message).toBe('Frei ist bei Anna am Dienstag ab 16 Uhr und Mittwoch ab 9 Uhr.');
    expect(a.days).toEqual([
      expect.objectContaining({ date: '2026-09-29', weekday: 'Dienstag' }),
      expect.objectContaining({ date: DAY, weekday: 'Mittwoch' }),
    ]);
  });

  it.each<[NoRoomReason, string, string]>([
    ['closed', 'AVAILABILITY.CLOSED_DAY', 'Am Mittwoch, 30. September ist der Salon geschlossen.'],
    ['stylist-absent', 'AVAILABILITY.STYLIST_ABSENT', 'ist Anna leider nicht da.'],
    ['fully-booked', 'AVAILABILITY.FULLY_BOOKED', 'ist Anna leider ausgebucht.'],
    ['outside-hours', 'AVAILABILITY.OUTSIDE_OPENING_HOURS', 'hat der Salon nicht geöffnet.'],
    ['too-late', 'AVAILABILITY.TOO_SHORT_NOTICE', 'ist leider nichts mehr frei.'],
    ['too-long', 'AVAILABILITY.TOO_LONG_BEFORE_CLOSING', 'passt das nicht mehr vor Ladenschluss.'],
    [
      'too-long-before-break',
      'AVAILABILITY.TOO_LONG_BEFORE_BREAK',
      'passt das nicht mehr vor die Pause.',
    ],
    [
      'out-of-range',
      'AVAILABILITY.BEYOND_HORIZON',
      'Am Mittwoch, 30. September vergebe ich noch keine Termine, so weit im Voraus buchen wir nicht.',
    ],
  ])('no room (%s) says why and offers the nearest day', (reason, code, why) => {
    const a = presentOpenAvailability(salon, {
      kind: 'none-that-day',
      ...base(salon, true),
      date: DAY,
      reason,
      nearest: {
        date: '2026-10-01',
        starts: [at('2026-10-01', '09:00'), at('2026-10-01', '15:00')],
      },
    });
    expect(a).toMatchObject({ success: false, code, reason, nearest: { date: '2026-10-01' } });
    expect(a.message).toContain(why);
    expect(a.message).toMatch(/Frei wäre Donnerstag, 1\. Oktober um 9 Uhr oder 15 Uhr\.$/);
  });

  it('a day of another year is said with its year, a day of this year without', () => {
    const outcome: OpenAvailabilityOutcome = {
      kind: 'open-day',
      ...base(salon, true),
      date: DAY,
      starts: [at(DAY, '13:00')],
    };
    expect(presentOpenAvailability({ ...salon, thisYear: 2025 }, outcome).message).toBe(
      'Am Mittwoch, 30. September 2026 wäre frei um 13 Uhr bei Anna.',
    );
    expect(presentOpenAvailability({ ...salon, thisYear: 2026 }, outcome).message).toBe(
      'Am Mittwoch, 30. September wäre frei um 13 Uhr bei Anna.',
    );
  });

  it('starts other calls kept taking are read out as not reserved', () => {
    const a = presentOpenAvailability(salon, {
      kind: 'open-day',
      ...base(salon, true),
      unreserved: true,
      date: DAY,
      starts: [at(DAY, '13:00'), at(DAY, '15:30')],
    });
    expect(a).toMatchObject({ code: 'OK', hold: null, reserved: false });
    expect(a.message).toBe(
      'Am Mittwoch, 30. September wäre frei um 13 Uhr oder 15:30 Uhr bei Anna. Noch ist keine davon reserviert.',
    );
  });

  it('no room anywhere near says so', () => {
    const a = presentOpenAvailability(salon, {
      kind: 'none-those-days',
      ...base(salon, false),
      dates: ['2026-09-28', '2026-10-04'],
      reason: 'fully-booked',
      nearest: undefined,
    });
    expect(a.message).toBe(
      'Von Montag, 28. September bis Sonntag, 4. Oktober ist leider alles ausgebucht. In nächster Zeit habe ich dafür leider keinen freien Termin gefunden.',
    );
  });
});

describe('open availability answers with the longest names stay speakable', () => {
  const names = fc.constantFrom(...LONG_NAMES);
  const windowed = fc.option(
    fc.constantFrom('vormittags', 'zwischen 9:30 und 11:45', 'nach 16 Uhr', 'abends'),
    { nil: undefined },
  );
  const reasons = fc.constantFrom<NoRoomReason>(
    'closed',
    'stylist-absent',
    'fully-booked',
    'outside-hours',
    'too-late',
    'too-long',
    'too-long-before-break',
    'out-of-range',
  );
  const WEEK = [
    '2026-09-28',
    '2026-09-29',
    DAY,
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-05',
  ];

  it('every outcome, every name, at most 200 characters', () => {
    fc.assert(
      fc.property(
        fc.array(names, { minLength: 3, maxLength: 3 }),
        names,
        fc.boolean(),
        windowed,
        reasons,
        fc.boolean(),
        fc.boolean(),
        (staff, service, named, phrase, reason, lastYear, unreserved) => {
          // Asked the year before, every day is said with its year.
          const salon = { ...salonOf(staff, service), thisYear: lastYear ? 2025 : 2026 };
          const b = {
            ...base(salon, named, phrase ? parseGermanDayWindow(phrase) : undefined),
            ...(unreserved ? { unreserved: true as const } : {}),
          };
          const three = [at(DAY, '09:15', 'p0'), at(DAY, '13:45', 'p1'), at(DAY, '17:45', 'p2')];
          const outcomes: OpenAvailabilityOutcome[] = [
            { kind: 'open-day', ...b, date: DAY, starts: three },
            { kind: 'earliest', ...b, date: DAY, starts: three },
            { kind: 'earliest', ...b, date: DAY, starts: three.slice(0, 1) },
            {
              kind: 'open-week',
              ...b,
              days: WEEK.map((d, i) => ({ date: d, first: at(d, '09:45', `p${i % 3}`) })),
            },
            {
              kind: 'open-week',
              ...b,
              days: [WEEK[0], '2026-10-12', '2026-10-21'].map((d) => ({
                date: d,
                first: at(d, '10:15'),
              })),
            },
            {
              kind: 'none-that-day',
              ...b,
              date: DAY,
              reason,
              nearest: { date: DAY, starts: three.slice(1) },
            },
            {
              kind: 'none-that-day',
              ...b,
              date: DAY,
              reason,
              nearest: { date: DAY, starts: [three[0], three[2]], aroundPart: true },
            },
            { kind: 'none-that-day', ...b, date: DAY, reason, nearest: undefined },
            {
              kind: 'none-those-days',
              ...b,
              dates: WEEK,
              reason,
              nearest: { date: '2026-10-07', starts: three },
            },
            {
              kind: 'none-those-days',
              ...b,
              dates: WEEK,
              reason,
              nearest: { date: '2026-09-26', starts: three, earlier: true },
            },
            { kind: 'none-in-horizon', ...b },
          ];
          for (const outcome of outcomes) {
            const a = presentOpenAvailability(salon, outcome);
            expect(a.message.length).toBeLessThanOrEqual(MAX_SPOKEN_CHARS);
            expect(a.message).toMatch(/[.?]$/);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
