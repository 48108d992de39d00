import { CalendarRateLimited, isCalendarError } from '../../domain/calendar/calendar.errors';

/**
 * Whether a failed calendar request only has to wait: the breaker refused it unsent, or the
 * calendar's throttler refused it before doing anything. Such a failure costs no attempt; the
 * job comes back after `retryAfterMs` when the calendar named it, the usual wait otherwise.
 */
export interface CalendarWait {
  readonly waiting: boolean;
  readonly retryAfterMs?: number;
}

/** A calendar request that failed, and whether it only has to wait. */
export interface CalendarTrouble extends CalendarWait {
  readonly reason: string;
}

export function waitOn(error: unknown): CalendarWait {
  const waiting =
    isCalendarError(error) &&
    (error.code === 'CALENDAR.UNAVAILABLE' || error.code === 'CALENDAR.RATE_LIMITED');
  const seconds = error instanceof CalendarRateLimited ? error.retryAfterSeconds : undefined;
  return waiting && seconds !== undefined ? { waiting, retryAfterMs: seconds * 1000 } : { waiting };
}

/** The longest wait a rate limit named, the usual wait for failures that named none. */
export function waitFor(troubles: readonly CalendarWait[], usualMs: number): number {
  return Math.max(1, ...troubles.map((f) => f.retryAfterMs ?? usualMs));
}
