import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small Cal.com API v2 stand-in (bookings and slots), shaped like the OpenAPI subset in the
 * shared contracts: `{status, data}` envelopes, BookingOutput_2024_08_13 items, paginated lists.
 * Slots are every quarter hour of the asked range not taken by one of its live bookings of that
 * event type (a calendar with no other availability rules). Tests steer each create with
 * `onCreate`; every request is counted. Event types in `singleLength` have one length, and
 * refuse `lengthInMinutes` as Cal.com does; the others offer any length (30 when none is asked).
 * With `throttle` set, requests pass Cal.com's throttler first (see FakeThrottle).
 *
 * A reschedule (`POST /v2/bookings/{uid}/reschedule`, RescheduleBookingInput_2024_08_13) books the
 * same event type at the new start for the event type's own length (its one length, else the
 * default 30: the input has no length), with the old booking's metadata; the answer is the new
 * booking (new uid, `rescheduledFromUid`), and the old one ends cancelled with `rescheduledToUid`.
 * It is refused (400, Cal.com's "not available" text) when the new time overlaps another accepted
 * booking of the host (every booking here is Anna's), and (400) for a cancelled booking. Tests
 * steer each with `onReschedule`.
 */
export interface FakeBooking {
  id: number;
  uid: string;
  start: string;
  end: string;
  status: 'accepted' | 'cancelled';
  eventTypeId: number;
  metadata: Record<string, string>;
  /** When the fake made it (ISO); tests may set it to order duplicates. */
  createdAt?: string;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
}

/** What the fake does with one create request. */
export type CreateBehaviour =
  | { kind: 'ok' }
  /** Answer with this status and an error envelope; `created` books it anyway. */
  | { kind: 'error'; status: number; message: string; created: boolean }
  /** Never answer in time (the client times out); `created` books it anyway. */
  | { kind: 'hang'; created: boolean }
  /** Book it, but at another start. */
  | { kind: 'elsewhere'; start: Date };

/** What the fake does with one reschedule request. */
export type RescheduleBehaviour =
  | { kind: 'ok' }
  /** Answer with this status and an error envelope; `moved` moves it anyway. */
  | { kind: 'error'; status: number; message: string; moved: boolean }
  /** Never answer in time (the client times out); `moved` moves it anyway. */
  | { kind: 'hang'; moved: boolean };

export interface RescheduleRequest {
  readonly n: number;
  readonly uid: string;
  readonly body: { start: string; reschedulingReason?: string; rescheduledBy?: string };
}

/** Cal.com's default length of an event type that offers several (the fake's creates use it too). */
const DEFAULT_LENGTH = 30;

export interface CreateRequest {
  readonly n: number;
  readonly body: {
    start: string;
    eventTypeId: number;
    lengthInMinutes?: number;
    metadata: Record<string, string>;
    attendee: Record<string, unknown>;
  };
}

/**
 * Cal.com's API-key throttler (apps/api/v2 CustomThrottlerGuard on a fixed-window storage): a
 * window per key starts at its first request; the request past `limit` in it blocks the key for
 * `blockMs`. Every answer says `X-RateLimit-Limit/Remaining/Reset-Default` (Reset in seconds:
 * until the block ends while blocked, else until the window ends); a refused request gets 429
 * without `Retry-After`, and its handler never ran. Tests shorten the window.
 */
export interface FakeThrottle {
  readonly limit: number;
  readonly windowMs: number;
  readonly blockMs: number;
}

/** Cal.com's documented default for an API key: 120 requests per 60 s, then blocked 60 s. */
export const CALCOM_THROTTLE: FakeThrottle = { limit: 120, windowMs: 60_000, blockMs: 60_000 };

interface ThrottleState {
  windowStart: number;
  hits: number;
  blockedUntil: number;
}

export class FakeCalcom {
  readonly bookings = new Map<string, FakeBooking>();
  readonly requests: string[] = [];
  /** Create requests that booked (or were steered by `onCreate`). */
  readonly createBodies: CreateRequest['body'][] = [];
  /** Create requests refused for sending a length to an event type with one length. */
  readonly refusedLengths: CreateRequest['body'][] = [];
  onCreate: (req: CreateRequest) => CreateBehaviour = () => ({ kind: 'ok' });
  /** Reschedule requests that reached a booking (refused ones too). */
  readonly rescheduleRequests: RescheduleRequest[] = [];
  /** Runs before each reschedule is answered (e.g. a webhook racing the answer). */
  onReschedule: (req: RescheduleRequest) => RescheduleBehaviour | Promise<RescheduleBehaviour> =
    () => ({ kind: 'ok' });
  /** The next this many cancel requests answer 500 and cancel nothing. */
  failCancels = 0;
  /** Asked once per listing request; true answers it empty (a listing that lags behind). */
  hideFromListings: () => boolean = () => false;
  /** An outage: while true every request answers 500 and changes nothing. */
  down = false;
  latencyMs = 0;
  /** Cal.com's throttler per API key; off when null. */
  throttle: FakeThrottle | null = null;
  /** Requests the throttler refused with 429 (`METHOD /path`). */
  readonly throttled: string[] = [];
  private readonly throttleStates = new Map<string, ThrottleState>();
  /**
   * Event types `GET /v2/event-types/{id}` knows, with their buffer after each booking in minutes
   * (EventTypeOutput_2024_06_14 `afterEventBuffer`); any other id answers 404.
   */
  readonly eventTypeBuffers = new Map<number, number>();
  /** Event types that offer one length only: their id and that length in minutes. */
  readonly singleLength = new Map<number, number>();
  /** Event types offering only these lengths (others offer any): a length not listed is refused. */
  readonly offeredLengths = new Map<number, number[]>();
  private server: Server | undefined;
  private nextId = 1000;
  private readonly hanging = new Set<ServerResponse>();

  get url(): string {
    const address = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  reset(): void {
    this.bookings.clear();
    this.requests.length = 0;
    this.createBodies.length = 0;
    this.refusedLengths.length = 0;
    this.onCreate = () => ({ kind: 'ok' });
    this.rescheduleRequests.length = 0;
    this.onReschedule = () => ({ kind: 'ok' });
    this.failCancels = 0;
    this.down = false;
    this.hideFromListings = () => false;
    this.throttled.length = 0;
    this.throttleStates.clear();
  }

  /** Create requests per `appointment_id/phase_id`. */
  createsPerPhase(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const b of this.createBodies) {
      const key = `${b.metadata.appointment_id}/${b.metadata.phase_id}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }

  /** Live bookings per `appointment_id/phase_id`. */
  livePerPhase(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const b of this.bookings.values()) {
      if (b.status !== 'accepted') continue;
      const key = `${b.metadata.appointment_id}/${b.metadata.phase_id}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }

  live(): FakeBooking[] {
    return [...this.bookings.values()].filter((b) => b.status === 'accepted');
  }

  /** A booking made in Cal.com by someone else (no metadata of ours). */
  addOutside(eventTypeId: number, start: Date, minutes: number): FakeBooking {
    return this.book(eventTypeId, start, minutes, {});
  }

  /** A booking with the given metadata made without our create request (tests of reconciliation). */
  addWithMetadata(
    eventTypeId: number,
    start: Date,
    minutes: number,
    metadata: Record<string, string>,
    createdAt?: Date,
  ): FakeBooking {
    const booking = this.book(eventTypeId, start, minutes, metadata);
    if (createdAt) booking.createdAt = createdAt.toISOString();
    return booking;
  }

  private book(
    eventTypeId: number,
    start: Date,
    minutes: number,
    metadata: Record<string, string>,
  ): FakeBooking {
    const id = this.nextId++;
    const booking: FakeBooking = {
      id,
      uid: `fake-${id}`,
      start: start.toISOString(),
      end: new Date(start.getTime() + minutes * 60_000).toISOString(),
      status: 'accepted',
      eventTypeId,
      metadata,
      createdAt: new Date().toISOString(),
    };
    this.bookings.set(booking.uid, booking);
    return booking;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const route = `${req.method} ${url.pathname}`;
    this.requests.push(route);
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (this.refusedByThrottle(req, res)) {
      this.throttled.push(route);
      return send(res, 429, {
        status: 'error',
        error: {
          code: 'ThrottlerException',
          message: 'CustomThrottlerGuard - Too many requests. Please try again later.',
        },
      });
    }
    if (this.down) {
      return send(res, 500, { status: 'error', error: { message: 'Internal server error' } });
    }
    if (!String(req.headers.authorization ?? '').startsWith('Bearer cal_')) {
      return send(res, 401, { status: 'error', error: { message: 'Unauthorized' } });
    }
    if (!req.headers['cal-api-version']) {
      return send(res, 404, { status: 'error', error: { message: 'Not found' } });
    }
    if (req.method === 'POST' && url.pathname === '/v2/bookings') {
      return this.create(JSON.parse(text) as CreateRequest['body'], res);
    }
    if (req.method === 'GET' && url.pathname === '/v2/bookings') return this.list(url, res);
    if (req.method === 'GET' && url.pathname === '/v2/slots') return this.slots(url, res);
    const eventType = /^\/v2\/event-types\/(\d+)$/.exec(url.pathname);
    if (req.method === 'GET' && eventType) return this.eventType(Number(eventType[1]), res);
    const one = /^\/v2\/bookings\/([^/]+)(\/cancel|\/reschedule)?$/.exec(url.pathname);
    if (one) {
      const booking = this.bookings.get(decodeURIComponent(one[1]));
      if (!booking) {
        return send(res, 404, { status: 'error', error: { message: 'Booking not found' } });
      }
      if (req.method === 'GET' && !one[2]) return send(res, 200, success(output(booking)));
      if (req.method === 'POST' && one[2] === '/reschedule') {
        return this.reschedule(booking, JSON.parse(text) as RescheduleRequest['body'], res);
      }
      if (req.method === 'POST' && one[2]) {
        if (this.failCancels > 0) {
          this.failCancels--;
          return send(res, 500, { status: 'error', error: { message: 'Internal server error' } });
        }
        if (booking.status === 'cancelled') {
          // Cal.com refuses to cancel twice.
          return send(res, 400, {
            status: 'error',
            error: {
              code: 'BadRequestException',
              message: `Can't cancel booking with uid=${booking.uid} because it has been cancelled already.`,
            },
          });
        }
        booking.status = 'cancelled';
        return send(res, 200, success(output(booking)));
      }
    }
    send(res, 404, { status: 'error', error: { message: `no route ${route}` } });
  }

  /**
   * Counts the request against its key and sets the throttler's headers; true when refused.
   * Counted when the request arrives (after the latency, as the handler would run).
   */
  private refusedByThrottle(req: IncomingMessage, res: ServerResponse): boolean {
    const throttle = this.throttle;
    if (!throttle) return false;
    const key = String(req.headers.authorization ?? '');
    const now = Date.now();
    let state = this.throttleStates.get(key);
    if (!state || now >= state.windowStart + throttle.windowMs) {
      state = { windowStart: now, hits: 0, blockedUntil: state?.blockedUntil ?? 0 };
      this.throttleStates.set(key, state);
    }
    state.hits++;
    if (state.blockedUntil <= now && state.hits > throttle.limit) {
      state.blockedUntil = now + throttle.blockMs;
    }
    const blocked = state.blockedUntil > now;
    const resetMs = blocked
      ? state.blockedUntil - now
      : state.windowStart + throttle.windowMs - now;
    res.setHeader('X-RateLimit-Limit-Default', throttle.limit);
    res.setHeader(
      'X-RateLimit-Remaining-Default',
      blocked ? 0 : Math.max(0, throttle.limit - state.hits),
    );
    res.setHeader('X-RateLimit-Reset-Default', Math.ceil(resetMs / 1000));
    return blocked;
  }

  private create(body: CreateRequest['body'], res: ServerResponse): void {
    const ownLength = this.singleLength.get(body.eventTypeId);
    if (ownLength !== undefined && body.lengthInMinutes) {
      this.refusedLengths.push(body);
      // Cal.com's check, made before it books anything.
      return send(res, 400, {
        status: 'error',
        error: {
          code: 'BadRequestException',
          message:
            "Can't specify 'lengthInMinutes' because event type does not have multiple possible lengths. Please, remove the 'lengthInMinutes' field from the request.",
        },
      });
    }
    const offered = this.offeredLengths.get(body.eventTypeId);
    if (offered && body.lengthInMinutes && !offered.includes(body.lengthInMinutes)) {
      this.refusedLengths.push(body);
      return send(res, 400, {
        status: 'error',
        error: {
          code: 'BadRequestException',
          message: `Provided 'lengthInMinutes' is not one of the possible lengths for the event type. The possible lengths are: ${offered.join(', ')}`,
        },
      });
    }
    this.createBodies.push(body);
    const behaviour = this.onCreate({ n: this.createBodies.length, body });
    const minutes = ownLength ?? body.lengthInMinutes ?? DEFAULT_LENGTH;
    const at = new Date(body.start);
    switch (behaviour.kind) {
      case 'ok':
        return send(
          res,
          201,
          success(output(this.book(body.eventTypeId, at, minutes, body.metadata))),
        );
      case 'elsewhere':
        return send(
          res,
          201,
          success(output(this.book(body.eventTypeId, behaviour.start, minutes, body.metadata))),
        );
      case 'error':
        if (behaviour.created) this.book(body.eventTypeId, at, minutes, body.metadata);
        return send(res, behaviour.status, {
          status: 'error',
          error: { code: 'BadRequestException', message: behaviour.message },
        });
      case 'hang':
        if (behaviour.created) this.book(body.eventTypeId, at, minutes, body.metadata);
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
    }
  }

  private async reschedule(
    booking: FakeBooking,
    body: RescheduleRequest['body'],
    res: ServerResponse,
  ): Promise<void> {
    const request = { n: this.rescheduleRequests.length + 1, uid: booking.uid, body };
    this.rescheduleRequests.push(request);
    if (booking.status === 'cancelled') {
      return send(res, 400, {
        status: 'error',
        error: {
          code: 'BadRequestException',
          message: `Can't reschedule booking with uid=${booking.uid} because it has been cancelled.`,
        },
      });
    }
    const at = new Date(body.start);
    const minutes = this.singleLength.get(booking.eventTypeId) ?? DEFAULT_LENGTH;
    const end = at.getTime() + minutes * 60_000;
    const busy = this.live().some(
      (b) => b.uid !== booking.uid && Date.parse(b.start) < end && at.getTime() < Date.parse(b.end),
    );
    if (busy) {
      return send(res, 400, {
        status: 'error',
        error: {
          code: 'BadRequestException',
          message: 'User either already has booking at this time or is not available',
        },
      });
    }
    const behaviour = await this.onReschedule(request);
    const move = (): FakeBooking => {
      const moved = this.book(booking.eventTypeId, at, minutes, { ...booking.metadata });
      moved.rescheduledFromUid = booking.uid;
      booking.status = 'cancelled';
      booking.rescheduledToUid = moved.uid;
      return moved;
    };
    switch (behaviour.kind) {
      case 'ok':
        return send(res, 201, success(output(move())));
      case 'error':
        if (behaviour.moved) move();
        return send(res, behaviour.status, {
          status: 'error',
          error: { code: 'InternalServerErrorException', message: behaviour.message },
        });
      case 'hang':
        if (behaviour.moved) move();
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
    }
  }

  private eventType(id: number, res: ServerResponse): void {
    const after = this.eventTypeBuffers.get(id);
    if (after === undefined) {
      return send(res, 404, { status: 'error', error: { message: 'Event type not found' } });
    }
    const length = this.singleLength.get(id) ?? DEFAULT_LENGTH;
    send(res, 200, {
      status: 'success',
      data: {
        id,
        slug: `event-${id}`,
        title: `Event ${id}`,
        lengthInMinutes: length,
        beforeEventBuffer: 0,
        afterEventBuffer: after,
      },
    });
  }

  private slots(url: URL, res: ServerResponse): void {
    const eventTypeId = Number(url.searchParams.get('eventTypeId'));
    const start = Date.parse(url.searchParams.get('start') ?? '');
    const end = Date.parse(url.searchParams.get('end') ?? '');
    if (!eventTypeId || Number.isNaN(start) || Number.isNaN(end) || end <= start) {
      return send(res, 400, { status: 'error', error: { message: 'start, end, eventTypeId' } });
    }
    // Starts every quarter hour (the event type's slot interval) from which `duration` minutes
    // (else a quarter) are free; with format=range each says where it ends.
    const QUARTER = 15 * 60_000;
    const lengthMs = (Number(url.searchParams.get('duration')) || 15) * 60_000;
    const range = url.searchParams.get('format') === 'range';
    const taken = [...this.bookings.values()].filter(
      (b) => b.eventTypeId === eventTypeId && b.status === 'accepted',
    );
    const data: Record<string, Array<{ start: string; end?: string }>> = {};
    for (let t = Math.ceil(start / QUARTER) * QUARTER; t < end; t += QUARTER) {
      const busy = taken.some((b) => Date.parse(b.start) < t + lengthMs && t < Date.parse(b.end));
      if (busy) continue;
      const iso = new Date(t).toISOString();
      (data[iso.slice(0, 10)] ??= []).push(
        range ? { start: iso, end: new Date(t + lengthMs).toISOString() } : { start: iso },
      );
    }
    send(res, 200, { status: 'success', data });
  }

  private list(url: URL, res: ServerResponse): void {
    const eventTypeId = Number(url.searchParams.get('eventTypeId'));
    const eventTypeIds = (url.searchParams.get('eventTypeIds') ?? '')
      .split(',')
      .filter((id) => id !== '')
      .map(Number);
    const after = Date.parse(url.searchParams.get('afterStart') ?? '1970-01-01T00:00:00Z');
    const before = Date.parse(url.searchParams.get('beforeEnd') ?? '2999-01-01T00:00:00Z');
    const take = Number(url.searchParams.get('take') ?? 100);
    const skip = Number(url.searchParams.get('skip') ?? 0);
    const hidden = this.hideFromListings();
    const all = [...this.bookings.values()].filter(
      (b) =>
        !hidden &&
        (!eventTypeId || b.eventTypeId === eventTypeId) &&
        (eventTypeIds.length === 0 || eventTypeIds.includes(b.eventTypeId)) &&
        Date.parse(b.start) >= after &&
        Date.parse(b.end) <= before,
    );
    const page = all.slice(skip, skip + take);
    const currentPage = Math.floor(skip / take) + 1;
    const totalPages = Math.max(1, Math.ceil(all.length / take));
    send(res, 200, {
      status: 'success',
      data: page.map(output),
      pagination: {
        totalItems: all.length,
        remainingItems: Math.max(0, all.length - skip - page.length),
        returnedItems: page.length,
        itemsPerPage: take,
        currentPage,
        totalPages,
        hasNextPage: skip + page.length < all.length,
        hasPreviousPage: skip > 0,
      },
    });
  }
}

function output(b: FakeBooking): Record<string, unknown> {
  const minutes = Math.round((Date.parse(b.end) - Date.parse(b.start)) / 60_000);
  return {
    id: b.id,
    uid: b.uid,
    title: 'Termin',
    description: '',
    hosts: [
      {
        id: 1,
        name: 'Anna',
        email: 'anna@salon.example',
        username: 'anna',
        timeZone: 'Europe/Berlin',
      },
    ],
    status: b.status,
    start: b.start,
    end: b.end,
    duration: minutes,
    eventTypeId: b.eventTypeId,
    eventType: { id: b.eventTypeId, slug: `event-${b.eventTypeId}` },
    location: '',
    absentHost: false,
    createdAt: b.createdAt ?? new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    attendees: [],
    bookingFieldsResponses: {},
    metadata: b.metadata,
    ...(b.rescheduledFromUid ? { rescheduledFromUid: b.rescheduledFromUid } : {}),
    ...(b.rescheduledToUid ? { rescheduledToUid: b.rescheduledToUid } : {}),
  };
}

const success = (data: unknown) => ({ status: 'success', data });

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
