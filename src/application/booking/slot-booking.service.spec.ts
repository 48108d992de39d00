import { Appointment } from '../../domain/appointment/appointment';
import { SlotTaken } from '../../domain/availability/availability.errors';
import { cut } from '../../domain/availability/salon.fixture';
import { err, ok } from '../../domain/shared/result';
import { SyncKicker } from '../ports/sync-queue.port';
import {
  anna,
  freeFor,
  NOW,
  salon,
  scriptedAvailability,
  WISH,
} from '../../../test/fixtures/phone-booking.fixture';
import { SlotBookingService } from './slot-booking.service';

const question = { salon, service: cut, start: WISH, now: NOW, stylist: anna };
const appointmentFor = () =>
  Appointment.create({
    service: cut,
    staffId: 'anna',
    customerId: 'k1',
    start: WISH,
    source: 'admin',
  });

function core(judged: Parameters<typeof scriptedAvailability>[0]['judged']) {
  const availability = scriptedAvailability({ judged, verdicts: ['offered'] });
  let kicks = 0;
  const kicker = { kick: () => kicks++ } as SyncKicker;
  return {
    slots: new SlotBookingService(availability.service, kicker),
    kicks: () => kicks,
    ...availability,
  };
}

describe('SlotBookingService', () => {
  it('writes a start judged free, then kicks the sync', async () => {
    const { slots, kicks, steps } = core([freeFor(anna)]);
    const written: Appointment[] = [];
    const booking = await slots.book(question, {
      appointmentFor,
      write: async (a) => {
        written.push(a);
        return ok(undefined);
      },
    });
    expect(booking).toEqual({ kind: 'booked', appointment: written[0], verdicts: ['offered'] });
    expect(steps).toEqual(['judge anna']);
    expect(kicks()).toBe(1);
  });

  it('writes nothing for a start not free, and keeps the inquiry for alternatives', async () => {
    const why = new SlotTaken('calendar');
    const { slots, kicks } = core([why]);
    const write = jest.fn();
    const booking = await slots.book(question, { appointmentFor, write });
    expect(booking).toMatchObject({ kind: 'not-free', why, verdicts: ['offered'] });
    expect(booking.kind === 'not-free' && booking.inquiry.question).toBe(question);
    expect([write.mock.calls.length, kicks()]).toEqual([0, 0]);
  });

  it('passes on what the writer refused, without kicking the sync', async () => {
    const { slots, kicks } = core([freeFor(anna)]);
    const refusal = new SlotTaken('appointment');
    const booking = await slots.book(question, { appointmentFor, write: async () => err(refusal) });
    expect(booking).toMatchObject({ kind: 'write-refused', refusal });
    expect(kicks()).toBe(0);
  });

  it('judges the start the caller’s way when told how', async () => {
    const { slots, steps } = core([freeFor(anna)]);
    await slots.book(question, {
      judge: (inquiry) => inquiry.judgeHeld(anna),
      appointmentFor,
      write: async () => ok(undefined),
    });
    expect(steps).toEqual(['held anna']);
  });
});
