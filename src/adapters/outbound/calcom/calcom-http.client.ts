import type { CalendarCredential } from '../../../application/ports/calendar-gateway.port';
import type { Clock } from '../../../application/ports/clock.port';
import {
  CalendarAddressRefused,
  CalendarAuthFailed,
  CalendarBadRequest,
  CalendarConflict,
  CalendarError,
  CalendarNetworkError,
  CalendarNotFound,
  CalendarRateLimited,
  CalendarServerError,
  CalendarTimeout,
} from '../../../domain/calendar/calendar.errors';
import type { CalcomConfig } from './calcom.config';
import type { CalcomPagination, CalcomQuery } from './calcom.types';
import { isRecord } from '../../../common/is-record';
import { checkCalcomBaseUrl, type CheckedBaseUrl } from './calcom-address-policy';
import { calcomAnswerReason, upstreamMessage } from './calcom-answer-reason';
import { AddressRefusedError } from './calcom-host-resolver';
import { readRateLimit, type RateLimitObserver } from './calcom-rate-limit-headers';
import type { CalcomTransport, TransportResponse } from './calcom-transport';

/** Endpoint families; each needs its own `cal-api-version` and timeout. */
export type CalcomApiFamily = 'slots' | 'bookings' | 'eventTypes';

export interface CalcomRequest {
  readonly family: CalcomApiFamily;
  readonly method: 'GET' | 'POST';
  /** Path below the base URL, starting with /v2/. Path parameters already encoded. */
  readonly path: string;
  readonly query?: CalcomQuery;
  readonly body?: unknown;
}

export interface CalcomResponse<T> {
  readonly httpStatus: number;
  readonly data: T;
  readonly pagination?: CalcomPagination;
}

/** Cal.com's text for "slot taken / host busy" (HTTP 400), and the older error code. */
const CONFLICT_TEXT = /already has booking|not available|no_available_users/i;

/**
 * Thin HTTP client for Cal.com API v2: bearer key, per-family version header and timeout,
 * `{status, data}` envelope, and every failure turned into a typed CalendarError whose detail
 * holds a status and a short scrubbed reason, never Cal.com's body. Each request's host is
 * checked against the address policy first. It knows nothing of breakers or caches.
 */
export class CalcomHttpClient {
  constructor(
    private readonly config: CalcomConfig,
    private readonly clock: Clock,
    private readonly transport: CalcomTransport,
    /** Hears each answer's throttle headers (the request quota learns from them). */
    private readonly onRateLimit: RateLimitObserver = async () => undefined,
  ) {}

  async send<T>(
    credential: CalendarCredential,
    request: CalcomRequest,
  ): Promise<CalcomResponse<T>> {
    const timeoutMs =
      request.family === 'bookings'
        ? this.config.timeouts.bookingsMs
        : this.config.timeouts.slotsMs;
    const what = `${request.method} ${request.path}`;
    const target = this.target(credential, request, what);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${credential.apiKey}`,
      'cal-api-version': this.config.apiVersions[request.family],
      Accept: 'application/json',
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await this.transport.send({
        url: target.url,
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
        allowListed: target.allowListed,
      });
      const reading = readRateLimit(response);
      if (reading) {
        const heard = this.onRateLimit(credential.apiKey, reading).catch(() => undefined);
        if (reading.refused) await heard;
      }
      return this.interpret<T>(what, response, reading?.resetSeconds);
    } catch (error) {
      if (error instanceof CalendarError) throw error;
      if (error instanceof AddressRefusedError) {
        throw new CalendarAddressRefused(
          `${what}: Cal.com host ${error.hostname} resolves to a non-public address; refused`,
        );
      }
      if (timedOut)
        throw new CalendarTimeout(timeoutMs, `${what}: no answer within ${timeoutMs} ms`);
      throw new CalendarNetworkError(`${what}: Cal.com not reached (${networkCode(error)})`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The request's URL on a base checked now (rows stored before the policy existed too). */
  private target(
    credential: CalendarCredential,
    request: CalcomRequest,
    what: string,
  ): CheckedBaseUrl {
    const checked = checkCalcomBaseUrl(
      credential.baseUrl ?? this.config.baseUrl,
      this.config.allowedHosts,
    );
    if (!checked.ok) {
      throw new CalendarAddressRefused(`${what}: Cal.com base URL refused: it ${checked.reason}`);
    }
    const url = new URL(checked.url.href.replace(/\/+$/, '') + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return { ...checked, url };
  }

  close(): void {
    this.transport.close();
  }

  /** `resetSeconds`: the throttle's X-RateLimit-Reset-Default, the wait after a 429. */
  private interpret<T>(
    what: string,
    response: TransportResponse,
    resetSeconds?: number,
  ): CalcomResponse<T> {
    const body = parseJson(response.text);
    const status = response.status;
    if (status >= 200 && status < 300) {
      if (isRecord(body) && body.status === 'success' && 'data' in body) {
        return {
          httpStatus: status,
          data: body.data as T,
          pagination: isRecord(body.pagination)
            ? (body.pagination as unknown as CalcomPagination)
            : undefined,
        };
      }
      throw new CalendarServerError(
        status,
        `${what} → Cal.com answered ${status} without a success envelope`,
      );
    }
    const detail = `${what} → ${calcomAnswerReason(status, body)}`;
    if (status === 401 || status === 403) throw new CalendarAuthFailed(detail);
    if (status === 404) throw new CalendarNotFound(detail);
    if (status === 409) throw new CalendarConflict(detail);
    if (status === 429) {
      // Cal.com sends no Retry-After; its Reset header says when the block ends.
      throw new CalendarRateLimited(
        parseRetryAfter(response.header('retry-after'), this.clock.now()) ?? resetSeconds,
        detail,
      );
    }
    if (status === 400 && CONFLICT_TEXT.test(upstreamMessage(body) ?? '')) {
      throw new CalendarConflict(detail);
    }
    if (status >= 500) throw new CalendarServerError(status, detail);
    throw new CalendarBadRequest(status, detail);
  }
}

/** Retry-After as seconds: either delta-seconds or an HTTP date (relative to `now`). */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The network failure's code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED ...), not its text. */
function networkCode(error: unknown): string {
  for (let e: unknown = error, depth = 0; isRecord(e) && depth < 3; e = e.cause, depth++) {
    if (typeof e.code === 'string' && /^[A-Z0-9_]{2,40}$/.test(e.code)) return e.code;
  }
  return 'connection failed';
}
