import { at, hhmm, MONDAY } from '../availability/salon.fixture';
import { Service } from '../salon/service';
import { busy, free } from '../salon/service-segment';
import { planVisit } from '../salon/visit';
import { Appointment } from './appointment';
import { Hold } from './hold';

const cut = Service.simple({ id: 'cut', name: 'Schneiden' }, 30);
const colour = Service.segmented({ id: 'colour', name: 'Färben', bufferAfterMinutes: 10 }, [
  busy(30),
  free(30),
  busy(10),
]);
const planned = planVisit([cut, colour]);
if (!planned.ok) throw new Error(planned.error.detail);
const visit = planned.value;
const sharing = [
  { serviceId: 'cut', staffId: 'lena' },
  { serviceId: 'colour', staffId: 'anna' },
];
let n = 0;
const ids = () => `p-${++n}`;
const nine = at(MONDAY, '09:00');
const steps = (list: ReadonlyArray<{ staffId: string; range: { start: Date; end: Date } }>) =>
  list.map((s) => [s.staffId, hhmm(s.range.start), hhmm(s.range.end)]);
const create = () =>
  Appointment.create({
    service: visit,
    staffId: 'lena',
    assignment: sharing,
    customerId: 'c1',
    start: nine,
    source: 'voice',
    newId: ids,
  });

describe('an appointment of a visit shared by stylists', () => {
  it('blocks each stylist for their own steps, the buffer with its service', () => {
    const a = create();
    expect(a.staffId).toBe('lena');
    expect(a.isShared).toBe(true);
    expect(a.stylistIds).toEqual(['lena', 'anna']);
    expect(a.assignment).toEqual(sharing);
    expect(steps(a.busySteps())).toEqual([
      ['lena', '09:00', '09:30'],
      ['anna', '09:30', '10:00'],
      ['anna', '10:30', '10:40'],
      ['anna', '10:40', '10:50'],
    ]);
    const cancelled = a.cancel();
    expect(cancelled.ok && cancelled.value.busySteps()).toEqual([]);
  });

  it('a visit with one stylist names none on its phases, as rows always did', () => {
    const whole = Appointment.create({
      service: visit,
      staffId: 'anna',
      assignment: [
        { serviceId: 'cut', staffId: 'anna' },
        { serviceId: 'colour', staffId: 'anna' },
      ],
      customerId: 'c1',
      start: nine,
      source: 'voice',
      newId: ids,
    });
    expect(whole.phases.every((p) => p.staffId === undefined)).toBe(true);
    expect(whole.isShared).toBe(false);
    expect(whole.assignment).toBeUndefined();
  });

  it('a move keeps the sharing unless a new one is given', () => {
    const a = create();
    const kept = a.reschedule(at(MONDAY, '14:00'), visit, ids);
    expect(kept.ok && steps(kept.value.busySteps())[1]).toEqual(['anna', '14:30', '15:00']);
    const replanned = a.reschedule(at(MONDAY, '14:00'), visit, ids, { staffId: 'mia' });
    expect(replanned.ok && replanned.value.staffId).toBe('mia');
    expect(replanned.ok && replanned.value.isShared).toBe(false);
  });

  it('a staff merge moves the phases of the merged stylist and renews them', () => {
    const a = create();
    const merged = a.afterStaffMove(ids, { from: 'anna', to: 'mia' });
    if (!merged.ok) throw new Error(merged.error.code);
    expect(merged.value.assignment).toEqual([
      { serviceId: 'cut', staffId: 'lena' },
      { serviceId: 'colour', staffId: 'mia' },
    ]);
    expect(merged.value.phases.every((p, i) => p.id !== a.phases[i].id)).toBe(true);
    // Merged into the other stylist of the visit: one stylist again, phases name none.
    const into = a.afterStaffMove(ids, { from: 'anna', to: 'lena' });
    expect(into.ok && into.value.isShared).toBe(false);
    expect(into.ok && into.value.phases.every((p) => p.staffId === undefined)).toBe(true);
  });

  it('its hold blocks the same steps and covers only the same sharing', () => {
    const hold = Hold.place({
      callId: 'call_1',
      staffId: 'lena',
      service: visit,
      start: nine,
      now: at(MONDAY, '08:00'),
      assignment: sharing,
    });
    expect(steps(hold.busySteps())).toEqual(steps(create().busySteps()));
    const booking = { callId: 'call_1', staffId: 'lena', serviceId: 'cut', start: nine };
    expect(hold.covers({ ...booking, assignment: sharing })).toBe(true);
    expect(hold.covers(booking)).toBe(false);
    expect(
      hold.covers({
        ...booking,
        assignment: [sharing[0], { serviceId: 'colour', staffId: 'mia' }],
      }),
    ).toBe(false);
  });
});
