import nock from 'nock';
import type { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import type {
  CalendarBookingLedger,
  LedgerEntry,
} from '../../../src/application/ports/calendar-booking-ledger.port';
import {
  eventTypeForPhase,
  type CalendarMappingRepository,
} from '../../../src/application/ports/calendar-mapping.port';
import { PhaseBooker } from '../../../src/application/sync/phase-booker';
import { DEFAULT_SYNC_SETTINGS } from '../../../src/application/sync/sync-settings';
import { calendarTargetOf } from '../../../src/application/sync/visit-calendar-target';
import { Appointment } from '../../../src/domain/appointment/appointment';
import { Service } from '../../../src/domain/salon/service';
import { busy, free } from '../../../src/domain/salon/service-segment';
import { planVisit } from '../../../src/domain/salon/visit';
import {
  CALCOM,
  bookingOutput,
  bookingsPage,
  calcomError,
  fixedClock,
  makeGateway,
  success,
  watchUnmatched,
} from './calcom.fixtures';

const REF = 'cred-salon-a';
const PERM_EVENT_TYPES = [7001, 7002, 7003];
const wash = Service.simple({ id: 'wash', name: 'Waschen und Föhnen' }, 30);
const perm = Service.segmented({ id: 'perm', name: 'Dauerwelle' }, [
  busy(30),
  free(40),
  busy(20),
  free(10),
  busy(25),
]);

/** Anna's mappings: every working step of the perm, nothing for the wash. */
const mappings: CalendarMappingRepository = {
  targetFor: async (_scope, a) =>
    a.serviceId === 'perm'
      ? {
          credentialRef: REF,
          timeZone: 'Europe/Berlin',
          segmentEventTypeIds: new Map([
            [1, PERM_EVENT_TYPES[0]],
            [3, PERM_EVENT_TYPES[1]],
            [5, PERM_EVENT_TYPES[2]],
          ]),
        }
      : null,
  stylistForEventType: async () => null,
  tenantCalendars: async () => [],
};

function visitAt(iso: string, order: readonly Service[]): Appointment {
  const planned = planVisit(order);
  if (!planned.ok) throw new Error(planned.error.detail);
  return Appointment.create({
    service: planned.value,
    staffId: 'anna',
    customerId: 'dana',
    start: new Date(iso),
    source: 'voice',
  });
}

/** What a sync would send for one phase: the target's event type and the real service. */
async function bookWashStep(gateway: CalcomCalendarGateway, appointment: Appointment) {
  const target = (await calendarTargetOf(mappings, { companyId: 'company-a' }, appointment))!;
  const phase = appointment.calendarPhases.find((p) => appointment.serviceOf(p) === 'wash')!;
  const recorded: Array<Omit<LedgerEntry, 'state'>> = [];
  const ledger = {
    firstCreate: async () => true,
    withdrawFirstCreate: async () => undefined,
    recordLive: async (e: Omit<LedgerEntry, 'state'>) => void recorded.push(e),
  } as unknown as CalendarBookingLedger;
  const booker = new PhaseBooker(
    gateway,
    ledger,
    { ...DEFAULT_SYNC_SETTINGS, verifyDelayMs: 1 },
    async () => undefined,
  );
  const result = await booker.book({
    companyId: 'company-a',
    appointmentId: appointment.id,
    branchId: undefined,
    staffId: 'anna',
    credentialRef: REF,
    eventTypeId: eventTypeForPhase(target, phase.sequence)!,
    attendee: { name: 'Dana Schmidt', timeZone: 'Europe/Berlin', language: 'de' },
    phase,
    bookedForService: target.bookedFor?.get(phase.sequence),
  });
  return { target, phase, result, recorded };
}

/**
 * A visit whose wash has no event type of its own: its step is booked in Cal.com under the
 * nearest perm step's event type (POST /v2/bookings, CreateBookingInput_2024_08_13), with the
 * wash named in the metadata, and looked up under that same event type after an error.
 */
describe('Cal.com: a visit step booked under another service’s event type (nock)', () => {
  let gateway: CalcomCalendarGateway;
  let watch: ReturnType<typeof watchUnmatched>;
  const clock = fixedClock('2026-09-10T07:00:00Z');

  beforeAll(() => {
    nock.disableNetConnect();
  });
  beforeEach(() => {
    watch = watchUnmatched();
    gateway = makeGateway({ timeouts: { slotsMs: 5_000, bookingsMs: 5_000 } }, { clock });
  });
  afterEach(() => {
    gateway.close();
    watch.stop();
    expect(watch.unmatched).toEqual([]);
    nock.abortPendingRequests();
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });

  it('the target lends the wash the nearest perm step’s event type and names the wash', async () => {
    // Wash first: its neighbour is the perm's first step; wash last: the perm's last one.
    const first = visitAt('2026-09-15T07:00:00Z', [wash, perm]);
    const last = visitAt('2026-09-15T07:00:00Z', [perm, wash]);
    for (const [appointment, lent] of [
      [first, PERM_EVENT_TYPES[0]],
      [last, PERM_EVENT_TYPES[2]],
    ] as const) {
      const target = (await calendarTargetOf(mappings, { companyId: 'company-a' }, appointment))!;
      const working = appointment.calendarPhases.map((p) => [
        appointment.serviceOf(p),
        eventTypeForPhase(target, p.sequence),
        target.bookedFor?.get(p.sequence),
      ]);
      expect(working).toContainEqual(['wash', lent, 'wash']);
      expect(working.filter(([service]) => service === 'perm').map(([, t, f]) => [t, f])).toEqual(
        PERM_EVENT_TYPES.map((t) => [t, undefined]),
      );
    }
  });

  it('creates the wash step with the lent event type, its own length and the wash named', async () => {
    const appointment = visitAt('2026-09-15T07:00:00Z', [wash, perm]);
    let body: Record<string, unknown> | undefined;
    nock(CALCOM)
      .post('/v2/bookings')
      .matchHeader('cal-api-version', '2024-08-13')
      .reply(201, (_uri, b) => {
        body = b as Record<string, unknown>;
        return success(
          bookingOutput({
            eventTypeId: PERM_EVENT_TYPES[0],
            eventType: { id: PERM_EVENT_TYPES[0], slug: 'dauerwelle-wickeln-anna' },
            start: '2026-09-15T07:00:00.000Z',
            end: '2026-09-15T07:30:00.000Z',
            metadata: body.metadata,
          }),
        );
      });
    const { phase, result, recorded } = await bookWashStep(gateway, appointment);

    expect(body).toEqual({
      start: '2026-09-15T07:00:00.000Z',
      eventTypeId: PERM_EVENT_TYPES[0],
      lengthInMinutes: 30,
      attendee: { name: 'Dana Schmidt', timeZone: 'Europe/Berlin', language: 'de' },
      metadata: {
        appointment_id: appointment.id,
        phase_id: phase.id,
        company_id: 'company-a',
        booked_for_service_id: 'wash',
      },
    });
    // The contract's limits on metadata: at most 50 keys of 40 characters, values of 500.
    const metadata = body!.metadata as Record<string, string>;
    expect(Object.keys(metadata).length).toBeLessThanOrEqual(50);
    for (const [k, v] of Object.entries(metadata)) {
      expect(k.length).toBeLessThanOrEqual(40);
      expect(v.length).toBeLessThanOrEqual(500);
    }
    expect(result.kind).toBe('booked');
    expect(recorded.map((e) => e.eventTypeId)).toEqual([PERM_EVENT_TYPES[0]]);
  });

  it('after a 500 it looks the step up under the lent event type and finds it', async () => {
    const appointment = visitAt('2026-09-15T07:00:00Z', [wash, perm]);
    const phase = appointment.calendarPhases[0];
    const listed: string[] = [];
    nock(CALCOM)
      .post('/v2/bookings')
      .reply(500, calcomError('Internal server error', 'InternalServerErrorException'))
      .get('/v2/bookings')
      .query((q) => {
        listed.push(String(q.eventTypeId));
        return true;
      })
      .reply(
        200,
        bookingsPage(
          [
            bookingOutput({
              eventTypeId: PERM_EVENT_TYPES[0],
              start: '2026-09-15T07:00:00.000Z',
              end: '2026-09-15T07:30:00.000Z',
              metadata: {
                appointment_id: appointment.id,
                phase_id: phase.id,
                company_id: 'company-a',
                booked_for_service_id: 'wash',
              },
            }),
          ],
          { currentPage: 1, totalPages: 1, itemsPerPage: 100 },
          1,
        ),
      );
    const { result } = await bookWashStep(gateway, appointment);
    expect(result).toMatchObject({ kind: 'booked', how: 'verified_after_error' });
    expect(listed).toEqual([String(PERM_EVENT_TYPES[0])]);
  });

  it('a visit none of whose services is mapped stays local (no target, no request)', async () => {
    const none: CalendarMappingRepository = { ...mappings, targetFor: async () => null };
    const appointment = visitAt('2026-09-15T07:00:00Z', [wash, perm]);
    expect(await calendarTargetOf(none, { companyId: 'company-a' }, appointment)).toBeNull();
  });
});
