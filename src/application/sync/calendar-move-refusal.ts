import type { Appointment } from '../../domain/appointment/appointment';
import type { CalendarEvent } from './calendar-event';

/** What is known about a move made in the calendar besides the appointment itself. */
export interface MoveContext {
  readonly phaseId: string;
  readonly now: Date;
  /** The stylist whose calendar the booking now sits in, when its event type tells. */
  readonly stylistId?: string;
  /** False when a sync job held the appointment: following now could race it. */
  readonly leased: boolean;
}

const MINUTE = 60_000;

/**
 * Why a booking of ours that the calendar moved is not followed here (a person decides then),
 * or null when the whole appointment can move by the same offset.
 */
export function whyNotFollow(a: Appointment, event: CalendarEvent, c: MoveContext): string | null {
  if (a.status !== 'scheduled') return `the appointment is ${a.status}`;
  const phase = a.phases.find((p) => p.id === c.phaseId && p.needsCalendarBooking);
  if (!phase) return 'that part of the appointment no longer exists here';
  const length = event.end.getTime() - event.start.getTime();
  if (length <= 0) return 'the calendar gives an end that is not after its start';
  if (a.start.getTime() <= c.now.getTime()) return 'the appointment has already begun';
  const newStart = a.start.getTime() + (event.start.getTime() - phase.start.getTime());
  if (newStart < c.now.getTime()) return 'the new time lies in the past';
  const phaseLength = phase.end.getTime() - phase.start.getTime();
  if (length !== phaseLength) {
    return `the booking now lasts ${length / MINUTE} instead of ${phaseLength / MINUTE} minutes`;
  }
  // The phase's own stylist: in a visit shared by stylists, not always the appointment's.
  if (c.stylistId !== undefined && c.stylistId !== a.stylistOf(phase)) {
    return "it now sits in another stylist's calendar";
  }
  if (!c.leased) return 'a calendar sync of this appointment was running';
  return null;
}
