import type { TransportResponse } from './calcom-transport';

/**
 * What one answer said about its API key's throttle (Cal.com's CustomThrottlerGuard, throttler
 * "default"): `X-RateLimit-Limit-Default`, `-Remaining-Default`, `-Reset-Default` (seconds until
 * the window ends, or until the block ends once the key is blocked). Cal.com sends no
 * `Retry-After`.
 */
export interface RateLimitReading {
  readonly limit?: number;
  readonly remaining?: number;
  readonly resetSeconds?: number;
  /** The answer was a 429: the key is blocked for `resetSeconds` (Cal.com: 60 s). */
  readonly refused: boolean;
}

/**
 * Told of every answer that carried throttle headers, and of every 429. A 429 is awaited (the
 * block must be known before anyone asks again); the others are not.
 */
export type RateLimitObserver = (apiKey: string, reading: RateLimitReading) => Promise<void>;

const count = (value: string | null): number | undefined => {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
};

/** The reading of an answer, or null when it carried no throttle header and was no 429. */
export function readRateLimit(response: TransportResponse): RateLimitReading | null {
  const reading = {
    limit: count(response.header('x-ratelimit-limit-default')),
    remaining: count(response.header('x-ratelimit-remaining-default')),
    resetSeconds: count(response.header('x-ratelimit-reset-default')),
    refused: response.status === 429,
  };
  const said =
    reading.limit !== undefined ||
    reading.remaining !== undefined ||
    reading.resetSeconds !== undefined;
  return said || reading.refused ? reading : null;
}
