import { Service } from '../salon/service';
import { TimeRange } from '../shared/time-range';
import { WeeklyHours } from '../salon/weekly-hours';
import { AvailabilityEngine } from './availability-engine';
import { BusyInterval, busyOfAppointments, busyOfCalendar, busyOfHolds } from './busy-interval';
import { Hold } from '../appointment/hold';
import {
  at,
  booked,
  branch,
  calendarOf,
  colour,
  cut,
  cutWithBuffer,
  engine,
  hhmm,
  longCut,
  MONDAY,
  perm,
  stylist,
  SUNDAY,
  TUESDAY,
  withLunch,
} from './salon.fixture';

const reasonOf = (e: AvailabilityEngine, start: Date, staffId = 'anna'): string => {
  const r = e.checkStart(start, staffId);
  return r.ok ? 'FREE' : r.error.reason;
};

describe('AvailabilityEngine.checkStart', () => {
  describe('the incident, both ways (SPEC rule 1)', () => {
    const simpleTenToQuarterPastTwelve = busyOfAppointments([booked(longCut, at(MONDAY, '10:00'))]);
    const permAtNine = busyOfAppointments([booked(perm, at(MONDAY, '09:00'))]);

    it.each`
      case                                                     | service   | busy                            | time       | expected
      ${'simple 10:00-12:15 makes a perm at 10:45 taken'}      | ${perm}   | ${simpleTenToQuarterPastTwelve} | ${'10:45'} | ${'CONFLICT'}
      ${'perm right after the simple one is free'}             | ${perm}   | ${simpleTenToQuarterPastTwelve} | ${'12:15'} | ${'FREE'}
      ${'a perm at 09:30 rinses inside the simple one'}        | ${perm}   | ${simpleTenToQuarterPastTwelve} | ${'09:30'} | ${'CONFLICT'}
      ${'a 30-minute cut fits the 40-minute processing gap'}   | ${cut}    | ${permAtNine}                   | ${'09:30'} | ${'FREE'}
      ${'a cut at 09:40 ends exactly when rinsing starts'}     | ${cut}    | ${permAtNine}                   | ${'09:40'} | ${'FREE'}
      ${'a cut at 09:45 runs into the rinse'}                  | ${cut}    | ${permAtNine}                   | ${'09:45'} | ${'CONFLICT'}
      ${'a cut during wrapping is taken'}                      | ${cut}    | ${permAtNine}                   | ${'09:15'} | ${'CONFLICT'}
      ${'a composite whose busy steps fall in the gaps fits'}  | ${colour} | ${permAtNine}                   | ${'09:30'} | ${'FREE'}
      ${'the same composite shifted by 15 minutes does not'}   | ${colour} | ${permAtNine}                   | ${'09:45'} | ${'CONFLICT'}
      ${'a perm cannot start inside another perm'}             | ${perm}   | ${permAtNine}                   | ${'09:30'} | ${'CONFLICT'}
      ${'a perm right after the last step of another is free'} | ${perm}   | ${permAtNine}                   | ${'11:05'} | ${'FREE'}
    `('$case', ({ service, busy, time, expected }) => {
      expect(reasonOf(engine({ service, busy }), at(MONDAY, time))).toBe(expected);
    });

    it('names the kind of interval it collided with', () => {
      const r = engine({ service: perm, busy: simpleTenToQuarterPastTwelve }).checkStart(
        at(MONDAY, '10:45'),
        'anna',
      );
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'AVAILABILITY.SLOT_TAKEN', conflictKind: 'appointment' },
      });
    });
  });

  describe('buffers keep the stylist busy after the last step', () => {
    const cutAtTen = busyOfAppointments([booked(cut, at(MONDAY, '10:00'))]);
    const bufferedAtTen = busyOfAppointments([booked(cutWithBuffer, at(MONDAY, '10:00'))]);
    it.each`
      case                                             | service          | busy             | time       | expected
      ${'buffer ends exactly at the next appointment'} | ${cutWithBuffer} | ${cutAtTen}      | ${'09:15'} | ${'FREE'}
      ${'buffer runs into the next appointment'}       | ${cutWithBuffer} | ${cutAtTen}      | ${'09:30'} | ${'CONFLICT'}
      ${'a booked buffer blocks the next cut'}         | ${cut}           | ${bufferedAtTen} | ${'10:30'} | ${'CONFLICT'}
      ${'after the booked buffer the stylist is free'} | ${cut}           | ${bufferedAtTen} | ${'10:45'} | ${'FREE'}
      ${'the buffer must lie inside opening hours'}    | ${cutWithBuffer} | ${[]}            | ${'17:30'} | ${'RUNS_PAST_OPENING_HOURS'}
      ${'the buffer may end exactly at closing'}       | ${cutWithBuffer} | ${[]}            | ${'17:15'} | ${'FREE'}
    `('$case', ({ service, busy, time, expected }) => {
      expect(reasonOf(engine({ service, busy }), at(MONDAY, time))).toBe(expected);
    });
  });

  describe('opening hours, working hours and closed days', () => {
    const lunch = branch({ openingHours: withLunch, closedDates: [TUESDAY] });
    // Continuous opening, but the stylist takes 12:00-12:40 off.
    const breakAtNoon = stylist({
      workingHours: WeeklyHours.sameOn(
        [1, 2, 3, 4, 5, 6],
        [
          { from: '09:00', to: '12:00' },
          { from: '12:40', to: '18:00' },
        ],
      ),
    });
    const offMonday = stylist({
      workingHours: WeeklyHours.of({ 2: [{ from: '09:00', to: '18:00' }] }),
    });

    it.each`
      case                                          | service | salon       | staff                               | date       | time       | expected
      ${'cut back-to-back with the lunch closure'}  | ${cut}  | ${lunch}    | ${stylist()}                        | ${MONDAY}  | ${'11:30'} | ${'FREE'}
      ${'cut running into the lunch closure'}       | ${cut}  | ${lunch}    | ${stylist()}                        | ${MONDAY}  | ${'11:45'} | ${'RUNS_PAST_OPENING_HOURS'}
      ${'cut starting in the lunch closure'}        | ${cut}  | ${lunch}    | ${stylist()}                        | ${MONDAY}  | ${'12:00'} | ${'OUTSIDE_OPENING_HOURS'}
      ${'cut late in the lunch closure'}            | ${cut}  | ${lunch}    | ${stylist()}                        | ${MONDAY}  | ${'12:45'} | ${'OUTSIDE_OPENING_HOURS'}
      ${'cut right after lunch'}                    | ${cut}  | ${lunch}    | ${stylist()}                        | ${MONDAY}  | ${'13:00'} | ${'FREE'}
      ${'a perm may not span the lunch closure'}    | ${perm} | ${lunch}    | ${stylist()}                        | ${MONDAY}  | ${'11:00'} | ${'RUNS_PAST_OPENING_HOURS'}
      ${'before opening'}                           | ${cut}  | ${branch()} | ${stylist()}                        | ${MONDAY}  | ${'08:45'} | ${'OUTSIDE_OPENING_HOURS'}
      ${'ending exactly at closing'}                | ${cut}  | ${branch()} | ${stylist()}                        | ${MONDAY}  | ${'17:30'} | ${'FREE'}
      ${'ending after closing'}                     | ${cut}  | ${branch()} | ${stylist()}                        | ${MONDAY}  | ${'17:45'} | ${'RUNS_PAST_OPENING_HOURS'}
      ${'starting at closing'}                      | ${cut}  | ${branch()} | ${stylist()}                        | ${MONDAY}  | ${'18:00'} | ${'OUTSIDE_OPENING_HOURS'}
      ${'starting after closing'}                   | ${cut}  | ${branch()} | ${stylist()}                        | ${MONDAY}  | ${'19:00'} | ${'OUTSIDE_OPENING_HOURS'}
      ${'a closed date'}                            | ${cut}  | ${lunch}    | ${stylist()}                        | ${TUESDAY} | ${'10:00'} | ${'CLOSED_DAY'}
      ${'a weekday without opening hours'}          | ${cut}  | ${branch()} | ${stylist()}                        | ${SUNDAY}  | ${'10:00'} | ${'CLOSED_DAY'}
      ${'rinse would fall in the stylist break'}    | ${perm} | ${branch()} | ${breakAtNoon}                      | ${MONDAY}  | ${'11:00'} | ${'OUTSIDE_WORKING_HOURS'}
      ${'the break falls in processing time: fine'} | ${perm} | ${branch()} | ${breakAtNoon}                      | ${MONDAY}  | ${'11:30'} | ${'FREE'}
      ${'a stylist who does not work that day'}     | ${cut}  | ${branch()} | ${offMonday}                        | ${MONDAY}  | ${'10:00'} | ${'OUTSIDE_WORKING_HOURS'}
      ${'a stylist who does not offer the service'} | ${perm} | ${branch()} | ${stylist({ serviceIds: ['cut'] })} | ${MONDAY}  | ${'10:00'} | ${'SERVICE_NOT_OFFERED'}
    `('$case', ({ service, salon, staff, date, time, expected }) => {
      const e = engine({ service, salon, stylists: [{ staff, busy: [] }] });
      expect(reasonOf(e, at(date, time))).toBe(expected);
    });

    it.each`
      case                                 | service | time       | closesAt   | reopensLater
      ${'a perm spanning the lunch break'} | ${perm} | ${'11:00'} | ${'12:00'} | ${true}
      ${'a cut running past closing'}      | ${cut}  | ${'17:45'} | ${'18:00'} | ${false}
    `(
      '$case: open at the start, and says when it closes',
      ({ service, time, closesAt, reopensLater }) => {
        const e = engine({ service, salon: lunch, stylists: [{ staff: stylist(), busy: [] }] });
        const r = e.checkStart(at(MONDAY, time), 'anna');
        expect(r.ok ? r : r.error).toMatchObject({
          code: 'AVAILABILITY.RUNS_PAST_OPENING_HOURS',
          closesAt: at(MONDAY, closesAt),
          reopensLater,
        });
      },
    );
  });

  describe('notice, horizon and the past', () => {
    const noticed = Service.simple(
      { id: 'cut', name: 'Schnitt', minNoticeMinutes: 60, bookingHorizonDays: 30 },
      30,
    );
    const now = at(MONDAY, '09:00');
    it.each`
      case                             | date            | time       | expected
      ${'before now'}                  | ${MONDAY}       | ${'08:30'} | ${'IN_THE_PAST'}
      ${'inside the minimum notice'}   | ${MONDAY}       | ${'09:45'} | ${'TOO_SHORT_NOTICE'}
      ${'exactly the minimum notice'}  | ${MONDAY}       | ${'10:00'} | ${'FREE'}
      ${'the last day of the horizon'} | ${'2026-07-15'} | ${'17:00'} | ${'FREE'}
      ${'the day after the horizon'}   | ${'2026-07-16'} | ${'10:00'} | ${'BEYOND_HORIZON'}
    `('$case', ({ date, time, expected }) => {
      expect(reasonOf(engine({ service: noticed, now }), at(date, time))).toBe(expected);
    });

    it.each`
      case                                           | closedDates                     | wish                         | last
      ${'the horizon’s last day'}                    | ${[]}                           | ${at('2026-07-16', '10:00')} | ${'2026-07-15'}
      ${'however far the wish'}                      | ${[]}                           | ${at('2031-06-15', '03:00')} | ${'2026-07-15'}
      ${'the last open day when the last is closed'} | ${['2026-07-15', '2026-07-14']} | ${at('2027-01-01', '10:00')} | ${'2026-07-13'}
    `('beyond the horizon names $case as the last bookable day', ({ closedDates, wish, last }) => {
      const e = engine({ service: noticed, now, salon: branch({ closedDates }) });
      expect(e.checkStart(wish, 'anna')).toMatchObject({
        ok: false,
        error: { code: 'AVAILABILITY.BEYOND_HORIZON', lastBookableDate: last },
      });
    });
  });

  describe('every kind of busy interval blocks', () => {
    const ten = TimeRange.fromMinutes(at(MONDAY, '10:00'), 30);
    const otherCallsHold = Hold.place({
      callId: 'call_other',
      staffId: 'anna',
      service: cut,
      start: at(MONDAY, '10:00'),
      now: at('2026-06-01', '07:59'),
      id: 'h1',
    });
    it.each<[string, BusyInterval[], string]>([
      ['a calendar busy time', busyOfCalendar([ten]), 'calendar'],
      [
        'another call’s live hold',
        busyOfHolds([otherCallsHold], at('2026-06-01', '08:00')),
        'hold',
      ],
    ])('%s', (_case, busy, kind) => {
      const r = engine({ service: cut, busy }).checkStart(at(MONDAY, '10:15'), 'anna');
      expect(r).toMatchObject({ ok: false, error: { conflictKind: kind } });
    });

    it('an absence of the stylist', () => {
      const staff = stylist({
        absences: [TimeRange.of(at(MONDAY, '00:00'), at(TUESDAY, '00:00'))],
      });
      const r = engine({ service: cut, stylists: [{ staff, busy: [] }] }).checkStart(
        at(MONDAY, '10:00'),
        'anna',
      );
      expect(r).toMatchObject({ ok: false, error: { conflictKind: 'absence' } });
    });

    it('the asking call’s own hold and expired holds do not block', () => {
      const mine = busyOfHolds([otherCallsHold], at('2026-06-01', '08:00'), 'call_other');
      const expired = busyOfHolds([otherCallsHold], at('2026-06-01', '08:02'));
      expect(mine).toEqual([]);
      expect(expired).toEqual([]);
    });
  });

  it('answers the free start with its end and stylist', () => {
    const r = engine({ service: perm }).checkStart(at(MONDAY, '10:00'), 'anna');
    expect(r.ok && { staffId: r.value.staffId, end: hhmm(r.value.end) }).toEqual({
      staffId: 'anna',
      end: '12:05',
    });
  });

  it('refuses an unknown stylist', () => {
    const r = engine({ service: cut }).checkStart(at(MONDAY, '10:00'), 'nobody');
    expect(r).toMatchObject({ ok: false, error: { code: 'AVAILABILITY.UNKNOWN_STYLIST' } });
  });

  describe('checkAnyStylist', () => {
    const anna = stylist();
    const ben = stylist({ id: 'ben', name: 'Ben' });
    const appts = [booked(cut, at(MONDAY, '10:00'), 'anna')];

    it('takes the first stylist who is free', () => {
      const e = engine({ service: cut, stylists: [calendarOf(anna, appts), calendarOf(ben)] });
      expect(e.checkAnyStylist(at(MONDAY, '10:00'))).toMatchObject({
        ok: true,
        value: { staffId: 'ben' },
      });
    });

    it('gives the first stylist’s reason when nobody is free', () => {
      const e = engine({ service: cut, stylists: [calendarOf(anna, appts)] });
      expect(e.checkAnyStylist(at(MONDAY, '10:00'))).toMatchObject({
        ok: false,
        error: { reason: 'CONFLICT' },
      });
    });

    it('says the service is not offered when no stylist is known', () => {
      const e = engine({ service: cut, stylists: [] });
      expect(e.checkAnyStylist(at(MONDAY, '10:00'))).toMatchObject({
        ok: false,
        error: { code: 'AVAILABILITY.SERVICE_NOT_OFFERED' },
      });
    });
  });
});
