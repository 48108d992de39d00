import { APPOINTMENT_STATUSES, nextStatus, STATUS_EVENTS } from './appointment-status';
import { nextSyncState, SYNC_EVENTS, SYNC_STATES } from './sync-state';

const STATUS_TABLE: Record<string, Record<string, string | null>> = {
  scheduled: {
    cancel: 'cancelled',
    complete: 'completed',
    mark_no_show: 'no_show',
    reschedule: 'scheduled',
  },
  cancelled: { cancel: null, complete: null, mark_no_show: null, reschedule: null },
  completed: { cancel: null, complete: null, mark_no_show: null, reschedule: null },
  no_show: { cancel: null, complete: null, mark_no_show: null, reschedule: null },
};

const SYNC_TABLE: Record<string, Record<string, string | null>> = {
  pending: { request: 'pending', confirm: 'synced', fail: 'failed', escalate: 'manual_review' },
  synced: { request: 'pending', confirm: null, fail: null, escalate: null },
  failed: { request: 'pending', confirm: null, fail: null, escalate: 'manual_review' },
  manual_review: { request: 'pending', confirm: 'synced', fail: null, escalate: null },
  not_required: { request: 'pending', confirm: null, fail: null, escalate: null },
};

describe('appointment status machine: every (from, event) pair', () => {
  const pairs = APPOINTMENT_STATUSES.flatMap((from) =>
    STATUS_EVENTS.map((event) => [from, event] as const),
  );
  it.each(pairs)('%s + %s', (from, event) => {
    const expected = STATUS_TABLE[from][event];
    const r = nextStatus(from, event);
    if (expected) {
      expect(r).toEqual({ ok: true, value: expected });
    } else {
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'APPOINTMENT.ILLEGAL_STATUS_TRANSITION', from, event },
      });
      expect(r.ok ? '' : r.error.message).toBe(`Status ${from} does not allow ${event}.`);
    }
  });
});

describe('calendar sync machine: every (from, event) pair', () => {
  const pairs = SYNC_STATES.flatMap((from) => SYNC_EVENTS.map((event) => [from, event] as const));
  it.each(pairs)('%s + %s', (from, event) => {
    const expected = SYNC_TABLE[from][event];
    const r = nextSyncState(from, event);
    if (expected) {
      expect(r).toEqual({ ok: true, value: expected });
    } else {
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'APPOINTMENT.ILLEGAL_SYNC_TRANSITION', from, event },
      });
    }
  });
});
