/**
 * The rate limits' own "now", in milliseconds: real time, not the injected business Clock
 * (FIXED_NOW pins that for demos, but a window has to move). Tests put a clock of their own here.
 */
export const RATE_LIMIT_TIME = Symbol('RateLimitTime');

export interface RateLimitTime {
  nowMs(): number;
}

export const REAL_TIME: RateLimitTime = { nowMs: () => Date.now() };
