import { DomainError } from '../shared/domain-error';
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
  CalendarUnavailable,
  isCalendarError,
} from './calendar.errors';

describe('calendar errors', () => {
  const cases: Array<[CalendarError, string, boolean]> = [
    [new CalendarAuthFailed('401 Invalid API Key'), 'CALENDAR.AUTH_FAILED', false],
    [new CalendarNotFound('404'), 'CALENDAR.NOT_FOUND', false],
    [new CalendarRateLimited(17, '429'), 'CALENDAR.RATE_LIMITED', true],
    [new CalendarConflict('400 already has booking'), 'CALENDAR.CONFLICT', false],
    [new CalendarServerError(502, '502 Bad Gateway'), 'CALENDAR.SERVER_ERROR', true],
    [new CalendarNetworkError('ECONNRESET'), 'CALENDAR.NETWORK_ERROR', true],
    [new CalendarTimeout(5000, 'POST /v2/bookings'), 'CALENDAR.TIMEOUT', true],
    [new CalendarUnavailable('breaker open'), 'CALENDAR.UNAVAILABLE', true],
    [new CalendarBadRequest(400, 'attendee.name'), 'CALENDAR.BAD_REQUEST', false],
  ];

  const named = cases.map(
    ([error, code, retryable]) => [error.name, error, code, retryable] as const,
  );

  it.each(named)('%s has code %s and retryable=%s', (_name, error, code, retryable) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(isCalendarError(error)).toBe(true);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.name).toBe(error.constructor.name);
  });

  // What a caller hears of them is the edge's sentence (domain-error.sentences).
  it.each(named)('%s logs a fixed English line, its detail kept apart', (_name, error) => {
    expect(error.message).toMatch(/^The [\x20-\x7e]*\.$/);
    expect(error.message.length).toBeLessThan(100);
    expect(error.message).toMatch(/calendar/);
    expect(error.message).not.toContain(error.detail ?? '\u0000');
    expect(error.message).not.toMatch(/\d{3}|http|cal\.com/i);
  });

  it.each(named)('%s is a real Error: a stack that names it and its sentence', (_name, error) => {
    expect(error).toBeInstanceOf(Error);
    expect(error.stack?.split('\n')[0]).toBe(`${error.name}: ${error.message}`);
    expect(error.stack).toContain('calendar.errors.spec.ts');
  });

  it('serialises to the same JSON as before it was an Error (no stack in it)', () => {
    expect(JSON.stringify(new CalendarRateLimited(17, '429'))).toBe(
      '{"detail":"429","name":"CalendarRateLimited","retryAfterSeconds":17,' +
        '"code":"CALENDAR.RATE_LIMITED",' +
        '"message":"The calendar refused the request: too many requests.","retryable":true}',
    );
    expect(JSON.stringify(new CalendarTimeout(5000))).toBe(
      '{"name":"CalendarTimeout","timeoutMs":5000,"code":"CALENDAR.TIMEOUT",' +
        '"message":"The calendar did not answer in time.","retryable":true}',
    );
  });

  it('codes are distinct', () => {
    expect(new Set(cases.map(([e]) => e.code)).size).toBe(cases.length);
  });

  it('keeps Retry-After seconds and the timeout for the caller', () => {
    expect(new CalendarRateLimited(30).retryAfterSeconds).toBe(30);
    expect(new CalendarRateLimited().retryAfterSeconds).toBeUndefined();
    expect(new CalendarTimeout(3000).timeoutMs).toBe(3000);
  });

  it('does not take other values for calendar errors', () => {
    expect(isCalendarError(new Error('x'))).toBe(false);
    expect(isCalendarError({ code: 'CALENDAR.TIMEOUT', message: 'x' })).toBe(false);
  });
});
