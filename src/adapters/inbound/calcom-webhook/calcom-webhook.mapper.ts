import type { CalendarEvent } from '../../../application/sync/apply-calendar-event.use-case';
import { isRecord } from '../../../common/is-record';

const TRIGGERS = new Set(['BOOKING_CREATED', 'BOOKING_CANCELLED', 'BOOKING_RESCHEDULED']);

/** Cal.com's webhook envelope → our event; null for triggers and shapes we do not act on. */
export function toCalendarEvent(body: unknown): CalendarEvent | null {
  if (!isRecord(body) || typeof body.triggerEvent !== 'string') return null;
  if (!TRIGGERS.has(body.triggerEvent) || !isRecord(body.payload)) return null;
  const p = body.payload;
  const uid = typeof p.uid === 'string' ? p.uid : undefined;
  const start = typeof p.startTime === 'string' ? new Date(p.startTime) : undefined;
  const end = typeof p.endTime === 'string' ? new Date(p.endTime) : undefined;
  if (!uid || !start || !end || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
    return null;
  }
  const eventTypeId = Number(p.eventTypeId);
  const bookingId = Number(p.bookingId);
  const previous = p.rescheduleUid ?? p.fromReschedule ?? p.rescheduledFromUid;
  const next = body.triggerEvent === 'BOOKING_CANCELLED' ? p.rescheduledToUid : undefined;
  const metadata: Record<string, string> = {};
  if (isRecord(p.metadata)) {
    for (const [k, v] of Object.entries(p.metadata)) if (typeof v === 'string') metadata[k] = v;
  }
  return {
    trigger: body.triggerEvent as CalendarEvent['trigger'],
    uid,
    ...(typeof previous === 'string' && previous !== uid ? { previousUid: previous } : {}),
    ...(typeof next === 'string' && next !== '' && next !== uid ? { movedToUid: next } : {}),
    ...(Number.isSafeInteger(bookingId) && bookingId > 0 ? { bookingId } : {}),
    ...(Number.isFinite(eventTypeId) && eventTypeId > 0 ? { eventTypeId } : {}),
    start,
    end,
    metadata,
  };
}
