import type {
  CalendarGateway,
  CreateBookingCommand,
  ExternalBooking,
  FindBookingByMetadataQuery,
} from '../ports/calendar-gateway.port';
import type { CalendarBookingLedger, LedgerEntry } from '../ports/calendar-booking-ledger.port';
import { Appointment } from '../../domain/appointment/appointment';
import {
  CalendarConflict,
  CalendarRateLimited,
  CalendarServerError,
  CalendarTimeout,
  CalendarUnavailable,
} from '../../domain/calendar/calendar.errors';
import { Service } from '../../domain/salon/service';
import { PhaseBooker, type PhaseBookingRequest } from './phase-booker';
import { DEFAULT_SYNC_SETTINGS } from './sync-settings';

const cut = Service.simple({ id: 'cut', name: 'Herrenhaarschnitt' }, 30);

/** Just enough of a calendar: bookings in memory, found by our metadata. */
class MemoryCalendar {
  private readonly bookings: ExternalBooking[] = [];

  async createBooking(c: CreateBookingCommand): Promise<ExternalBooking> {
    const booking: ExternalBooking = {
      externalId: this.bookings.length + 1,
      uid: `m-${this.bookings.length + 1}`,
      start: c.start,
      end: new Date(c.start.getTime() + 30 * 60_000),
      status: 'accepted',
      metadata: { ...c.metadata },
    };
    this.bookings.push(booking);
    return booking;
  }

  async findBookingByMetadata(q: FindBookingByMetadataQuery): Promise<ExternalBooking | null> {
    return (
      this.bookings.find(
        (b) => b.metadata.appointment_id === q.appointmentId && b.metadata.phase_id === q.phaseId,
      ) ?? null
    );
  }
}

/** In-memory fakes: a calendar that can fail in the ways Cal.com does, and a ledger. */
function setUp(
  fail: (n: number, calendar: MemoryCalendar, c: CreateBookingCommand) => Promise<void>,
) {
  const calendar = new MemoryCalendar();
  let creates = 0;
  const gateway = {
    createBooking: async (command: CreateBookingCommand) => {
      creates++;
      await fail(creates, calendar, command);
      return calendar.createBooking(command);
    },
    findBookingByMetadata: (q: FindBookingByMetadataQuery) => calendar.findBookingByMetadata(q),
  } as unknown as CalendarGateway;
  const recorded: Array<Omit<LedgerEntry, 'state' | 'lastError'>> = [];
  const intents = new Set<string>();
  const ledger = {
    recordLive: async (e: Omit<LedgerEntry, 'state'>) => void recorded.push(e),
    firstCreate: async (phaseId: string) => !intents.has(phaseId) && !!intents.add(phaseId),
    withdrawFirstCreate: async (phaseId: string) => void intents.delete(phaseId),
  };
  const sleeps: number[] = [];
  const booker = new PhaseBooker(
    gateway,
    ledger as unknown as CalendarBookingLedger,
    { ...DEFAULT_SYNC_SETTINGS, verifyDelayMs: 2000 },
    async (ms) => void sleeps.push(ms),
  );
  const appointment = Appointment.create({
    service: cut,
    staffId: 'anna',
    customerId: 'c1',
    start: new Date('2026-12-04T10:00:00Z'),
    source: 'voice',
    branchId: 'b1',
  });
  const request: PhaseBookingRequest = {
    companyId: 'co',
    appointmentId: appointment.id,
    branchId: 'b1',
    staffId: 'anna',
    credentialRef: 'cred',
    eventTypeId: 1,
    attendee: { name: 'Kundin', timeZone: 'Europe/Berlin', language: 'de' },
    phase: appointment.phases[0],
  };
  return { booker, request, calendar, recorded, sleeps, intents, creates: () => creates };
}

describe('PhaseBooker', () => {
  it.each([
    ['400 (conflict text) but created', new CalendarConflict('400')],
    ['timeout but created', new CalendarTimeout(5000)],
    ['500 but created', new CalendarServerError(500)],
  ])('%s: waits, finds it by metadata, records it, sends no second create', async (_, error) => {
    const t = setUp(async (_n, calendar, command) => {
      await calendar.createBooking(command);
      throw error;
    });
    const result = await t.booker.book(t.request);
    expect(result.kind).toBe('booked');
    expect(result.kind === 'booked' && result.how).toBe('verified_after_error');
    expect(t.sleeps).toEqual([2000]);
    expect(t.recorded).toHaveLength(1);
  });

  it('looks before creating once a create was sent: a booking from an earlier attempt is reused', async () => {
    const t = setUp(async () => undefined);
    t.intents.add(t.request.phase.id); // an earlier attempt sent its create, then died
    await t.calendar.createBooking({
      credentialRef: 'cred',
      eventTypeId: 1,
      start: t.request.phase.start,
      attendee: t.request.attendee,
      metadata: {
        appointment_id: t.request.appointmentId,
        phase_id: t.request.phase.id,
        company_id: 'co',
      },
    });
    const result = await t.booker.book(t.request);
    expect(result.kind === 'booked' && result.how).toBe('found_before_create');
    expect(t.creates()).toBe(0);
  });

  it('the first create of a phase is sent without looking first; the next attempt looks', async () => {
    const t = setUp(async () => undefined);
    const looks = jest.spyOn(t.calendar, 'findBookingByMetadata');
    expect((await t.booker.book(t.request)).kind).toBe('booked');
    expect(looks).not.toHaveBeenCalled();
    expect(t.intents.has(t.request.phase.id)).toBe(true);
    // The same phase again (a retry that lost the answer): it looks and books nothing new.
    const again = await t.booker.book(t.request);
    expect(again.kind === 'booked' && again.how).toBe('found_before_create');
    expect(looks).toHaveBeenCalledTimes(1);
    expect(t.creates()).toBe(1);
  });

  it('a refusal with nothing found is a failure to try again: Cal.com may have booked it after all', async () => {
    const t = setUp(async () => {
      throw new CalendarConflict('409');
    });
    const result = await t.booker.book(t.request);
    expect(result).toMatchObject({ kind: 'failed', retryable: true, waiting: false });
    expect(t.sleeps).toHaveLength(1);
  });

  it('an open breaker sent nothing: no verification, the job waits', async () => {
    const t = setUp(async () => {
      throw new CalendarUnavailable('open');
    });
    const result = await t.booker.book(t.request);
    expect(result).toMatchObject({ kind: 'failed', waiting: true });
    expect(t.sleeps).toEqual([]);
  });

  it('a 429 booked nothing: no verification, the job waits as long as the limit said, and the next create needs no look', async () => {
    const t = setUp(async (n) => {
      if (n === 1) throw new CalendarRateLimited(42, '429');
    });
    const looks = jest.spyOn(t.calendar, 'findBookingByMetadata');
    const result = await t.booker.book(t.request);
    expect(result).toMatchObject({ kind: 'failed', waiting: true, retryAfterMs: 42_000 });
    expect(t.sleeps).toEqual([]);
    expect(t.intents.has(t.request.phase.id)).toBe(false);
    const again = await t.booker.book(t.request);
    expect(again.kind === 'booked' && again.how).toBe('created');
    expect(looks).not.toHaveBeenCalled();
  });

  it('a 429 after an earlier create was sent keeps the look: that create may have booked', async () => {
    const t = setUp(async (n) => {
      if (n === 1) throw new CalendarRateLimited(undefined, '429');
    });
    t.intents.add(t.request.phase.id);
    const result = await t.booker.book(t.request);
    expect(result).toMatchObject({ kind: 'failed', waiting: true });
    expect(t.intents.has(t.request.phase.id)).toBe(true);
  });
});
