import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeCalcom } from '../../../bench/sync-fake-calcom';
import { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import { CalcomHostCheck } from '../../../src/adapters/outbound/calcom/calcom-host-check';
import type { ResolveHost } from '../../../src/adapters/outbound/calcom/calcom-host-resolver';
import type {
  AvailableStartsQuery,
  CalendarCredential,
  CreateBookingCommand,
} from '../../../src/application/ports/calendar-gateway.port';
import {
  CalendarAddressRefused,
  CalendarBadRequest,
  CalendarError,
  CalendarServerError,
} from '../../../src/domain/calendar/calendar.errors';
import { TimeRange } from '../../../src/domain/shared/time-range';

/**
 * The Cal.com client against real sockets on loopback: hosts a tenant may not reach are refused
 * before any connection (a listener that counts connections proves nothing arrived), also when
 * DNS answered a public address at storing time and a private one at connecting time; hosts
 * the operator listed are reached; what such a host answers is not carried on.
 */

/** An HTTP listener on 127.0.0.1 that counts the TCP connections it accepts. */
class CountingListener {
  connections = 0;
  answer: { status: number; body: string } = { status: 200, body: '{}' };
  private readonly server: Server = createServer((req, res) => {
    req.resume();
    res.writeHead(this.answer.status, { 'content-type': 'application/json' });
    res.end(this.answer.body);
  });

  constructor() {
    this.server.on('connection', () => this.connections++);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A DNS of the test's own whose answers can change between two questions (rebinding). */
function scriptedDns(
  answers: Record<string, LookupAddress[][]>,
): ResolveHost & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const script = answers[hostname];
    if (!script) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    const n = asked.filter((h) => h === hostname).length;
    return script[Math.min(n, script.length) - 1];
  };
  return Object.assign(resolve, { asked });
}

const PUBLIC: LookupAddress = { address: '104.18.22.140', family: 4 };
const LOOPBACK: LookupAddress = { address: '127.0.0.1', family: 4 };

const command = (): CreateBookingCommand => ({
  credentialRef: 'cred',
  eventTypeId: 7001,
  start: new Date('2026-12-04T09:00:00Z'),
  attendee: {
    name: 'Dana Schmidt',
    phone: '+4915112345678',
    timeZone: 'Europe/Berlin',
    language: 'de',
  },
  metadata: { appointment_id: 'appt-1', phase_id: 'phase-1', company_id: 'company-a' },
});

const gateways: CalcomCalendarGateway[] = [];

function gatewayFor(
  credential: CalendarCredential,
  options: { allowedHosts?: string[]; resolveHost?: ResolveHost } = {},
): CalcomCalendarGateway {
  const gateway = new CalcomCalendarGateway(
    { resolve: async () => credential },
    {
      config: {
        allowedHosts: options.allowedHosts ?? [],
        timeouts: { slotsMs: 5000, bookingsMs: 5000 },
        breaker: { volumeThreshold: 1000, errorThresholdPercentage: 100 },
      },
      resolveHost: options.resolveHost,
    },
  );
  gateways.push(gateway);
  return gateway;
}

const failure = (promise: Promise<unknown>): Promise<CalendarError> =>
  promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: CalendarError) => error,
  );

describe('Cal.com hosts a tenant may not reach', () => {
  const listener = new CountingListener();

  beforeAll(() => listener.start());
  afterAll(async () => {
    for (const gateway of gateways) gateway.close();
    await listener.stop();
  });
  beforeEach(() => {
    listener.connections = 0;
  });

  it.each([
    (port: number) => `http://127.0.0.1:${port}/#`,
    (port: number) => `http://127.0.0.1:${port}`,
    (port: number) => `https://127.0.0.1:${port}`,
    (port: number) => `http://[::ffff:127.0.0.1]:${port}`,
    (port: number) => `http://2130706433:${port}`,
  ])('a stored base URL on loopback (%#) is refused without a connection', async (base) => {
    const gateway = gatewayFor({ apiKey: 'cal_live_tenant', baseUrl: base(listener.port) });
    const error = await failure(gateway.createBooking(command()));
    expect(error).toBeInstanceOf(CalendarAddressRefused);
    expect(error.retryable).toBe(false);
    expect(listener.connections).toBe(0);
  });

  it('a name that resolved to a public address when stored and to loopback now is refused before connecting', async () => {
    const host = 'calendar.rebind.example';
    const dns = scriptedDns({ [host]: [[PUBLIC], [LOOPBACK]] });
    const base = `https://${host}:${listener.port}`;
    // Stored: the check saw a public address.
    expect(await new CalcomHostCheck([], dns).refusal(base)).toBeNull();

    const gateway = gatewayFor({ apiKey: 'cal_live_tenant', baseUrl: base }, { resolveHost: dns });
    const error = await failure(gateway.createBooking(command()));

    expect(error).toBeInstanceOf(CalendarAddressRefused);
    expect(error.detail).toContain(host);
    expect(error.detail).not.toContain('127.0.0.1');
    // Asked again at connecting time, and nothing reached the address it answered.
    expect(dns.asked).toEqual([host, host]);
    expect(listener.connections).toBe(0);
  });

  it.each([
    ['a public and a loopback address', [PUBLIC, LOOPBACK]],
    ['IPv6 loopback', [{ address: '::1', family: 6 }]],
    ['IPv4-mapped loopback', [{ address: '::ffff:127.0.0.1', family: 6 }]],
    ['link-local metadata', [{ address: '169.254.169.254', family: 4 }]],
    ['unique-local', [{ address: 'fd00:ec2::254', family: 6 }]],
  ])('a name answering %s is refused before connecting', async (_, answer) => {
    const host = 'calendar.attacker.example';
    const dns = scriptedDns({ [host]: [answer as LookupAddress[]] });
    const gateway = gatewayFor(
      { apiKey: 'cal_live_tenant', baseUrl: `https://${host}:${listener.port}` },
      { resolveHost: dns },
    );
    expect(await failure(gateway.availableStarts(slotsQuery()))).toBeInstanceOf(
      CalendarAddressRefused,
    );
    expect(listener.connections).toBe(0);
  });

  it('the same name, listed by the operator, is connected to at the address DNS answers', async () => {
    const host = 'calendar.rebind.example';
    const dns = scriptedDns({ [host]: [[LOOPBACK]] });
    listener.answer = { status: 200, body: JSON.stringify({ status: 'success', data: {} }) };
    const gateway = gatewayFor(
      { apiKey: 'cal_live_tenant', baseUrl: `http://${host}:${listener.port}` },
      { resolveHost: dns, allowedHosts: [`${host}:${listener.port}`] },
    );
    expect(await gateway.availableStarts(slotsQuery())).toEqual([]);
    expect(listener.connections).toBe(1);
  });
});

