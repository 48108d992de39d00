/** A booking event from the external calendar, already checked for its signature. */
export interface CalendarEvent {
  readonly trigger: 'BOOKING_CREATED' | 'BOOKING_CANCELLED' | 'BOOKING_RESCHEDULED';
  readonly uid: string;
  /** For a reschedule: the uid of the booking that was moved, when the payload names it. */
  readonly previousUid?: string;
  /**
   * For a cancellation: the booking that replaced this one, when the calendar cancelled it by
   * moving it (its BOOKING_RESCHEDULED tells where to).
   */
  readonly movedToUid?: string;
  /** The calendar's numeric id of the booking named by `uid`, when the payload carries it. */
  readonly bookingId?: number;
  readonly eventTypeId?: number;
  readonly start: Date;
  readonly end: Date;
  readonly metadata: Readonly<Record<string, string>>;
}

export type CalendarEventOutcome =
  | 'ignored'
  | 'blocked'
  | 'duplicate'
  | 'overlap_flagged'
  | 'released'
  | 'moved'
  | 'appointment_cancelled'
  | 'appointment_moved'
  | 'appointment_flagged';

/**
 * Whose webhook secret verified an event. A tenant's secret vouches only for that tenant's
 * calendar (several tenants when they share one secret, as any of them could have signed). The
 * operator's own secret vouches for whichever tenant our ledger or the event type names.
 */
export type CalendarEventSigner =
  | { readonly kind: 'tenants'; readonly companyIds: readonly string[] }
  | { readonly kind: 'operator' };

export function signedFor(signer: CalendarEventSigner, companyId: string): boolean {
  return signer.kind === 'operator' || signer.companyIds.includes(companyId);
}

/** The tenants an event may touch, or undefined for any (the operator's secret). */
export function signerTenants(signer: CalendarEventSigner): readonly string[] | undefined {
  return signer.kind === 'operator' ? undefined : signer.companyIds;
}
