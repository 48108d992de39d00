import type { TimeRange } from '../../domain/shared/time-range';

/**
 * The external calendar the salon's Postgres calendar is mirrored into (Cal.com in production,
 * a local in-process calendar for `npm start`). Types here are ours; no Cal.com shape leaks.
 *
 * Failures are thrown as the typed errors of `src/domain/calendar/calendar.errors.ts`
 * (CalendarTimeout, CalendarConflict, CalendarUnavailable, ...): they are surprises for the
 * caller, which verifies with `findBookingByMetadata` before retrying a write.
 */
export const CALENDAR_GATEWAY = Symbol('CalendarGateway');

/** Resolves a tenant's calendar credential reference to its secret; see `CalendarCredentials`. */
export const CALENDAR_CREDENTIALS = Symbol('CalendarCredentials');

/** Opaque reference to one tenant's calendar account (never the API key itself). */
export type CalendarCredentialRef = string;

export interface CalendarCredential {
  readonly apiKey: string;
  /** Overrides the configured API base URL for this account (e.g. another region). */
  readonly baseUrl?: string;
}

/** Looks up the secret for a credential reference; `null` when the tenant has none. */
export interface CalendarCredentials {
  resolve(credentialRef: CalendarCredentialRef): Promise<CalendarCredential | null>;
  /** Drops a kept answer (where answers are kept): the key was refused, read it again next time. */
  forget?(credentialRef: CalendarCredentialRef): void;
}

/**
 * Whose request it is, for the calendar's request quota: a caller on the phone first (it
 * never waits behind the others), then the sync, then reconciliation. Each method has its
 * usual one (availableStarts: live, listBookings: reconcile, the others: sync).
 */
export type CalendarPriority = 'live' | 'sync' | 'reconcile';

/** Whose slots these are: every cached slot answer is keyed by this whole scope. */
export interface SlotScope {
  readonly companyId: string;
  readonly branchId: string;
  readonly staffId: string;
}

/** Invalidation scope: a whole branch, or one stylist of it. */
export interface SlotInvalidationScope {
  readonly companyId: string;
  readonly branchId: string;
  readonly staffId?: string;
  /**
   * For one stylist: the time that changed. Only answers about the days around it go; without
   * it every answer of the stylist goes.
   */
  readonly around?: { readonly start: Date; readonly end: Date };
}

export interface AvailableStartsQuery {
  /** When not the method's usual one (see CalendarPriority). */
  readonly priority?: CalendarPriority;
  readonly credentialRef: CalendarCredentialRef;
  readonly scope: SlotScope;
  /** The stylist's own event type in the external calendar. */
  readonly eventTypeId: number;
  readonly range: TimeRange;
  /** IANA zone of the branch; the answer is instants either way. */
  readonly timeZone: string;
  /**
   * The length the starts are asked for (Cal.com's `duration`): the length the sync books the
   * step with, so an event type offering several lengths does not answer for a shorter one.
   */
  readonly lengthMinutes?: number;
}

export interface BookingAttendee {
  readonly name: string;
  /** E.164. */
  readonly phone?: string;
  readonly email?: string;
  readonly timeZone: string;
  readonly language: 'de';
}

/** Our ids travel with every booking so a lookup can match exactly. Values are strings. */
export interface BookingMetadata {
  readonly appointment_id: string;
  readonly phase_id: string;
  readonly company_id: string;
  readonly [key: string]: string;
}

export type ExternalBookingStatus = 'accepted' | 'pending' | 'cancelled' | 'rejected';

export interface ExternalBooking {
  /** Numeric id in the external calendar. */
  readonly externalId: number;
  /** Stable handle for all later calls (get, cancel, reschedule). */
  readonly uid: string;
  readonly start: Date;
  readonly end: Date;
  readonly status: ExternalBookingStatus;
  readonly metadata: Readonly<Record<string, string>>;
  /** After a reschedule: the booking this one replaced / the one that replaced it. */
  readonly rescheduledFromUid?: string;
  readonly rescheduledToUid?: string;
  /** When the calendar made it, when it says so (picks the first of duplicates). */
  readonly createdAt?: Date;
}

export interface CreateBookingCommand {
  /** When not the method's usual one (see CalendarPriority). */
  readonly priority?: CalendarPriority;
  readonly credentialRef: CalendarCredentialRef;
  readonly eventTypeId: number;
  readonly start: Date;
  readonly lengthMinutes?: number;
  readonly attendee: BookingAttendee;
  readonly metadata: BookingMetadata;
  /** When given, the cached slots of this scope are dropped after the booking changed. */
  readonly slotScope?: SlotInvalidationScope;
}

