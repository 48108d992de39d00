import nock from 'nock';
import type { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import type { CalendarBookingLedger } from '../../../src/application/ports/calendar-booking-ledger.port';
import {
  credentialForPhase,
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
  bookingOutput,
  CALCOM,
  fixedClock,
  makeGateway,
  success,
  watchUnmatched,
} from './calcom.fixtures';

const CUT_OF_MEHMET = 7300;
const COLOUR_OF_LENA = [7401, 7402];
const cut = Service.simple({ id: 'cut', name: 'Herrenhaarschnitt' }, 30);
const colour = Service.segmented({ id: 'colour', name: 'Färben' }, [busy(30), free(35), busy(30)]);

/** Mehmet's cut in the salon's account; Lena's colour in an account of her own. */
const mappings: CalendarMappingRepository = {
  targetFor: async (_scope, a) => {
    if (a.serviceId === 'cut' && a.staffId === 'mehmet') {
      return {
        credentialRef: 'cred-salon-a',
        timeZone: 'Europe/Berlin',
        serviceEventTypeId: CUT_OF_MEHMET,
        segmentEventTypeIds: new Map(),
      };
    }
    if (a.serviceId === 'colour' && a.staffId === 'lena') {
      return {
        credentialRef: 'cred-salon-b',
        timeZone: 'Europe/Berlin',
        segmentEventTypeIds: new Map([
          [1, COLOUR_OF_LENA[0]],
          [3, COLOUR_OF_LENA[1]],
        ]),
      };
    }
    return null;
  },
  stylistForEventType: async () => null,
  tenantCalendars: async () => [],
};

const shared = (): Appointment => {
  const planned = planVisit([cut, colour]);
  if (!planned.ok) throw new Error(planned.error.detail);
  return Appointment.create({
    service: planned.value,
    staffId: 'mehmet',
    assignment: [
      { serviceId: 'cut', staffId: 'mehmet' },
      { serviceId: 'colour', staffId: 'lena' },
    ],
    customerId: 'dana',
    start: new Date('2026-09-15T07:00:00Z'),
    source: 'voice',
  });
};

/**
 * A visit shared by Mehmet (cut) and Lena (colour), booked in Cal.com phase by phase
 * (POST /v2/bookings, CreateBookingInput_2024_08_13): each working step under its own
 * stylist's event type and account, found again by its metadata.
 */
describe('Cal.com: a visit shared by stylists, phase by phase (nock)', () => {
  let gateway: CalcomCalendarGateway;
  let watch: ReturnType<typeof watchUnmatched>;
  const clock = fixedClock('2026-09-10T07:00:00Z');

  beforeAll(() => nock.disableNetConnect());
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

  it('the target names each step’s stylist’s event type and account', async () => {
    const a = shared();
    const target = (await calendarTargetOf(mappings, { companyId: 'company-a' }, a))!;
    expect(
      a.calendarPhases.map((p) => [
        a.stylistOf(p),
        eventTypeForPhase(target, p.sequence),
        credentialForPhase(target, p.sequence),
      ]),
    ).toEqual([
      ['mehmet', CUT_OF_MEHMET, 'cred-salon-a'],
      ['lena', COLOUR_OF_LENA[0], 'cred-salon-b'],
      ['lena', COLOUR_OF_LENA[1], 'cred-salon-b'],
    ]);
  });

  it('books every step with its stylist’s key, event type and our metadata', async () => {
    const a = shared();
    const target = (await calendarTargetOf(mappings, { companyId: 'company-a' }, a))!;
    const sent: Array<{ key: string; eventTypeId: number; phase: string; start: string }> = [];
    nock(CALCOM)
      .post('/v2/bookings')
      .times(3)
      .matchHeader('cal-api-version', '2024-08-13')
      .reply(201, function (_uri, b) {
        const body = b as { eventTypeId: number; start: string; metadata: Record<string, string> };
        sent.push({
          key: String(this.req.headers.authorization),
          eventTypeId: body.eventTypeId,
          phase: body.metadata.phase_id,
          start: body.start,
        });
        return success(
          bookingOutput({
            eventTypeId: body.eventTypeId,
            start: body.start,
            end: new Date(Date.parse(body.start) + 30 * 60_000).toISOString(),
            metadata: body.metadata,
          }),
        );
      });
    const ledger = {
      firstCreate: async () => true,
      withdrawFirstCreate: async () => undefined,
      recordLive: async () => undefined,
    } as unknown as CalendarBookingLedger;
    const booker = new PhaseBooker(gateway, ledger, DEFAULT_SYNC_SETTINGS, async () => undefined);
    for (const phase of a.calendarPhases) {
      const result = await booker.book({
        companyId: 'company-a',
        appointmentId: a.id,
        branchId: undefined,
        staffId: a.stylistOf(phase),
        credentialRef: credentialForPhase(target, phase.sequence),
        eventTypeId: eventTypeForPhase(target, phase.sequence)!,
        attendee: { name: 'Dana Schmidt', timeZone: 'Europe/Berlin', language: 'de' },
        phase,
      });
      expect(result.kind).toBe('booked');
    }
    expect(sent).toEqual([
      {
        key: 'Bearer cal_test_salon_a',
        eventTypeId: CUT_OF_MEHMET,
        phase: a.calendarPhases[0].id,
        start: '2026-09-15T07:00:00.000Z',
      },
      {
        key: 'Bearer cal_test_salon_b',
        eventTypeId: COLOUR_OF_LENA[0],
        phase: a.calendarPhases[1].id,
        start: '2026-09-15T07:30:00.000Z',
      },
      {
        key: 'Bearer cal_test_salon_b',
        eventTypeId: COLOUR_OF_LENA[1],
        phase: a.calendarPhases[2].id,
        start: '2026-09-15T08:35:00.000Z',
      },
    ]);
  });

  it('a stylist of the visit without a mapping leaves only their steps local', async () => {
    const onlyLena: CalendarMappingRepository = {
      ...mappings,
      targetFor: async (s, x) => (x.staffId === 'lena' ? mappings.targetFor(s, x) : null),
    };
    const a = shared();
    const target = (await calendarTargetOf(onlyLena, { companyId: 'company-a' }, a))!;
    expect(target.credentialRef).toBe('cred-salon-b');
    expect(a.calendarPhases.map((p) => eventTypeForPhase(target, p.sequence))).toEqual([
      undefined,
      ...COLOUR_OF_LENA,
    ]);
  });
});
