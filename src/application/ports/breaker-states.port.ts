/** Whatever can tell the Cal.com breakers' states (the Cal.com gateway), for metrics and health. */
export const BREAKER_STATES = Symbol('BreakerStates');

export interface BreakerStates {
  breakerStates(): ReadonlyMap<string, 'closed' | 'open' | 'half_open'>;
}

/** Where no calendar has breakers (the local calendar): none to report. */
export const NO_BREAKERS: BreakerStates = { breakerStates: () => new Map() };
