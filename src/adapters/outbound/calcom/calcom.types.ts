/**
 * The parts of Cal.com API v2 shapes this adapter reads or writes (schemas *_2024_08_13 and
 * *_2024_09_04 of calcom-v2-openapi-subset.json). They stay inside outbound/calcom.
 */

export interface CalcomSuccessEnvelope<T> {
  status: 'success';
  data: T;
  pagination?: CalcomPagination;
}

export interface CalcomErrorEnvelope {
  status: 'error';
  error?: { code?: string; message?: string | string[]; details?: unknown };
  message?: string | string[];
}

/** PaginationMetaDto */
export interface CalcomPagination {
  totalItems: number;
  remainingItems: number;
  returnedItems: number;
  itemsPerPage: number;
  currentPage: number;
  totalPages: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** GET /v2/slots data: date → slots; items are objects in practice, strings per the schema. */
export type CalcomSlotsData = Record<string, Array<{ start: string; end?: string } | string>>;

/** CreateBookingAttendee */
export interface CalcomCreateBookingAttendee {
  name: string;
  timeZone: string;
  phoneNumber?: string;
  email?: string;
  language?: string;
}

/** CreateBookingInput_2024_08_13 (the fields we send). */
export interface CalcomCreateBookingInput {
  start: string;
  eventTypeId: number;
  attendee: CalcomCreateBookingAttendee;
  lengthInMinutes?: number;
  metadata: Record<string, string>;
}

/** CancelBookingInput_2024_08_13 */
export interface CalcomCancelBookingInput {
  cancellationReason?: string;
}

/** RescheduleBookingInput_2024_08_13 */
export interface CalcomRescheduleBookingInput {
  start: string;
  reschedulingReason?: string;
}

/** BookingOutput_2024_08_13 (the fields we read). */
export interface CalcomBookingOutput {
  id: number;
  uid: string;
  status: string;
  start: string;
  end: string;
  duration?: number;
  eventTypeId?: number;
  eventType?: { id: number; slug: string };
  metadata?: Record<string, unknown>;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
  cancellationReason?: string;
  createdAt?: string;
}

export interface CalcomQuery {
  [name: string]: string | number | undefined;
}
