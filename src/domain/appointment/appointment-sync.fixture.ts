import { Service } from '../salon/service';
import { busy, free } from '../salon/service-segment';
import { Appointment } from './appointment';
import { SyncState } from './sync-state';

/** A perm: working steps id-2, id-4, id-6 (calendar bookings), processing gaps id-3, id-5. */
export const perm = Service.segmented({ id: 'perm', name: 'Dauerwelle' }, [
  busy(30),
  free(40),
  busy(20),
  free(10),
  busy(25),
]);
export const WORKING = ['id-2', 'id-4', 'id-6'] as const;
export const GAPS = ['id-3', 'id-5'] as const;

export function freshPerm(): Appointment {
  let n = 0;
  return Appointment.create({
    service: perm,
    staffId: 'anna',
    customerId: 'c1',
    start: new Date('2026-06-15T08:00:00Z'),
    source: 'voice',
    newId: () => `id-${++n}`,
  });
}

export interface PhaseState {
  readonly state: SyncState;
  readonly uid?: string;
}

/** The perm as a row could hold it: any sync state, attempts, error, and per phase state. */
export function permIn(
  state: SyncState,
  attempts = 0,
  lastSyncError?: string,
  phases: readonly PhaseState[] = [],
): Appointment {
  const snap = freshPerm().toSnapshot();
  return Appointment.restore({
    ...snap,
    syncState: state,
    syncAttempts: attempts,
    lastSyncError,
    phases: snap.phases.map((p, i) => {
      const given = phases[i];
      if (!given) return p;
      return {
        ...p,
        syncState: given.state,
        calcomBookingUid: given.uid,
        calcomBookingId: given.uid === undefined ? undefined : `#${given.uid}`,
      };
    }),
  });
}

export const ref = (uid: string) => ({ bookingId: `#${uid}`, bookingUid: uid });

/** [sync state, attempts, last error] in one line, for tables. */
export const syncOf = (a: Appointment) => [a.syncState, a.syncAttempts, a.lastSyncError];
