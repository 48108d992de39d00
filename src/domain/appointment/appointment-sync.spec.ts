import { err } from '../shared/result';
import { IllegalSyncTransition, ImpossibleTransition } from './appointment.errors';
import { freshPerm, GAPS, permIn, ref, syncOf, WORKING } from './appointment-sync.fixture';
import { legal } from './legal-step';
import { SyncState } from './sync-state';

const long = (c: string, n: number) => c.repeat(n);
const phaseStates = (a: { phases: readonly { syncState: SyncState }[] }) =>
  a.phases.map((p) => p.syncState);

describe('Appointment.mirrored: the calendar holds the appointment as it is', () => {
  it.each<[SyncState, number, string | undefined, unknown[]]>([
    ['pending', 2, 'timeout', ['synced', 3, undefined]],
    ['failed', 2, 'timeout', ['synced', 3, undefined]],
    ['not_required', 0, undefined, ['synced', 1, undefined]],
    ['manual_review', 3, 'HTTP 400', ['synced', 4, undefined]],
    ['synced', 1, undefined, ['synced', 1, undefined]],
  ])('from %s (%d attempts, %s)', (state, attempts, error, expected) => {
    expect(syncOf(permIn(state, attempts, error).mirrored())).toEqual(expected);
  });

  it('records each named working phase under its booking; gaps and unknown ids change nothing', () => {
    const a = freshPerm().mirrored([
      { phaseId: 'id-2', ref: ref('u2') },
      { phaseId: 'id-6', ref: ref('u6') },
      { phaseId: 'nope', ref: ref('u0') },
    ]);
    expect(a.phases.map((p) => [p.id, p.syncState, p.calcomBookingUid, p.calcomBookingId])).toEqual(
      [
        ['id-2', 'synced', 'u2', '#u2'],
        ['id-3', 'not_required', undefined, undefined],
        ['id-4', 'pending', undefined, undefined],
        ['id-5', 'not_required', undefined, undefined],
        ['id-6', 'synced', 'u6', '#u6'],
      ],
    );
  });

  it.each<[SyncState, string | undefined, [SyncState, string | undefined]]>([
    ['pending', undefined, ['synced', 'new']],
    ['manual_review', undefined, ['synced', 'new']],
    // A phase holding a booking keeps it; another booking for it is not taken over here.
    ['synced', 'old', ['synced', 'old']],
    ['synced', 'new', ['synced', 'new']],
    ['failed', undefined, ['failed', undefined]],
    ['not_required', undefined, ['not_required', undefined]],
  ])('a working phase %s (%s) learning booking "new"', (state, uid, expected) => {
    const a = permIn('pending', 0, undefined, [{ state, uid }]);
    const p = a.mirrored([{ phaseId: 'id-2', ref: ref('new') }]).phases[0];
    expect([p.syncState, p.calcomBookingUid]).toEqual(expected);
  });

  it('takes the first booking named for a phase', () => {
    const a = freshPerm().mirrored([
      { phaseId: 'id-4', ref: ref('first') },
      { phaseId: 'id-4', ref: ref('second') },
    ]);
    expect(a.phases[2].calcomBookingUid).toBe('first');
  });
});

describe('Appointment.mirrorAttemptFailed: one more failed attempt', () => {
  it.each<[SyncState, number, unknown[]]>([
    ['pending', 1, ['failed', 2, 'timeout']],
    ['failed', 2, ['failed', 3, 'timeout']],
    // From a settled state a new round begins.
    ['synced', 1, ['failed', 1, 'timeout']],
    ['manual_review', 3, ['failed', 1, 'timeout']],
    ['not_required', 0, ['failed', 1, 'timeout']],
  ])('from %s with %d attempts', (state, attempts, expected) => {
    expect(syncOf(permIn(state, attempts, 'before').mirrorAttemptFailed('timeout'))).toEqual(
      expected,
    );
  });

  it('keeps 500 characters of the error and leaves the phases alone', () => {
    const a = freshPerm().mirrorAttemptFailed(long('x', 600));
    expect(a.lastSyncError).toBe(long('x', 500));
    expect(phaseStates(a)).toEqual(phaseStates(freshPerm()));
  });
});

