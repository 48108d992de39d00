import { err, ok, Result } from '../shared/result';
import { IllegalStatusTransition } from './appointment.errors';

export const APPOINTMENT_STATUSES = ['scheduled', 'cancelled', 'completed', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const STATUS_EVENTS = ['cancel', 'complete', 'mark_no_show', 'reschedule'] as const;
export type StatusEvent = (typeof STATUS_EVENTS)[number];

// Only a scheduled appointment can change; the others are history.
const TRANSITIONS: Record<AppointmentStatus, Partial<Record<StatusEvent, AppointmentStatus>>> = {
  scheduled: {
    cancel: 'cancelled',
    complete: 'completed',
    mark_no_show: 'no_show',
    reschedule: 'scheduled',
  },
  cancelled: {},
  completed: {},
  no_show: {},
};

export function nextStatus(
  from: AppointmentStatus,
  event: StatusEvent,
): Result<AppointmentStatus, IllegalStatusTransition> {
  const to = TRANSITIONS[from][event];
  return to ? ok(to) : err(new IllegalStatusTransition(from, event));
}
