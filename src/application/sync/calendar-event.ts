/** A booking event from the external calendar, already checked for its signature. */
export interface CalendarEvent {
  readonly trigger: 'BOOKING_CREATED' | 'BOOKING_CANCELLED' | 'BOOKING_RESCHEDULED';
  readonly uid: string;
  /** For a reschedule: the uid of the booking that was moved, when the payload names it. */
  readonly previousUid?: string;
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
