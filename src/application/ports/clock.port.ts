/** "Now" is injected so that demos and tests can pin it (FIXED_NOW). */
export const CLOCK = Symbol('Clock');

export interface Clock {
  now(): Date;
}
