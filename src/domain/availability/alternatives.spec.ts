import { Staff } from '../salon/staff';
import {
  at,
  booked,
  branch,
  calendarOf,
  cut,
  engine,
  MONDAY,
  perm,
  stylist,
  SUNDAY,
  TUESDAY,
  wall,
} from './salon.fixture';
import { Appointment } from '../appointment/appointment';
import { Service } from '../salon/service';

const anna = stylist();
const ben = Staff.restore({ id: 'ben', name: 'Ben', serviceIds: ['cut', 'perm'] });

/** Books `service` for a stylist back to back over a local time range. */
const blocked = (staffId: string, date: string, from: string, to: string): Appointment[] => {
  const out: Appointment[] = [];
  for (let t = at(date, from).getTime(); t < at(date, to).getTime(); t += 30 * 60_000) {
    out.push(booked(cut, new Date(t), staffId));
  }
  return out;
};

const show = (list: { staffId: string; start: Date }[]): string[] =>
  list.map((s) => `${wall(s.start)} ${s.staffId}`);

describe('AvailabilityEngine.alternatives (SPEC rule 3)', () => {
  it('offers the nearest free starts, ties earlier first', () => {
    const appts = [booked(cut, at(MONDAY, '10:00'))];
    const e = engine({ service: cut, stylists: [calendarOf(anna, appts)] });
    // 09:30 and 10:30 are both 30 minutes from the wish; 09:30 comes first.
    expect(show(e.alternatives(at(MONDAY, '10:00')))).toEqual([
      '2026-06-15 09:30 anna',
      '2026-06-15 10:30 anna',
    ]);
  });

  it('gives as many as asked for, in order of closeness', () => {
    const appts = blocked('anna', MONDAY, '10:00', '12:00');
    const e = engine({ service: cut, stylists: [calendarOf(anna, appts)] });
    // Each further offer is the nearest one at least an hour from every offer before it.
    expect(show(e.alternatives(at(MONDAY, '11:00'), { count: 4 }))).toEqual([
      '2026-06-15 12:00 anna',
      '2026-06-15 09:30 anna',
      '2026-06-15 13:00 anna',
      '2026-06-15 14:00 anna',
    ]);
  });

  it('puts the asked-for stylist first, then the others', () => {
    // Within a one-day horizon Anna is free only at 12:00.
    const appts = [
      ...blocked('anna', MONDAY, '09:00', '12:00'),
      ...blocked('anna', MONDAY, '12:30', '18:00'),
    ];
    const e = engine({
      service: cut,
      stylists: [calendarOf(anna, appts), calendarOf(ben)],
      now: at(MONDAY, '08:00'),
      horizonDays: 0,
    });
    const wish = at(MONDAY, '11:00');
    expect(show(e.alternatives(wish, { preferredStaffId: 'anna', count: 1 }))).toEqual([
      '2026-06-15 12:00 anna',
    ]);
    expect(show(e.alternatives(wish, { preferredStaffId: 'anna', count: 3 }))).toEqual([
      '2026-06-15 12:00 anna',
      '2026-06-15 11:00 ben',
      '2026-06-15 10:00 ben',
    ]);
    expect(show(e.alternatives(wish))).toEqual(['2026-06-15 11:00 ben', '2026-06-15 10:00 ben']);
  });

  it('fills up with others when the asked-for stylist has nothing', () => {
    const e = engine({
      service: cut,
      stylists: [calendarOf(stylist({ serviceIds: [] })), calendarOf(ben)],
    });
    expect(show(e.alternatives(at(MONDAY, '11:00'), { preferredStaffId: 'anna' }))).toEqual([
      '2026-06-15 11:00 ben',
      '2026-06-15 10:00 ben',
    ]);
  });

  it('offers one stylist per start when any stylist will do', () => {
    const e = engine({ service: cut, stylists: [calendarOf(anna), calendarOf(ben)] });
    expect(show(e.alternatives(at(MONDAY, '11:05')))).toEqual([
      '2026-06-15 11:00 anna',
      '2026-06-15 12:00 anna',
    ]);
  });

  it.each`
    case                                          | wish                   | expected
    ${'before opening moves to opening'}          | ${at(MONDAY, '07:00')} | ${['2026-06-15 09:00 anna', '2026-06-15 10:00 anna']}
    ${'after closing moves to the next open day'} | ${at(MONDAY, '19:00')} | ${['2026-06-16 09:00 anna', '2026-06-16 10:00 anna']}
    ${'at closing moves to the next open day'}    | ${at(MONDAY, '18:00')} | ${['2026-06-16 09:00 anna', '2026-06-16 10:00 anna']}
    ${'a closed day moves to the next open day'}  | ${at(SUNDAY, '11:00')} | ${['2026-06-22 09:00 anna', '2026-06-22 10:00 anna']}
    ${'between grid starts looks both ways'}      | ${at(MONDAY, '12:20')} | ${['2026-06-15 12:15 anna', '2026-06-15 13:15 anna']}
  `('$case', ({ wish, expected }) => {
    expect(show(engine({ service: cut }).alternatives(wish))).toEqual(expected);
  });

  describe('a wish moved to the next open day is answered from that day on', () => {
    // Monday is free all day; Tuesday, the last day judged, has one gap: 09:00-10:00.
    const e = engine({
      service: cut,
      stylists: [calendarOf(anna, blocked('anna', TUESDAY, '10:00', '18:00'))],
      now: at(MONDAY, '08:00'),
      horizonDays: 1,
    });
    it.each`
      case                                                         | wish                    | expected
      ${'moved from closing: Monday is no offer, not even second'} | ${at(MONDAY, '18:00')}  | ${['2026-06-16 09:00 anna', '2026-06-16 09:15 anna']}
      ${'asked for Tuesday: Monday is the clearly different one'}  | ${at(TUESDAY, '09:00')} | ${['2026-06-16 09:00 anna', '2026-06-15 17:30 anna']}
    `('$case', ({ wish, expected }) => {
      expect(show(e.alternatives(wish))).toEqual(expected);
    });
  });

  it('rolls over to the next open day when the wish day is full', () => {
    const appts = [...blocked('anna', MONDAY, '09:00', '18:00')];
    const e = engine({
      service: cut,
      stylists: [calendarOf(anna, appts)],
      salon: branch({ closedDates: [TUESDAY] }),
    });
    expect(show(e.alternatives(at(MONDAY, '17:00')))).toEqual([
      '2026-06-17 09:00 anna',
      '2026-06-17 10:00 anna',
    ]);
  });

  it('looks back to earlier days when they are closer', () => {
    const appts = [...blocked('anna', TUESDAY, '09:00', '18:00')];
    const e = engine({ service: cut, stylists: [calendarOf(anna, appts)] });
    // From Tuesday 09:00, Monday 17:30 is 15.5 h back, Wednesday 09:00 is 24 h ahead.
    expect(show(e.alternatives(at(TUESDAY, '09:00')))).toEqual([
      '2026-06-15 17:30 anna',
      '2026-06-15 16:30 anna',
    ]);
  });

  it('moves a wish in the past or within notice to the earliest bookable start', () => {
    const noticed = Service.simple({ id: 'cut', name: 'Schnitt', minNoticeMinutes: 60 }, 30);
    const e = engine({ service: noticed, now: at(MONDAY, '10:05') });
    expect(show(e.alternatives(at(MONDAY, '08:00')))).toEqual([
      '2026-06-15 11:15 anna',
      '2026-06-15 12:15 anna',
    ]);
  });

  it('moves to the next day when notice reaches past closing', () => {
    const noticed = Service.simple({ id: 'cut', name: 'Schnitt', minNoticeMinutes: 60 }, 30);
    const e = engine({ service: noticed, now: at(MONDAY, '17:30') });
    expect(show(e.alternatives(at(MONDAY, '17:45')))).toEqual([
      '2026-06-16 09:00 anna',
      '2026-06-16 10:00 anna',
    ]);
  });

  it('looks back from a wish after the last open hour of the horizon', () => {
    const e = engine({ service: perm, now: at(MONDAY, '08:00'), horizonDays: 0 });
    expect(show(e.alternatives(at(MONDAY, '19:00')))).toEqual([
      '2026-06-15 15:45 anna',
      '2026-06-15 14:45 anna',
    ]);
  });

  it('offers nothing when nothing is free', () => {
    expect(engine({ service: cut }).alternatives(at(MONDAY, '10:00'), { count: 0 })).toEqual([]);
    expect(engine({ service: cut, stylists: [] }).alternatives(at(MONDAY, '10:00'))).toEqual([]);
  });

  it('answers a wish beyond the horizon with the last bookable starts', () => {
    const e = engine({ service: cut, now: at(MONDAY, '08:00'), horizonDays: 1 });
    expect(show(e.alternatives(at('2026-06-30', '10:00')))).toEqual([
      '2026-06-16 17:30 anna',
      '2026-06-16 16:30 anna',
    ]);
  });

  describe('another stylist free at the very time asked (issue 13)', () => {
    const clara = Staff.restore({ id: 'clara', name: 'Clara', serviceIds: ['perm'] });
    // Anna is taken 10:00-12:00 on Monday; Ben is free all day.
    const annaTaken = calendarOf(anna, blocked('anna', MONDAY, '10:00', '12:00'));
    const wish = at(MONDAY, '11:00');
    it.each`
      case                                                 | stylists                                                                         | options                                              | expected
      ${'is one of the two offers, after the asked one’s'} | ${[annaTaken, calendarOf(ben)]}                                                  | ${{ preferredStaffId: 'anna' }}                      | ${['2026-06-15 12:00 anna', '2026-06-15 11:00 ben']}
      ${'is not offered when the caller insisted'}         | ${[annaTaken, calendarOf(ben)]}                                                  | ${{ preferredStaffId: 'anna', onlyPreferred: true }} | ${['2026-06-15 12:00 anna', '2026-06-15 09:30 anna']}
      ${'only when that stylist offers the service'}       | ${[annaTaken, calendarOf(clara)]}                                                | ${{ preferredStaffId: 'anna' }}                      | ${['2026-06-15 12:00 anna', '2026-06-15 09:30 anna']}
      ${'only when that stylist is free then'}             | ${[annaTaken, calendarOf(ben, blocked('ben', MONDAY, '11:00', '11:30'))]}        | ${{ preferredStaffId: 'anna' }}                      | ${['2026-06-15 12:00 anna', '2026-06-15 09:30 anna']}
      ${'the first such stylist in the salon’s order'}     | ${[annaTaken, calendarOf(ben), calendarOf(stylist({ id: 'cem', name: 'Cem' }))]} | ${{ preferredStaffId: 'anna' }}                      | ${['2026-06-15 12:00 anna', '2026-06-15 11:00 ben']}
    `('$case', ({ stylists, options, expected }) => {
      const e = engine({ service: cut, stylists, now: at(MONDAY, '08:00') });
      expect(show(e.alternatives(wish, options))).toEqual(expected);
    });

    it('also when the asked stylist does not work at that time', () => {
      const annaOff = calendarOf(
        stylist({ absences: [], workingHours: undefined }),
        blocked('anna', MONDAY, '09:00', '18:00'),
      );
      const e = engine({
        service: cut,
        stylists: [annaOff, calendarOf(ben)],
        horizonDays: 0,
        now: at(MONDAY, '08:00'),
      });
      expect(show(e.alternatives(wish, { preferredStaffId: 'anna' }))).toEqual([
        '2026-06-15 11:00 ben',
        '2026-06-15 10:00 ben',
      ]);
    });

    it('an insisting caller hears only the asked stylist’s starts, even when they have none near', () => {
      const e = engine({
        service: cut,
        stylists: [calendarOf(anna, blocked('anna', MONDAY, '09:00', '18:00')), calendarOf(ben)],
        now: at(MONDAY, '08:00'),
      });
      expect(show(e.alternatives(wish, { preferredStaffId: 'anna', onlyPreferred: true }))).toEqual(
        ['2026-06-16 09:00 anna', '2026-06-16 10:00 anna'],
      );
    });
  });

  describe('two offers are a real choice, not neighbouring quarter-hours (issue 13)', () => {
    const now = at(MONDAY, '08:00');
    it.each`
      case                                                    | stylists                                                                                                                                                                       | options                         | horizonDays  | expected
      ${'an hour apart on one day when the day allows'}       | ${[calendarOf(anna, blocked('anna', MONDAY, '09:00', '12:00'))]}                                                                                                               | ${{}}                           | ${undefined} | ${['2026-06-15 12:00 anna', '2026-06-15 13:00 anna']}
      ${'exactly an hour apart counts as apart'}              | ${[calendarOf(anna, [booked(cut, at(MONDAY, '11:00'))])]}                                                                                                                      | ${{}}                           | ${undefined} | ${['2026-06-15 10:30 anna', '2026-06-15 11:30 anna']}
      ${'another day when the one gap is short'}              | ${[calendarOf(anna, [...blocked('anna', MONDAY, '09:00', '16:00'), ...blocked('anna', MONDAY, '16:45', '18:00')])]}                                                            | ${{}}                           | ${undefined} | ${['2026-06-15 16:00 anna', '2026-06-16 09:00 anna']}
      ${'another stylist counts when the caller named one'}   | ${[calendarOf(anna, [...blocked('anna', MONDAY, '09:00', '12:00'), ...blocked('anna', MONDAY, '12:45', '18:00')]), calendarOf(ben, blocked('ben', MONDAY, '09:00', '12:30'))]} | ${{ preferredStaffId: 'anna' }} | ${0}         | ${['2026-06-15 12:00 anna', '2026-06-15 12:30 ben']}
      ${'another stylist does not count when anyone will do'} | ${[calendarOf(anna, [...blocked('anna', MONDAY, '09:00', '12:00'), ...blocked('anna', MONDAY, '12:45', '18:00')]), calendarOf(ben, blocked('ben', MONDAY, '09:00', '12:30'))]} | ${{}}                           | ${0}         | ${['2026-06-15 12:00 anna', '2026-06-15 13:00 ben']}
      ${'neighbours when no other choice exists at all'}      | ${[calendarOf(anna, [...blocked('anna', MONDAY, '09:00', '16:00'), ...blocked('anna', MONDAY, '16:45', '18:00')])]}                                                            | ${{}}                           | ${0}         | ${['2026-06-15 16:00 anna', '2026-06-15 16:15 anna']}
    `('$case', ({ stylists, options, horizonDays, expected }) => {
      const e = engine({ service: cut, stylists, now, horizonDays });
      expect(show(e.alternatives(at(MONDAY, '11:00'), options))).toEqual(expected);
    });
  });
});
