import CircuitBreaker from 'opossum';
import type {
  CalendarBreakerState,
  CalendarCredentialRef,
} from '../../../application/ports/calendar-gateway.port';
import {
  CalendarAddressRefused,
  CalendarAuthFailed,
  CalendarBadRequest,
  CalendarConflict,
  CalendarNotFound,
  CalendarUnavailable,
} from '../../../domain/calendar/calendar.errors';
import type { CalcomBreakerConfig } from './calcom.config';

type Task = () => Promise<unknown>;

/**
 * Answers from Cal.com that prove it is up and only refuse this one request. They reject the
 * call but are not breaker failures (nor is a host refused before anything was sent).
 * Timeouts, network and server errors and 429 count.
 */
export function isClientRefusal(error: unknown): boolean {
  return (
    error instanceof CalendarNotFound ||
    error instanceof CalendarBadRequest ||
    error instanceof CalendarConflict ||
    error instanceof CalendarAuthFailed ||
    error instanceof CalendarAddressRefused
  );
}

/**
 * One opossum CircuitBreaker per tenant credential, so one salon's broken account does not
 * stop the others. The breaker has no timeout of its own (the HTTP client owns timeouts).
 * While open (or while a half-open probe is in flight) calls fail fast with CalendarUnavailable.
 */
export class CalcomBreakers {
  private readonly breakers = new Map<CalendarCredentialRef, CircuitBreaker<[Task], unknown>>();

  constructor(private readonly config: CalcomBreakerConfig) {}

  async run<T>(credentialRef: CalendarCredentialRef, task: () => Promise<T>): Promise<T> {
    const breaker = this.breakerFor(credentialRef);
    try {
      return (await breaker.fire(task)) as T;
    } catch (error) {
      if (isObject(error) && CircuitBreaker.isOurError(error as Error)) {
        throw new CalendarUnavailable(`breaker for ${credentialRef}: ${(error as Error).message}`);
      }
      throw error;
    }
  }

  state(credentialRef: CalendarCredentialRef): CalendarBreakerState {
    const breaker = this.breakers.get(credentialRef);
    if (!breaker) return 'closed';
    if (breaker.opened) return 'open';
    if (breaker.halfOpen) return 'half_open';
    return 'closed';
  }

  /** States of every breaker created so far, for health and metrics. */
  states(): ReadonlyMap<CalendarCredentialRef, CalendarBreakerState> {
    return new Map([...this.breakers.keys()].map((ref) => [ref, this.state(ref)]));
  }

  /** The opossum instance (created on first use) for listening to its events. */
  breakerFor(credentialRef: CalendarCredentialRef): CircuitBreaker<[Task], unknown> {
    let breaker = this.breakers.get(credentialRef);
    if (!breaker) {
      breaker = new CircuitBreaker<[Task], unknown>((task: Task) => task(), {
        name: `calcom:${credentialRef}`,
        timeout: false,
        errorThresholdPercentage: this.config.errorThresholdPercentage,
        volumeThreshold: this.config.volumeThreshold,
        resetTimeout: this.config.resetTimeoutMs,
        rollingCountTimeout: this.config.rollingCountTimeoutMs,
        errorFilter: (error: Error) => isClientRefusal(error),
      });
      this.breakers.set(credentialRef, breaker);
    }
    return breaker;
  }

  /** Drops one credential's breaker (its key was rotated or removed): the next call starts closed. */
  forget(credentialRef: CalendarCredentialRef): void {
    this.breakers.get(credentialRef)?.shutdown();
    this.breakers.delete(credentialRef);
  }

  /** Stops every breaker's timers. */
  shutdown(): void {
    for (const breaker of this.breakers.values()) breaker.shutdown();
    this.breakers.clear();
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
