import { Appointment } from '../../domain/appointment/appointment';
import type { ExternalBooking } from '../ports/calendar-gateway.port';

/**
 * Sync-state edits the worker makes, each through the appointment's own state machine. A state
 * that already says what is wanted is left alone, so a repeated job changes nothing.
 */
export function confirmSynced(a: Appointment): Appointment {
  if (a.syncState === 'synced') return a;
  let next = a;
  if (next.syncState === 'failed' || next.syncState === 'not_required') {
    next = must(next.requestSync());
  }
  return must(next.markSynced());
}

export function escalate(a: Appointment, reason: string): Appointment {
  let next = a;
  if (next.syncState === 'synced' || next.syncState === 'not_required') {
    next = must(next.requestSync());
  }
  if (next.syncState === 'manual_review') next = must(next.requestSync());
  next = must(next.markForManualReview(reason.slice(0, 500)));
  for (const p of next.phases) {
    if (p.needsCalendarBooking && p.syncState === 'pending') {
      next = must(next.markPhaseForManualReview(p.id));
    }
  }
  return next;
}

export function failAttempt(a: Appointment, reason: string): Appointment {
  let next = a;
  if (next.syncState !== 'pending') next = must(next.requestSync());
  return must(next.markSyncFailed(reason.slice(0, 500)));
}

/** Stores each phase's booking; a phase already holding that booking stays as it is. */
export function recordBookings(
  a: Appointment,
  bookings: ReadonlyArray<{ phaseId: string; booking: ExternalBooking }>,
): Appointment {
  let next = a;
  for (const { phaseId, booking } of bookings) {
    const phase = next.phases.find((p) => p.id === phaseId);
    if (!phase) continue;
    if (phase.syncState === 'synced' && phase.calcomBookingUid === booking.uid) continue;
    if (phase.syncState !== 'pending' && phase.syncState !== 'manual_review') continue;
    next = must(
      next.recordPhaseBooking(phaseId, {
        bookingId: String(booking.externalId),
        bookingUid: booking.uid,
      }),
    );
  }
  return next;
}

/**
 * The tenant mirrors nothing into an external calendar: its phases need no booking and the
 * appointment is as synced as it will ever be. Phase states have no "no longer required" event,
 * so the phases are restored with that state.
 */
export function withoutExternalCalendar(a: Appointment): Appointment {
  const confirmed = confirmSynced(a);
  const snapshot = confirmed.toSnapshot();
  return Appointment.restore({
    ...snapshot,
    phases: snapshot.phases.map((p) => ({ ...p, syncState: 'not_required' as const })),
  });
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok)
    throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result.value;
}
