import { err, ok, Result } from '../shared/result';
import { IllegalSyncTransition } from './appointment.errors';

export const SYNC_STATES = [
  'pending',
  'synced',
  'failed',
  'manual_review',
  'not_required',
] as const;
/** How far the external calendar (Cal.com) reflects this appointment or phase. */
export type SyncState = (typeof SYNC_STATES)[number];

/**
 * request: the calendar must (again) reflect the current state; confirm: the calendar does;
 * fail: an attempt failed and may be retried; escalate: a person has to look at it.
 */
export const SYNC_EVENTS = ['request', 'confirm', 'fail', 'escalate'] as const;
export type SyncEvent = (typeof SYNC_EVENTS)[number];

// pending + request stays pending: a change while a sync is queued joins that sync.
const TRANSITIONS: Record<SyncState, Partial<Record<SyncEvent, SyncState>>> = {
  pending: { request: 'pending', confirm: 'synced', fail: 'failed', escalate: 'manual_review' },
  synced: { request: 'pending' },
  failed: { request: 'pending', escalate: 'manual_review' },
  manual_review: { request: 'pending', confirm: 'synced' },
  not_required: { request: 'pending' },
};

export function nextSyncState(
  from: SyncState,
  event: SyncEvent,
): Result<SyncState, IllegalSyncTransition> {
  const to = TRANSITIONS[from][event];
  return to ? ok(to) : err(new IllegalSyncTransition(from, event));
}
