import type { CalendarCredential } from '../../../application/ports/calendar-gateway.port';
import type { Clock } from '../../../application/ports/clock.port';
import {
  CalendarAuthFailed,
  CalendarBadRequest,
  CalendarConflict,
  CalendarError,
  CalendarNetworkError,
  CalendarNotFound,
  CalendarRateLimited,
  CalendarServerError,
  CalendarTimeout,
} from '../../../domain/calendar/calendar-errors';
import type { CalcomConfig } from './calcom.config';
import type { CalcomPagination, CalcomQuery } from './calcom.types';
import { isRecord } from '../../../common/is-record';

/** Endpoint families; each needs its own `cal-api-version` and timeout. */
export type CalcomApiFamily = 'slots' | 'bookings';

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

type FetchFn = typeof fetch;

/** Cal.com's text for "slot taken / host busy" (HTTP 400), and the older error code. */
const CONFLICT_TEXT = /already has booking|not available|no_available_users/i;

/**
 * Thin HTTP client for Cal.com API v2: bearer key, per-family version header and timeout,
 * `{status, data}` envelope, and every failure turned into a typed CalendarError.
 * It knows nothing of breakers or caches.
 */
export class CalcomHttpClient {
  constructor(
    private readonly config: CalcomConfig,
    private readonly clock: Clock,
    private readonly fetchFn: FetchFn = (input, init) => fetch(input, init),
  ) {}

  async send<T>(
    credential: CalendarCredential,
    request: CalcomRequest,
  ): Promise<CalcomResponse<T>> {
    const timeoutMs =
      request.family === 'slots' ? this.config.timeouts.slotsMs : this.config.timeouts.bookingsMs;
    const url = this.url(credential, request);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${credential.apiKey}`,
      'cal-api-version': this.config.apiVersions[request.family],
      Accept: 'application/json',
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    const what = `${request.method} ${request.path}`;

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await this.fetchFn(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
      const text = await response.text();
      return this.interpret<T>(what, response, text);
    } catch (error) {
      if (error instanceof CalendarError) throw error;
      if (timedOut)
        throw new CalendarTimeout(timeoutMs, `${what}: no answer within ${timeoutMs} ms`);
      throw new CalendarNetworkError(`${what}: ${describe(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private url(credential: CalendarCredential, request: CalcomRequest): string {
    const base = (credential.baseUrl ?? this.config.baseUrl).replace(/\/+$/, '');
    const url = new URL(base + request.path);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  private interpret<T>(what: string, response: Response, text: string): CalcomResponse<T> {
    const body = parseJson(text);
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
        `${what} → ${status} without a success envelope: ${errorText(body, text)}`,
      );
    }
    const detail = `${what} → ${status}: ${errorText(body, text)}`;
    if (status === 401 || status === 403) throw new CalendarAuthFailed(detail);
    if (status === 404) throw new CalendarNotFound(detail);
    if (status === 409) throw new CalendarConflict(detail);
    if (status === 429) {
      throw new CalendarRateLimited(
        parseRetryAfter(response.headers.get('retry-after'), this.clock.now()),
        detail,
      );
    }
    if (status === 400 && CONFLICT_TEXT.test(errorText(body, text))) {
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

/** The upstream error message from `{status:'error', error:{message}}` or a bare `{message}`. */
function errorText(body: unknown, text: string): string {
  if (isRecord(body)) {
    const error = body.error;
    const message = isRecord(error) ? error.message : (error ?? body.message);
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.map(String).join('; ');
  }
  return text.slice(0, 300);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const causeText = cause instanceof Error ? ` (${cause.message})` : '';
    return `${error.message}${causeText}`;
  }
  return String(error);
}