describe('a Cal.com double on loopback', () => {
  const fake = new FakeCalcom();

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  it('is reached when the operator lists it', async () => {
    const gateway = gatewayFor(
      { apiKey: 'cal_test_listed', baseUrl: fake.url },
      { allowedHosts: [new URL(fake.url).host] },
    );
    const booking = await gateway.createBooking(command());
    expect(booking.uid).toBeTruthy();
    expect(fake.requests).toEqual(['POST /v2/bookings']);
  });

  it('is not reached when it is not listed', async () => {
    const gateway = gatewayFor({ apiKey: 'cal_test_unlisted', baseUrl: fake.url });
    expect(await failure(gateway.createBooking(command()))).toBeInstanceOf(CalendarAddressRefused);
    expect(fake.requests).toEqual([]);
  });
});

describe('what a Cal.com host answers is not carried on', () => {
  const listener = new CountingListener();
  const secrets = [
    'AKIAIOSFODNN7EXAMPLE',
    'wJalrXUtnFEMI/K7MDENG',
    'dana.schmidt@example.com',
    '151 12345678',
    'internal.example',
    '<html>',
    'requirepass',
  ];
  let gateway: CalcomCalendarGateway;

  beforeAll(async () => {
    await listener.start();
    gateway = gatewayFor(
      { apiKey: 'cal_live_tenant', baseUrl: `http://127.0.0.1:${listener.port}` },
      { allowedHosts: [`127.0.0.1:${listener.port}`] },
    );
  });
  afterAll(() => listener.stop());

  it('keeps only the status of an answer without an error envelope (HTML, metadata JSON)', async () => {
    listener.answer = {
      status: 502,
      body: `<html><body>${'AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG requirepass '.repeat(200)}</body></html>`,
    };
    const error = await failure(gateway.createBooking(command()));
    expect(error).toBeInstanceOf(CalendarServerError);
    expect(error.detail).toBe('POST /v2/bookings → Cal.com answered 502');

    listener.answer = {
      status: 200,
      body: JSON.stringify({ Code: 'Success', AccessKeyId: 'AKIAIOSFODNN7EXAMPLE' }),
    };
    const odd = await failure(gateway.createBooking(command()));
    expect(odd.detail).toBe('POST /v2/bookings → Cal.com answered 200 without a success envelope');
  });

  it('keeps a short scrubbed reason from the error envelope', async () => {
    listener.answer = {
      status: 400,
      body: JSON.stringify({
        status: 'error',
        error: {
          code: 'BadRequestException',
          message:
            'Attendee dana.schmidt@example.com (+49 151 12345678) is invalid, see https://internal.example/x?k=AKIAIOSFODNN7EXAMPLE ' +
            'requirepass '.repeat(100),
        },
      }),
    };
    const error = await failure(gateway.createBooking(command()));
    expect(error).toBeInstanceOf(CalendarBadRequest);
    expect(error.detail).toMatch(/^POST \/v2\/bookings → Cal\.com answered 400: Attendee /);
    expect(error.detail!.length).toBeLessThanOrEqual(180);
    for (const secret of secrets.filter((s) => s !== 'requirepass')) {
      expect(error.detail).not.toContain(secret);
    }
  });
});

function slotsQuery(): AvailableStartsQuery {
  return {
    credentialRef: 'cred',
    scope: { companyId: 'company-a', branchId: 'branch-1', staffId: 'staff-1' },
    eventTypeId: 7001,
    range: TimeRange.of(new Date('2026-12-04T08:00:00Z'), new Date('2026-12-04T12:00:00Z')),
    timeZone: 'Europe/Berlin',
  };
}
