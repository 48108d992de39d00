import type {
  CreateBookingCommand,
  EventTypeSettings,
  ExternalBooking,
  ExternalBookingStatus,
  ListedBooking,
} from '../../../application/ports/calendar-gateway.port';
import { CalendarBadRequest, CalendarServerError } from '../../../domain/calendar/calendar.errors';
import type { OfferedSlot } from '../../../domain/calendar/offered-starts';
import { isRecord } from '../../../common/is-record';
import type {
  CalcomBookingOutput,
  CalcomCreateBookingInput,
  CalcomSlotsData,
} from './calcom.types';

/** Cal.com's limits on booking metadata. */
const METADATA_MAX_KEYS = 50;
const METADATA_MAX_KEY_LENGTH = 40;
const METADATA_MAX_VALUE_LENGTH = 500;

const STATUSES: readonly ExternalBookingStatus[] = ['accepted', 'pending', 'cancelled', 'rejected'];

/** Translates between Cal.com API v2 shapes and the calendar port's types. */
export class CalcomMapper {
  static toCreateBookingInput(command: CreateBookingCommand): CalcomCreateBookingInput {
    const metadata = CalcomMapper.toMetadata(command.metadata);
    const { attendee } = command;
    return {
      start: command.start.toISOString(),
      eventTypeId: command.eventTypeId,
      attendee: {
        name: attendee.name,
        timeZone: attendee.timeZone,
        ...(attendee.phone !== undefined ? { phoneNumber: attendee.phone } : {}),
        ...(attendee.email !== undefined ? { email: attendee.email } : {}),
        language: attendee.language,
      },
      ...(command.lengthMinutes !== undefined ? { lengthInMinutes: command.lengthMinutes } : {}),
      metadata,
    };
  }

  static toMetadata(metadata: Readonly<Record<string, string>>): Record<string, string> {
    const entries = Object.entries(metadata);
    if (entries.length > METADATA_MAX_KEYS) {
      throw new CalendarBadRequest(undefined, `metadata has ${entries.length} keys (max 50)`);
    }
    for (const [key, value] of entries) {
      if (key.length > METADATA_MAX_KEY_LENGTH || typeof value !== 'string') {
        throw new CalendarBadRequest(undefined, `metadata key "${key}" is too long or not text`);
      }
      if (value.length > METADATA_MAX_VALUE_LENGTH) {
        throw new CalendarBadRequest(undefined, `metadata value of "${key}" exceeds 500 chars`);
      }
    }
    return Object.fromEntries(entries);
  }

  /**
   * GET /v2/slots data (objects or plain strings per date) → slots sorted by start, one per
   * start, with their end when Cal.com gave one (`format=range`).
   */
  static toSlots(data: CalcomSlotsData | unknown): OfferedSlot[] {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new CalendarServerError(200, 'slots answer is not a date map');
    }
    const byStart = new Map<number, number | undefined>();
    for (const slots of Object.values(data as Record<string, unknown>)) {
      if (!Array.isArray(slots)) continue;
      for (const slot of slots as unknown[]) {
        const { start, end } =
          typeof slot === 'string'
            ? { start: slot, end: undefined }
            : typeof slot === 'object' && slot !== null
              ? (slot as { start?: unknown; end?: unknown })
              : { start: undefined, end: undefined };
        if (typeof start !== 'string') continue;
        const startMs = Date.parse(start);
        if (Number.isNaN(startMs)) continue;
        const endMs = typeof end === 'string' ? Date.parse(end) : NaN;
        const known = byStart.get(startMs);
        // An end at or before its start says nothing; of two ends for one start, the later.
        byStart.set(startMs, endMs > startMs ? Math.max(endMs, known ?? 0) : known);
      }
    }
    return [...byStart]
      .sort(([a], [b]) => a - b)
      .map(([startMs, endMs]) => ({
        start: new Date(startMs),
        ...(endMs !== undefined ? { end: new Date(endMs) } : {}),
      }));
  }

  /**
   * One booking from a create/get/cancel/reschedule answer. Recurring or seated variants
   * (arrays, or objects without uid) are not used by the salon and are refused.
   */
  static toBooking(data: unknown): ExternalBooking {
    const booking = Array.isArray(data) && data.length === 1 ? (data[0] as unknown) : data;
    if (!CalcomMapper.isBookingOutput(booking)) {
      throw new CalendarServerError(undefined, 'booking answer has an unexpected shape');
    }
    return CalcomMapper.bookingToDomain(booking);
  }

  static isBookingOutput(value: unknown): value is CalcomBookingOutput {
    if (typeof value !== 'object' || value === null) return false;
    const v = value as Partial<CalcomBookingOutput>;
    return (
      typeof v.id === 'number' &&
      typeof v.uid === 'string' &&
      typeof v.start === 'string' &&
      typeof v.end === 'string' &&
      !Number.isNaN(Date.parse(v.start)) &&
      !Number.isNaN(Date.parse(v.end))
    );
  }

  static bookingToDomain(booking: CalcomBookingOutput): ExternalBooking {
    const status = String(booking.status).toLowerCase() as ExternalBookingStatus;
    return {
      externalId: booking.id,
      uid: booking.uid,
      start: new Date(booking.start),
      end: new Date(booking.end),
      status: STATUSES.includes(status) ? status : 'pending',
      metadata: CalcomMapper.metadataToDomain(booking.metadata),
      ...(booking.rescheduledFromUid ? { rescheduledFromUid: booking.rescheduledFromUid } : {}),
      ...(booking.rescheduledToUid ? { rescheduledToUid: booking.rescheduledToUid } : {}),
      ...(typeof booking.createdAt === 'string' && !Number.isNaN(Date.parse(booking.createdAt))
        ? { createdAt: new Date(booking.createdAt) }
        : {}),
    };
  }

  /** The bookings of one GET /v2/bookings page; items of another shape are skipped. */
  static toListedBookings(data: unknown): ListedBooking[] {
    const items: unknown[] = Array.isArray(data) ? data : [];
    return items.filter(CalcomMapper.isBookingOutput).map((item) => {
      const eventTypeId = item.eventTypeId ?? item.eventType?.id;
      return {
        ...CalcomMapper.bookingToDomain(item),
        ...(typeof eventTypeId === 'number' ? { eventTypeId } : {}),
      };
    });
  }

  /** GET /v2/event-types/{id} data: what the salon file is compared with. */
  static toEventTypeSettings(data: unknown): EventTypeSettings {
    const after = isRecord(data) ? data.afterEventBuffer : undefined;
    if (typeof after !== 'number' || !Number.isInteger(after) || after < 0) {
      throw new CalendarServerError(200, 'event type answer has no afterEventBuffer');
    }
    return { afterBufferMinutes: after };
  }

  /** Only string values survive: our ids are strings, anything else is not ours. */
  static metadataToDomain(metadata: Record<string, unknown> | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(metadata ?? {})) {
      if (typeof value === 'string') out[key] = value;
    }
    return out;
  }
}
