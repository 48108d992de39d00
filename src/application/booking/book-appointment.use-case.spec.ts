import { Appointment } from '../../domain/appointment/appointment';
import { Hold } from '../../domain/appointment/hold';
import { SlotTaken } from '../../domain/availability/availability.errors';
import { cut } from '../../domain/availability/salon.fixture';
import { err, ok } from '../../domain/shared/result';
import { AppointmentRepository } from '../ports/appointment.repository.port';
import { PhoneBookingFacts, PhoneBookingReader } from '../ports/phone-booking-reader.port';
import {
  ALREADY_BOOKED,
  PhoneBooking,
  PhoneBookingWriter,
} from '../ports/phone-booking-writer.port';
import { BookingOutcome, PhoneMetrics } from '../ports/phone-metrics.port';
import { SyncKicker } from '../ports/sync-queue.port';
import { BookAppointmentUseCase } from './book-appointment.use-case';
import { SlotBookingService } from './slot-booking.service';
import {
  anna,
  freeFor,
  NOW,
  salon,
  scriptedAvailability,
  WISH,
  WISH_ARGS,
} from '../../../test/fixtures/phone-booking.fixture';

const CALLER = '+4915112345678';
const call = { companyId: 'c1', branchId: 'b1', callId: 'call_1', callerNumber: CALLER };
const ARGS = { ...WISH_ARGS, name: 'Eva Braun' };

interface World {
  judged?: Parameters<typeof scriptedAvailability>[0]['judged'];
  facts?: Partial<PhoneBookingFacts>;
  writes?: Array<SlotTaken | typeof ALREADY_BOOKED>;
  /** What a lookup by idempotency key finds (a twin delivery's booking). */
  twin?: Appointment;
  earlier?: Appointment;
  /** What recording the caller's consent does (default: applies to one customer). */
  consent?: () => Promise<number>;
}

function useCase(w: World = {}) {
  const availability = scriptedAvailability({ judged: w.judged, verdicts: ['offered'] });
  const written: PhoneBooking[] = [];
  const counted: BookingOutcome[] = [];
  let kicks = 0;
  const consents: Array<{ ids: readonly string[]; change: unknown }> = [];
  const writes = [...(w.writes ?? [])];
  const writer = {
    write: async (_scope: unknown, booking: PhoneBooking) => {
      written.push(booking);
      const refusal = writes.shift();
      return refusal ? err(refusal) : ok(undefined);
    },
  } as unknown as PhoneBookingWriter;
  const reader = {
    facts: async () => ({
      earlierAppointmentId: w.earlier?.id ?? null,
      heldByCall: [],
      customersWithNumber: [],
      ...w.facts,
    }),
  } as unknown as PhoneBookingReader;
  const appointments = {
    findById: async () => w.earlier ?? null,
    findByIdempotencyKey: async () => w.twin ?? null,
  } as unknown as AppointmentRepository;
  const kicker = { kick: () => kicks++ } as unknown as SyncKicker;
  const metrics = { booking: (o: BookingOutcome) => counted.push(o) } as unknown as PhoneMetrics;
  const book = new BookAppointmentUseCase(
    { now: () => NOW },
    writer,
    reader,
    appointments,
    new SlotBookingService(availability.service, kicker),
    metrics,
    {
      record: async (_scope: unknown, ids: readonly string[], change: unknown) => {
        consents.push({ ids, change });
        return w.consent ? w.consent() : 1;
      },
    },
  );
  return { book, written, counted, consents, kicks: () => kicks, ...availability };
}

const appointmentAtWish = () =>
  Appointment.create({
    service: cut,
    staffId: 'anna',
    customerId: 'k1',
    start: WISH,
    source: 'voice',
  });