export interface FindBookingByMetadataQuery {
  /** When not the method's usual one (see CalendarPriority). */
  readonly priority?: CalendarPriority;
  readonly credentialRef: CalendarCredentialRef;
  readonly eventTypeId: number;
  /** Window the booking's start and end lie in (asked time plus a margin). */
  readonly around: TimeRange;
  readonly appointmentId: string;
  readonly phaseId: string;
}

export interface ListBookingsQuery {
  /** When not the method's usual one (see CalendarPriority). */
  readonly priority?: CalendarPriority;
  readonly credentialRef: CalendarCredentialRef;
  /** Only bookings of these event types; none asks nothing (never the whole account). */
  readonly eventTypeIds: readonly number[];
  /** Bookings starting and ending within this range. */
  readonly range: TimeRange;
}

/** A booking from a listing, with the event type it belongs to when the calendar says so. */
export interface ListedBooking extends ExternalBooking {
  readonly eventTypeId?: number;
}

/** What a listing read of the range, and whether that is all of it. */
export interface BookingListing {
  readonly bookings: ListedBooking[];
  /**
   * False when the listing stopped at its page limit: more bookings may lie in the range, so
   * nothing may be concluded from a booking's absence.
   */
  readonly complete: boolean;
}

export interface BookingRef {
  /** When not the method's usual one (see CalendarPriority). */
  readonly priority?: CalendarPriority;
  readonly credentialRef: CalendarCredentialRef;
  readonly uid: string;
}

/** Why we cancel or move a booking; the gateway words it for the calendar's attendees. */
export type CalendarChangeReason =
  'moved' | 'cancelled' | 'incomplete' | 'gone' | 'not-in-salon' | 'duplicate';

export interface CancelBookingCommand extends BookingRef {
  readonly reason: CalendarChangeReason;
  readonly slotScope?: SlotInvalidationScope;
}

export interface RescheduleBookingCommand extends BookingRef {
  readonly newStart: Date;
  readonly reason?: CalendarChangeReason;
  readonly slotScope?: SlotInvalidationScope;
}

/** What an event type of the external calendar holds that the salon file says too. */
export interface EventTypeSettings {
  /** Minutes the calendar keeps the host free after each booking (Cal.com's `afterEventBuffer`). */
  readonly afterBufferMinutes: number;
}

export type CalendarBreakerState = 'closed' | 'open' | 'half_open';

export interface CalendarGateway {
  /** Start instants the external calendar offers for this stylist's event type in `range`. */
  availableStarts(query: AvailableStartsQuery): Promise<Date[]>;

  createBooking(command: CreateBookingCommand): Promise<ExternalBooking>;

  /**
   * The booking carrying exactly our appointment and phase ids, or null. A booking at the same
   * time without our ids is not a match. Prefers a live booking over a cancelled one.
   */
  findBookingByMetadata(query: FindBookingByMetadataQuery): Promise<ExternalBooking | null>;

  /**
   * Every booking (any status, with or without our metadata) of these event types in the range,
   * page after page up to the adapter's page limit; `complete` says whether the end was reached.
   * Reconciliation compares it with our calendar.
   */
  listBookings(query: ListBookingsQuery): Promise<BookingListing>;

  /** The booking, or null when the external calendar does not know the uid. */
  getBooking(ref: BookingRef): Promise<ExternalBooking | null>;

  cancelBooking(command: CancelBookingCommand): Promise<ExternalBooking>;

  /** Moves the booking; the answer is the new booking (its `uid` replaces the old one). */
  rescheduleBooking(command: RescheduleBookingCommand): Promise<ExternalBooking>;

  /** The event type's own settings, or null when this calendar keeps none (the local one). */
  eventTypeSettings(
    credentialRef: CalendarCredentialRef,
    eventTypeId: number,
  ): Promise<EventTypeSettings | null>;

  /** Drops cached slot answers after a booking change seen elsewhere (e.g. a webhook). */
  invalidateSlots(scope: SlotInvalidationScope): Promise<void>;

  /** State of the circuit breaker guarding this credential (closed when never used). */
  breakerState(credentialRef: CalendarCredentialRef): CalendarBreakerState;

  /** Drops what is kept per credential (its breaker): its key was rotated or removed. */
  forgetCredential(credentialRef: CalendarCredentialRef): void;
}

/**
 * The same contract under the name an in-process calendar (`npm start` without Cal.com) uses:
 * `class LocalCalendar implements LocalCalendarGateway`.
 */
export type LocalCalendarGateway = CalendarGateway;
