import fc from 'fast-check';
import { Appointment } from './appointment';
import { GAPS, permIn, ref, WORKING } from './appointment-sync.fixture';
import { SYNC_STATES, SyncState } from './sync-state';

const state = fc.constantFrom(...SYNC_STATES);
const reason = fc.constantFrom('timeout', 'HTTP 400', 'x'.repeat(600), 'x'.repeat(501));
const phaseId = fc.constantFrom(...WORKING, ...GAPS, 'gone');

/** Any state a row may hold: the appointment's and each phase's, with or without a booking. */
const appointment = fc
  .record({
    state,
    attempts: fc.nat(5),
    error: fc.option(reason, { nil: undefined }),
    phases: fc.array(
      fc.record({ state, uid: fc.option(fc.constantFrom('u1', 'u2'), { nil: undefined }) }),
      { minLength: 5, maxLength: 5 },
    ),
  })
  .map((r) => permIn(r.state, r.attempts, r.error, r.phases));

const mirroredPhases = fc.array(
  fc.record({ phaseId, uid: fc.constantFrom('u1', 'u2', 'u3') }).map((m) => ({
    phaseId: m.phaseId,
    ref: ref(m.uid),
  })),
  { maxLength: 6 },
);

type Learnt = { readonly name: string; readonly apply: (a: Appointment) => Appointment };

/** What the sync learns that is idempotent: everything but a failed attempt, which counts. */
const idempotent: fc.Arbitrary<Learnt> = fc.oneof(
  mirroredPhases.map((m) => ({ name: 'mirrored', apply: (a: Appointment) => a.mirrored(m) })),
  reason.map((r) => ({ name: `needsReview`, apply: (a: Appointment) => a.needsReview(r) })),
  fc.constant({ name: 'mirrorNotRequired', apply: (a: Appointment) => a.mirrorNotRequired() }),
);
const anything: fc.Arbitrary<Learnt> = fc.oneof(
  idempotent,
  reason.map((r) => ({ name: 'failed', apply: (a: Appointment) => a.mirrorAttemptFailed(r) })),
);

/** Attempts the next failure of this round builds on: a settled state begins a new round. */
const roundAttempts = (a: Appointment) =>
  a.syncState === 'pending' || a.syncState === 'failed' ? a.syncAttempts : 0;

describe('what the calendar sync learns, for any stored state', () => {
  it('learnt twice is learnt once', () => {
    fc.assert(
      fc.property(appointment, idempotent, (a, learnt) => {
        const once = learnt.apply(a);
        expect(learnt.apply(once).toSnapshot()).toEqual(once.toSnapshot());
      }),
      { numRuns: 2000 },
    );
  });

  it('no path leaves a synced phase pending', () => {
    fc.assert(
      fc.property(appointment, fc.array(anything, { maxLength: 8 }), (start, path) => {
        let a = start;
        for (const learnt of path) {
          const next = learnt.apply(a);
          a.phases.forEach((p, i) => {
            if (p.syncState !== 'synced') return;
            expect(next.phases[i].syncState).not.toBe('pending');
            // It keeps its booking, even where the tenant stopped mirroring.
            expect(next.phases[i].calcomBookingUid).toBe(p.calcomBookingUid);
          });
          a = next;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('each failed attempt counts exactly one, and keeps the error it failed with', () => {
    fc.assert(
      fc.property(appointment, fc.array(reason, { minLength: 1, maxLength: 4 }), (a, errors) => {
        const failed = errors.reduce((x, e) => x.mirrorAttemptFailed(e), a);
        expect(failed.syncState).toBe('failed');
        expect(failed.syncAttempts).toBe(roundAttempts(a) + errors.length);
        expect(failed.lastSyncError).toBe(errors[errors.length - 1].slice(0, 500));
        expect(failed.phases.map((p) => p.toSnapshot())).toEqual(
          a.phases.map((p) => p.toSnapshot()),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('mirrored: synced, and every working phase that awaited a booking holds its own', () => {
    fc.assert(
      fc.property(appointment, (a) => {
        const next = a.mirrored(WORKING.map((id) => ({ phaseId: id, ref: ref(`new-${id}`) })));
        expect(next.syncState).toBe('synced');
        expect(next.lastSyncError).toBe(a.syncState === 'synced' ? a.lastSyncError : undefined);
        next.phases.forEach((p, i) => {
          const before = a.phases[i];
          const awaited = p.needsCalendarBooking && awaiting(before.syncState);
          expect(p.syncState).toBe(awaited ? 'synced' : before.syncState);
          if (awaited) expect(p.calcomBookingUid).toBe(`new-${p.id}`);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('needs review: the appointment is under review and no working phase still pends', () => {
    fc.assert(
      fc.property(appointment, reason, (a, r) => {
        const next = a.needsReview(r);
        expect(next.syncState).toBe('manual_review');
        expect(next.awaitsReviewFor(r)).toBe(true);
        expect(
          next.phases.filter((p) => p.needsCalendarBooking && p.syncState === 'pending'),
        ).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('a method learns; the appointment it was called on stays as it was', () => {
    fc.assert(
      fc.property(appointment, anything, (a, learnt) => {
        const before = a.toSnapshot();
        learnt.apply(a);
        expect(a.toSnapshot()).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});

function awaiting(s: SyncState): boolean {
  return s === 'pending' || s === 'manual_review';
}