describe('BookAppointmentUseCase', () => {
  it.each`
    args                            | caller         | reason
    ${{ ...ARGS, name: ' ' }}       | ${CALLER}      | ${'NAME_MISSING'}
    ${{ ...ARGS, email: 'kaputt' }} | ${CALLER}      | ${'EMAIL_INVALID'}
    ${ARGS}                         | ${'anonymous'} | ${'PHONE_NEEDED'}
  `('refuses with $reason before it reads anything', async ({ args, caller, reason }) => {
    const { book, questions, counted } = useCase();
    expect(await book.execute(salon, { ...call, callerNumber: caller }, args)).toEqual({
      kind: 'refused',
      reason,
    });
    expect(questions).toEqual([]);
    expect(counted).toEqual(['refused']);
  });

  it.each`
    said            | caller         | spoken                               | recorded
    ${'ja'}         | ${CALLER}      | ${undefined}                         | ${'given'}
    ${'nein'}       | ${CALLER}      | ${undefined}                         | ${'refused'}
    ${'vielleicht'} | ${CALLER}      | ${undefined}                         | ${undefined}
    ${'ja'}         | ${'anonymous'} | ${'null eins sieben eins 2345 6789'} | ${undefined}
  `(
    'consent $said from $caller is recorded as $recorded for the booking’s customer',
    async ({ said, caller, spoken, recorded }) => {
      const { book, consents } = useCase();
      const outcome = await book.execute(
        salon,
        { ...call, callerNumber: caller },
        { ...ARGS, consent: said, ...(spoken ? { callbackNumber: spoken } : {}) },
      );
      expect(outcome.kind).toBe('booked');
      expect((outcome as { consent?: string }).consent).toBe(recorded);
      expect(consents).toHaveLength(recorded ? 1 : 0);
      if (recorded) {
        expect(consents[0].change).toEqual({
          given: recorded === 'given',
          source: 'booking',
          callId: 'call_1',
          at: NOW,
        });
      }
    },
  );

  it('a consent that cannot be written leaves the booking answered, without consent', async () => {
    const failing = async (): Promise<number> => {
      throw new Error('connection lost');
    };
    const { book } = useCase({ consent: failing });
    const outcome = await book.execute(salon, call, { ...ARGS, consent: 'ja' });
    expect(outcome).toMatchObject({ kind: 'booked', repeated: false });
    expect(outcome).not.toHaveProperty('consent');
  });

  it('books a free start in one write, kicks the sync and counts the booking', async () => {
    const { book, written, counted, kicks, steps } = useCase();
    const outcome = await book.execute(salon, call, ARGS);
    expect(outcome).toMatchObject({ kind: 'booked', repeated: false, verdicts: ['offered'] });
    expect(steps).toEqual(['judge anyone']);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      appointment: { staffId: 'anna', start: WISH, source: 'voice' },
      customerIsNew: true,
      callId: 'call_1',
      audit: { action: 'appointment.booked', actor: 'call:call_1' },
    });
    expect(outcome.kind === 'booked' && outcome.appointment).toBe(written[0].appointment);
    expect(kicks()).toBe(1);
    expect(counted).toEqual(['booked']);
  });

  it('a start this call holds is judged for the held stylist by the salon’s rules alone', async () => {
    const hold = Hold.place({
      callId: 'call_1',
      staffId: 'anna',
      service: cut,
      start: WISH,
      now: NOW,
      minutes: 3,
    });
    const { book, steps } = useCase({ facts: { heldByCall: [hold] } });
    expect(await book.execute(salon, call, ARGS)).toMatchObject({ kind: 'booked', verdicts: [] });
    expect(steps).toEqual(['held anna']);
  });

  it('a repeated request answers the booking its earlier delivery made', async () => {
    const earlier = appointmentAtWish();
    const { book, written, counted, questions } = useCase({ earlier });
    expect(await book.execute(salon, call, ARGS)).toEqual({
      kind: 'booked',
      appointment: earlier,
      repeated: true,
      verdicts: [],
    });
    expect([written, questions]).toEqual([[], []]);
    expect(counted).toEqual(['repeated']);
  });

  it('a start taken is answered with alternatives, unless a twin delivery took it', async () => {
    const taken = useCase({ judged: [new SlotTaken('appointment')] });
    expect(await taken.book.execute(salon, call, ARGS)).toMatchObject({ kind: 'unavailable' });
    expect(taken.steps).toEqual(['judge anyone', 'refusal']);
    expect(taken.counted).toEqual(['taken']);

    const twin = appointmentAtWish();
    const raced = useCase({ judged: [new SlotTaken('appointment')], twin });
    expect(await raced.book.execute(salon, call, ARGS)).toMatchObject({
      kind: 'booked',
      repeated: true,
      appointment: twin,
    });
  });

  it('a start lost at the write is answered with fresh alternatives, or the twin’s booking', async () => {
    const lost = useCase({ writes: [new SlotTaken('appointment')] });
    expect(await lost.book.execute(salon, call, ARGS)).toMatchObject({
      kind: 'taken-meanwhile',
      asked: WISH,
    });
    expect(lost.steps).toEqual(['judge anyone', 'lost']);
    expect([lost.kicks(), lost.counted]).toEqual([0, ['taken']]);

    const twin = appointmentAtWish();
    const raced = useCase({ writes: [ALREADY_BOOKED], twin });
    expect(await raced.book.execute(salon, call, ARGS)).toMatchObject({
      kind: 'booked',
      repeated: true,
    });
    await expect(
      useCase({ writes: [ALREADY_BOOKED] }).book.execute(salon, call, ARGS),
    ).rejects.toThrow('the idempotency key is taken');
  });

  it('asks the calendars for the stylist asked for, with this call’s holds not blocking', async () => {
    const { book, questions } = useCase({ judged: [freeFor(anna)] });
    await book.execute(salon, call, { ...ARGS, staff: 'Anna', staffOnly: 'ja' });
    expect(questions[0]).toMatchObject({
      stylist: anna,
      onlyPreferred: true,
      askingCallId: 'call_1',
      start: WISH,
    });
  });
});
