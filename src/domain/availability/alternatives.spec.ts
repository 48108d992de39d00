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
    expect(show(e.alternatives(at(MONDAY, '11:00'), { count: 4 }))).toEqual([
      '2026-06-15 12:00 anna',
      '2026-06-15 12:15 anna',
      '2026-06-15 09:30 anna',
      '2026-06-15 12:30 anna',
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
      '2026-06-15 10:45 ben',
    ]);
    expect(show(e.alternatives(wish))).toEqual(['2026-06-15 11:00 ben', '2026-06-15 10:45 ben']);
  });

  it('fills up with others when the asked-for stylist has nothing', () => {
    const e = engine({
      service: cut,
      stylists: [calendarOf(stylist({ serviceIds: [] })), calendarOf(ben)],
    });
    expect(show(e.alternatives(at(MONDAY, '11:00'), { preferredStaffId: 'anna' }))).toEqual([
      '2026-06-15 11:00 ben',
      '2026-06-15 10:45 ben',
    ]);
  });

  it('offers one stylist per start when any stylist will do', () => {
    const e = engine({ service: cut, stylists: [calendarOf(anna), calendarOf(ben)] });
    expect(show(e.alternatives(at(MONDAY, '11:05')))).toEqual([
      '2026-06-15 11:00 anna',
      '2026-06-15 11:15 anna',
    ]);
  });

  it.each`
    case                                          | wish                   | expected
    ${'before opening moves to opening'}          | ${at(MONDAY, '07:00')} | ${['2026-06-15 09:00 anna', '2026-06-15 09:15 anna']}
    ${'after closing moves to the next open day'} | ${at(MONDAY, '19:00')} | ${['2026-06-16 09:00 anna', '2026-06-16 09:15 anna']}
    ${'at closing moves to the next open day'}    | ${at(MONDAY, '18:00')} | ${['2026-06-16 09:00 anna', '2026-06-16 09:15 anna']}
    ${'a closed day moves to the next open day'}  | ${at(SUNDAY, '11:00')} | ${['2026-06-22 09:00 anna', '2026-06-22 09:15 anna']}
    ${'inside lunch looks both ways'}             | ${at(MONDAY, '12:20')} | ${['2026-06-15 12:15 anna', '2026-06-15 12:30 anna']}
  `('$case', ({ wish, expected }) => {
    expect(show(engine({ service: cut }).alternatives(wish))).toEqual(expected);
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
      '2026-06-17 09:15 anna',
    ]);
  });

  it('looks back to earlier days when they are closer', () => {
    const appts = [...blocked('anna', TUESDAY, '09:00', '18:00')];
    const e = engine({ service: cut, stylists: [calendarOf(anna, appts)] });
    // From Tuesday 09:00, Monday 17:30 is 15.5 h back, Wednesday 09:00 is 24 h ahead.
    expect(show(e.alternatives(at(TUESDAY, '09:00')))).toEqual([
      '2026-06-15 17:30 anna',
      '2026-06-15 17:15 anna',
    ]);
  });

  it('moves a wish in the past or within notice to the earliest bookable start', () => {
    const noticed = Service.simple({ id: 'cut', name: 'Schnitt', minNoticeMinutes: 60 }, 30);
    const e = engine({ service: noticed, now: at(MONDAY, '10:05') });
    expect(show(e.alternatives(at(MONDAY, '08:00')))).toEqual([
      '2026-06-15 11:15 anna',
      '2026-06-15 11:30 anna',
    ]);
  });

  it('moves to the next day when notice reaches past closing', () => {
    const noticed = Service.simple({ id: 'cut', name: 'Schnitt', minNoticeMinutes: 60 }, 30);
    const e = engine({ service: noticed, now: at(MONDAY, '17:30') });
    expect(show(e.alternatives(at(MONDAY, '17:45')))).toEqual([
      '2026-06-16 09:00 anna',
      '2026-06-16 09:15 anna',
    ]);
  });

  it('looks back from a wish after the last open hour of the horizon', () => {
    const e = engine({ service: perm, now: at(MONDAY, '08:00'), horizonDays: 0 });
    expect(show(e.alternatives(at(MONDAY, '19:00')))).toEqual([
      '2026-06-15 15:45 anna',
      '2026-06-15 15:30 anna',
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
      '2026-06-16 17:15 anna',
    ]);
  });
});