describe('Appointment.needsReview: a person has to look at it', () => {
  it.each<[SyncState, number, string | undefined, unknown[]]>([
    ['pending', 2, 'timeout', ['manual_review', 2, 'why']],
    ['failed', 2, 'timeout', ['manual_review', 2, 'why']],
    ['synced', 1, undefined, ['manual_review', 0, 'why']],
    ['not_required', 0, undefined, ['manual_review', 0, 'why']],
    ['manual_review', 3, 'other', ['manual_review', 0, 'why']],
    // Flagged for this very reason already: nothing changes.
    ['manual_review', 3, 'why', ['manual_review', 3, 'why']],
  ])('from %s (%d attempts, %s)', (state, attempts, error, expected) => {
    expect(syncOf(permIn(state, attempts, error).needsReview('why'))).toEqual(expected);
  });

  it.each<[SyncState, SyncState]>([
    ['pending', 'manual_review'],
    ['synced', 'synced'],
    ['failed', 'failed'],
    ['manual_review', 'manual_review'],
    ['not_required', 'not_required'],
  ])('a working phase %s becomes %s; gaps stay not required', (state, expected) => {
    const a = permIn('pending', 0, undefined, [{ state }]).needsReview('why');
    expect(phaseStates(a)).toEqual([
      expected,
      'not_required',
      'manual_review',
      'not_required',
      'manual_review',
    ]);
  });

  it('compares and keeps 500 characters of the reason', () => {
    const a = freshPerm().needsReview(long('y', 700));
    expect(a.lastSyncError).toBe(long('y', 500));
    expect(a.awaitsReviewFor(long('y', 700))).toBe(true);
    expect(a.awaitsReviewFor(long('y', 499))).toBe(false);
    expect(freshPerm().awaitsReviewFor('')).toBe(false);
  });
});

describe('Appointment.mirrorNotRequired: the tenant mirrors nothing', () => {
  it.each<[SyncState, number, unknown[]]>([
    ['pending', 2, ['synced', 3, undefined]],
    ['failed', 2, ['synced', 3, undefined]],
    ['manual_review', 1, ['synced', 2, undefined]],
    ['not_required', 0, ['synced', 1, undefined]],
    // Synced already: the appointment's own state stays exactly as it was.
    ['synced', 1, ['synced', 1, 'e']],
  ])('from %s with %d attempts', (state, attempts, expected) => {
    const a = permIn(state, attempts, 'e', [{ state: 'synced', uid: 'u2' }]).mirrorNotRequired();
    expect(syncOf(a)).toEqual(expected);
    expect(new Set(phaseStates(a))).toEqual(new Set(['not_required']));
    // The booking it last had stays on record.
    expect(a.phases[0].calcomBookingUid).toBe('u2');
  });
});

describe('Appointment.movedInCalendar: the calendar moved one booking', () => {
  const booked = () => freshPerm().mirrored(WORKING.map((id) => ({ phaseId: id, ref: ref(id) })));
  const at = (iso: string) => new Date(`2026-06-15T${iso}:00Z`);

  it('moves all of it by the offset; the moved phase holds its new booking', () => {
    let n = 0;
    const moved = booked().movedInCalendar(
      { phaseId: 'id-4', start: at('10:40'), ...ref('moved') },
      () => `fresh-${++n}`,
    );
    if (!moved.ok) throw new Error('expected a move');
    const a = moved.value;
    expect(a.start).toEqual(at('09:30'));
    expect(a.phases.map((p) => [p.id, p.syncState, p.calcomBookingUid])).toEqual([
      ['fresh-1', 'pending', undefined],
      ['fresh-2', 'not_required', undefined],
      ['id-4', 'synced', 'moved'],
      ['fresh-3', 'not_required', undefined],
      ['fresh-4', 'pending', undefined],
    ]);
    expect(a.syncState).toBe('pending');
  });

  it.each([
    ['a cancelled appointment', 'id-4', true, 'APPOINTMENT.ILLEGAL_STATUS_TRANSITION'],
    ['an unknown phase', 'nope', false, 'APPOINTMENT.PHASE_NOT_FOUND'],
    ['a processing gap', GAPS[0], false, 'APPOINTMENT.ILLEGAL_SYNC_TRANSITION'],
  ])('refuses %s as a value', (_what, phaseId, cancel, code) => {
    const a = booked();
    const from = cancel ? legal(a.cancel()) : a;
    expect(from.movedInCalendar({ phaseId, start: at('11:00'), ...ref('x') })).toMatchObject({
      ok: false,
      error: { code },
    });
  });
});

describe('an impossible step', () => {
  it('throws an Error with a stack, naming the refused step', () => {
    const refused = err(new IllegalSyncTransition('synced', 'fail'));
    expect(() => legal(refused)).toThrow(ImpossibleTransition);
    try {
      legal(refused);
    } catch (e) {
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).stack).toContain('ImpossibleTransition');
      expect((e as Error).message).toBe('APPOINTMENT.ILLEGAL_SYNC_TRANSITION: fail from synced');
    }
  });
});
