import { Appointment } from '../../domain/appointment/appointment';
import { Service } from '../../domain/salon/service';
import { busy, free } from '../../domain/salon/service-segment';
import { planVisit } from '../../domain/salon/visit';
import { whyNotFollow } from './calendar-move-refusal';

const cut = Service.simple({ id: 'cut', name: 'Schneiden' }, 30);
const colour = Service.segmented({ id: 'colour', name: 'Färben' }, [busy(30), free(30), busy(10)]);
const NOW = new Date('2026-11-26T14:00:00Z');
const START = new Date('2026-12-04T08:00:00Z');

const shared = () => {
  const visit = planVisit([cut, colour]);
  if (!visit.ok) throw new Error(visit.error.detail);
  return Appointment.create({
    service: visit.value,
    staffId: 'lena',
    assignment: [
      { serviceId: 'cut', staffId: 'lena' },
      { serviceId: 'colour', staffId: 'anna' },
    ],
    customerId: 'c1',
    start: START,
    source: 'voice',
  });
};

/** A move of the colour's first step by an hour, as the calendar reports it. */
const movedHourLater = (a: Appointment) => {
  const phase = a.calendarPhases[1];
  const hour = 60 * 60_000;
  return {
    phase,
    event: {
      trigger: 'BOOKING_RESCHEDULED' as const,
      uid: 'uid-new',
      start: new Date(phase.start.getTime() + hour),
      end: new Date(phase.end.getTime() + hour),
      metadata: {},
    },
  };
};

describe('following a move made in the calendar, of a visit shared by stylists', () => {
  it("follows a move of a step within its own stylist's calendar", () => {
    const a = shared();
    const { phase, event } = movedHourLater(a);
    expect(
      whyNotFollow(a, event, { phaseId: phase.id, now: NOW, stylistId: 'anna', leased: true }),
    ).toBeNull();
  });

  it("refuses one that landed in another stylist's calendar, the appointment's own included", () => {
    const a = shared();
    const { phase, event } = movedHourLater(a);
    for (const stylistId of ['lena', 'mia']) {
      expect(whyNotFollow(a, event, { phaseId: phase.id, now: NOW, stylistId, leased: true })).toBe(
        "it now sits in another stylist's calendar",
      );
    }
  });
});
