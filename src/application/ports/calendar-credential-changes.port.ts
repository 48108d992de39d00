export const CALENDAR_CREDENTIAL_CHANGES = Symbol('CalendarCredentialChanges');

/**
 * Told when a calendar credential was rotated or removed, so that what this process keeps for it
 * (the decrypted key, the circuit breaker) goes at once and the next call reads the new state.
 */
export interface CalendarCredentialChanges {
  changed(credentialRef: string): void;
}
