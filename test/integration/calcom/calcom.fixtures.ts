import nock from 'nock';
import type Redis from 'ioredis';
import type {
  CalendarCredential,
  CalendarCredentials,
} from '../../../src/application/ports/calendar-gateway.port';
import type { Clock } from '../../../src/application/ports/clock.port';
import { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import type { CalcomConfigOverrides } from '../../../src/adapters/outbound/calcom/calcom.config';

/** Test doubles shaped like calcom-v2-openapi-subset.json (BookingOutput_2024_08_13 etc.). */

export const CALCOM = 'https://api.cal.com';

export const KEYS: Record<string, CalendarCredential> = {
  'cred-salon-a': { apiKey: 'cal_test_salon_a' },
  'cred-salon-b': { apiKey: 'cal_test_salon_b' },
  'cred-salon-eu': { apiKey: 'cal_test_salon_eu', baseUrl: 'https://api.cal.eu/' },
};

export const credentials: CalendarCredentials = {
  resolve: async (ref) => KEYS[ref] ?? null,
};

export function fixedClock(iso: string): Clock {
  return { now: () => new Date(iso) };
}

/**
 * How long the slot cache waits for Redis in tests. Production gives up after 250 ms and asks
 * Cal.com instead; a test counting Cal.com's requests must not see a busy machine's slow Redis
 * call as a miss.
 */
export const PATIENT_REDIS_MS = 5_000;

export function makeGateway(
  config: CalcomConfigOverrides = {},
  extra: { redis?: Redis | null; clock?: Clock } = {},
): CalcomCalendarGateway {
  return new CalcomCalendarGateway(credentials, {
    config: { ...config, slotCache: { redisTimeoutMs: PATIENT_REDIS_MS, ...config.slotCache } },
    ...extra,
  });
}

export function bookingOutput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 987654,
    uid: 'bK3wYt8QmZpL2vN1',
    title: 'Damenhaarschnitt zwischen Alex und Dana Schmidt',
    description: '',
    hosts: [
      {
        id: 11,
        name: 'Alex',
        email: 'alex@salon.example',
        displayEmail: 'alex@salon.example',
        username: 'alex',
        timeZone: 'Europe/Berlin',
      },
    ],
    status: 'accepted',
    start: '2026-09-14T08:00:00.000Z',
    end: '2026-09-14T08:30:00.000Z',
    duration: 30,
    eventTypeId: 123456,
    eventType: { id: 123456, slug: 'damenhaarschnitt-alex' },
    location: 'Hauptstraße 1, Berlin',
    absentHost: false,
    createdAt: '2026-09-10T15:00:00.000Z',
    updatedAt: '2026-09-10T15:00:00.000Z',
    attendees: [
      {
        name: 'Dana Schmidt',
        email: 'dana@example.com',
        displayEmail: 'dana@example.com',
        timeZone: 'Europe/Berlin',
        language: 'de',
        absent: false,
        phoneNumber: '+4915112345678',
      },
    ],
    bookingFieldsResponses: {},
    metadata: { appointment_id: 'appt-1', phase_id: 'phase-1', company_id: 'company-a' },
    ...overrides,
  };
}

export const success = (data: unknown) => ({ status: 'success', data });

/** Cal.com's refusal of `lengthInMinutes` from an event type with one length. */
export const ONE_LENGTH_REFUSAL =
  "Can't specify 'lengthInMinutes' because event type does not have multiple possible lengths. Please, remove the 'lengthInMinutes' field from the request.";

/** A dropped connection as node:http reports it (nock emits only Error instances there). */
export const connectionReset = (): Error =>
  Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

export const calcomError = (message: string | string[], code = 'BadRequestException') => ({
  status: 'error',
  timestamp: '2026-09-10T15:00:00.000Z',
  path: '/v2/bookings',
  error: { code, message },
});

/** GetBookingsOutput_2024_08_13 page. */
export function bookingsPage(
  items: unknown[],
  {
    currentPage,
    totalPages,
    itemsPerPage,
  }: { currentPage: number; totalPages: number; itemsPerPage: number },
  totalItems: number,
) {
  const before = (currentPage - 1) * itemsPerPage;
  return {
    status: 'success',
    data: items,
    pagination: {
      totalItems,
      remainingItems: Math.max(0, totalItems - before - items.length),
      returnedItems: items.length,
      itemsPerPage,
      currentPage,
      totalPages,
      hasNextPage: currentPage < totalPages,
      hasPreviousPage: currentPage > 1,
    },
  };
}

/**
 * GET /v2/slots data as Cal.com sends it: date → [{ start }] in the asked time zone, and with
 * `minutes` (format=range) each slot's end too.
 */
export function slotsData(
  starts: string[],
  minutes?: number,
): Record<string, Array<{ start: string; end?: string }>> {
  const data: Record<string, Array<{ start: string; end?: string }>> = {};
  for (const start of starts) {
    const day = start.slice(0, 10);
    const end = minutes && new Date(Date.parse(start) + minutes * 60_000).toISOString();
    (data[day] ??= []).push(end ? { start, end } : { start });
  }
  return data;
}

/** Collects requests nock could not match (they would otherwise surface as network errors). */
export function watchUnmatched(): { unmatched: string[]; stop: () => void } {
  const unmatched: string[] = [];
  const listener = (req: { method?: string; path?: string; href?: string }) => {
    unmatched.push(`${req.method ?? '?'} ${req.href ?? req.path ?? '?'}`);
  };
  nock.emitter.on('no match', listener);
  return { unmatched, stop: () => nock.emitter.removeListener('no match', listener) };
}
