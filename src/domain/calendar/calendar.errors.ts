import { ThrownDomainError } from '../shared/domain-error';

/**
 * Failures of the external calendar (Cal.com) as the rest of the service sees them.
 *
 * These are the "surprises" of convention 5: the calendar adapter throws them (the promise
 * rejects), it does not return them as values; so they are real Errors, with a stack. The sync worker catches them, verifies by
 * metadata lookup and decides whether to retry; availability catches `CalendarUnavailable`
 * (and the others) and falls back to the local calendar.
 *
 * `code` is stable and `message` is a fixed English line for logs (what a caller hears is the
 * edge's sentence for the code). `detail` is for logs only (upstream status and message, never
 * credentials) and must not be shown to callers. `retryable` says whether the same request may
 * succeed later.
 */
export abstract class CalendarError extends ThrownDomainError {
  abstract readonly retryable: boolean;
  override readonly name: string = this.constructor.name;

  protected constructor(readonly detail?: string) {
    super();
  }
}

/** The API key was refused (401/403) or no key is configured for the tenant. */
export class CalendarAuthFailed extends CalendarError {
  readonly code = 'CALENDAR.AUTH_FAILED';
  readonly message = 'The calendar refused the API key, or none is configured.';
  readonly retryable = false;

  constructor(detail?: string) {
    super(detail);
  }
}

/** The booking (or event type) does not exist in the external calendar (404). */
export class CalendarNotFound extends CalendarError {
  readonly code = 'CALENDAR.NOT_FOUND';
  readonly message = 'The calendar does not know the booking or event type.';
  readonly retryable = false;

  constructor(detail?: string) {
    super(detail);
  }
}

/** Too many requests (429). `retryAfterSeconds` comes from the Retry-After header when sent. */
export class CalendarRateLimited extends CalendarError {
  readonly code = 'CALENDAR.RATE_LIMITED';
  readonly message = 'The calendar refused the request: too many requests.';
  readonly retryable = true;

  constructor(
    readonly retryAfterSeconds?: number,
    detail?: string,
  ) {
    super(detail);
  }
}

/**
 * The time is taken or the host is not available: HTTP 409, or HTTP 400 with Cal.com's
 * "User either already has booking at this time or is not available" text. Cal.com has been seen
 * to answer this way although it created the booking, so callers verify before believing it.
 */
export class CalendarConflict extends CalendarError {
  readonly code = 'CALENDAR.CONFLICT';
  readonly message = 'The calendar says the time is taken or the host is not available.';
  readonly retryable = false;

  constructor(detail?: string) {
    super(detail);
  }
}

/** Cal.com answered 5xx (or an unreadable success body). */
export class CalendarServerError extends CalendarError {
  readonly code = 'CALENDAR.SERVER_ERROR';
  readonly message = 'The calendar answered with a server error.';
  readonly retryable = true;

  constructor(
    readonly status?: number,
    detail?: string,
  ) {
    super(detail);
  }
}

/** The request did not reach Cal.com or the connection broke (DNS, reset, TLS ...). */
export class CalendarNetworkError extends CalendarError {
  readonly code = 'CALENDAR.NETWORK_ERROR';
  readonly message = 'The calendar could not be reached.';
  readonly retryable = true;

  constructor(detail?: string) {
    super(detail);
  }
}

/** No answer within the configured time. The request may still have taken effect. */
export class CalendarTimeout extends CalendarError {
  readonly code = 'CALENDAR.TIMEOUT';
  readonly message = 'The calendar did not answer in time.';
  readonly retryable = true;

  constructor(
    readonly timeoutMs?: number,
    detail?: string,
  ) {
    super(detail);
  }
}

/** The circuit breaker for this calendar account is open: calls fail fast without a request. */
export class CalendarUnavailable extends CalendarError {
  readonly code = 'CALENDAR.UNAVAILABLE';
  readonly message = 'The circuit breaker for the calendar account is open.';
  readonly retryable = true;

  constructor(detail?: string) {
    super(detail);
  }
}

/** Cal.com refused the request as invalid (400/422 other than a conflict, other 4xx). */
export class CalendarBadRequest extends CalendarError {
  readonly code = 'CALENDAR.BAD_REQUEST';
  readonly message = 'The calendar refused the request as invalid.';
  readonly retryable = false;

  constructor(
    readonly status?: number,
    detail?: string,
  ) {
    super(detail);
  }
}

/**
 * The account's Cal.com host is one the service must not reach: not https, or on a private,
 * loopback, link-local or otherwise non-public address (checked at every connection), and not
 * on the operator's allow-list. Nothing was sent.
 */
export class CalendarAddressRefused extends CalendarError {
  readonly code = 'CALENDAR.ADDRESS_REFUSED';
  readonly message = 'The calendar host is not one the service may reach; nothing was sent.';
  readonly retryable = false;

  constructor(detail?: string) {
    super(detail);
  }
}

export const isCalendarError = (e: unknown): e is CalendarError => e instanceof CalendarError;
