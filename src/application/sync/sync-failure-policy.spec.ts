import { Appointment } from '../../domain/appointment/appointment';
import { CalendarServerError } from '../../domain/calendar/calendar.errors';
import { Service } from '../../domain/salon/service';
import type { AuditEntry, AuditLog } from '../ports/audit-log.port';
import type {
  CalendarBookingLedger,
  LedgerEntry,
  LedgerState,
} from '../ports/calendar-booking-ledger.port';
import type { CalendarGateway, CancelBookingCommand } from '../ports/calendar-gateway.port';
import type {
  CompensationJob,
  JobAttempt,
  SyncAppointmentJob,
  SyncQueue,
} from '../ports/sync-queue.port';
import type { TransactionPorts, UnitOfWork } from '../ports/unit-of-work.port';
import { BookingCompensation } from './booking-compensation';
import type { PhaseResult } from './phase-booker';
import { SyncFailurePolicy } from './sync-failure-policy';
import { SyncJournal } from './sync-journal';
import { SyncMetrics } from './sync-metrics';
import { SyncOutcomes } from './sync-outcomes';
import { DEFAULT_SYNC_SETTINGS } from './sync-settings';

const NOW = new Date('2026-06-01T07:00:00Z');
const cut = Service.simple({ id: 'cut', name: 'Herrenhaarschnitt' }, 30);
const job: SyncAppointmentJob = {
  kind: 'sync',
  companyId: 'co',
  appointmentId: 'a1',
  appointmentVersion: 3,
  action: 'create',
};
const first: JobAttempt = { number: 1, final: false };
const last: JobAttempt = { number: 3, final: true };

/** The policy on its real collaborators, over an appointment row, a ledger and a calendar in memory. */
function world(options: { cancelFails?: boolean } = {}) {
  let row: Appointment | null = Appointment.create({
    id: 'a1',
    service: cut,
    staffId: 'anna',
    customerId: 'c1',
    start: new Date('2026-06-15T08:00:00Z'),
    source: 'voice',
    newId: (() => {
      let n = 0;
      return () => `p${++n}`;
    })(),
  });
  const saves: Date[] = [];
  const tx = {
    appointments: {
      findById: async () => row,
      save: async (_scope: unknown, a: Appointment, at: Date) => {
        row = a;
        saves.push(at);
        return { ok: true, value: undefined };
      },
    },
  } as unknown as TransactionPorts;
  const uow: UnitOfWork = { run: (work) => work(tx), runLocked: (_id, work) => work(tx) };
  const ledgerRows = new Map<string, LedgerEntry>();
  const ledger = {
    forAppointment: async () => [...ledgerRows.values()],
    mark: async (uid: string, state: LedgerState, lastError?: string) => {
      ledgerRows.set(uid, { ...ledgerRows.get(uid)!, state, lastError });
    },
  } as unknown as CalendarBookingLedger;
  const cancels: CancelBookingCommand[] = [];
  const calendar = {
    cancelBooking: async (c: CancelBookingCommand) => {
      cancels.push(c);
      if (options.cancelFails) throw new CalendarServerError(503);
      return {};
    },
  } as unknown as CalendarGateway;
  const compensations: CompensationJob[] = [];
  const queue = {
    enqueueCompensation: async (j: CompensationJob) => void compensations.push(j),
  } as unknown as SyncQueue;
  const audit: AuditEntry[] = [];
  const auditLog: AuditLog = { record: async (e) => void audit.push(e) };
  const clock = { now: () => NOW };
  const metrics = new SyncMetrics();
  const journal = new SyncJournal(auditLog, clock);
  const policy = new SyncFailurePolicy(
    new BookingCompensation(calendar, ledger, queue, journal),
    new SyncOutcomes(uow, clock, metrics, journal),
    { ...DEFAULT_SYNC_SETTINGS, waitMs: 5000 },
  );
  const book = (uid: string) =>
    ledgerRows.set(uid, {
      companyId: 'co',
      appointmentId: 'a1',
      phaseId: 'p1',
      credentialRef: 'cred',
      eventTypeId: 7,
      bookingId: 1,
      bookingUid: uid,
      start: row!.start,
      end: row!.end,
      state: 'live',
    });
  return {
    policy,
    appointment: () => row!,
    gone: () => (row = null),
    book,
    ledgerRows,
    cancels,
    compensations,
    audit,
    actions: () => audit.map((e) => e.action),
    metrics,
    saves,
  };
}

const phaseOf = (a: Appointment) => a.phases[0];
const failed = (a: Appointment, over: Partial<PhaseResult> = {}): PhaseResult =>
  ({
    kind: 'failed',
    phase: phaseOf(a),
    reason: 'phase 1 create: CALENDAR.SERVER_ERROR (503)',
    retryable: true,
    waiting: false,
    ...over,
  }) as PhaseResult;

describe('SyncFailurePolicy.afterBooking', () => {
  it('has no verdict when every phase is booked where it belongs', async () => {
    const w = world();
    const a = w.appointment();
    const booked: PhaseResult = {
      kind: 'booked',
      phase: phaseOf(a),
      how: 'created',
      booking: {
        externalId: 1,
        uid: 'u1',
        start: a.start,
        end: a.end,
        status: 'accepted',
        metadata: {},
      },
    };
    expect(await w.policy.afterBooking(job, first, a, [booked], [])).toBeNull();
    expect(w.audit).toEqual([]);
  });

  it('waits without using an attempt when only the breaker stood in the way', async () => {
    const w = world();
    const a = w.appointment();
    const verdict = await w.policy.afterBooking(job, first, a, [failed(a, { waiting: true })], []);
    expect(verdict).toEqual({
      kind: 'later',
      delayMs: 5000,
      reason: 'phase 1 create: CALENDAR.SERVER_ERROR (503)',
    });
    expect(w.actions()).toEqual(['calendar_sync.waiting']);
    expect(w.saves).toEqual([]);
    expect(w.appointment().syncState).toBe('pending');
  });

  it('a rate limit costs no attempt: the job comes back when the window frees', async () => {
    const w = world();
    const a = w.appointment();
    const limited = (ms: number) =>
      failed(a, { waiting: true, retryAfterMs: ms, reason: 'CALENDAR.RATE_LIMITED' });
    const verdict = await w.policy.afterBooking(
      job,
      first,
      a,
      [limited(42_000), limited(17_000), failed(a, { waiting: true })],
      [],
    );
    expect(verdict).toMatchObject({ kind: 'later', delayMs: 42_000 });
    expect(w.saves).toEqual([]);
    expect(w.appointment().syncAttempts).toBe(0);
  });

  it('retries while attempts remain: the failed attempt counts and is audited', async () => {
    const w = world();
    const a = w.appointment();
    const verdict = await w.policy.afterBooking(job, first, a, [failed(a)], []);
    expect(verdict).toEqual({
      kind: 'retry',
      reason: 'phase 1 create: CALENDAR.SERVER_ERROR (503)',
    });
    const after = w.appointment();
    expect([after.syncState, after.syncAttempts, after.lastSyncError]).toEqual([
      'failed',
      1,
      'phase 1 create: CALENDAR.SERVER_ERROR (503)',
    ]);
    expect(w.saves).toEqual([NOW]);
    expect(w.metrics.counts()).toMatchObject({ failed: 1, manualReview: 0 });
    expect(w.audit).toEqual([
      {
        companyId: 'co',
        actor: 'calendar-sync',
        action: 'calendar_sync.attempt_failed',
        entity: 'appointment',
        entityId: 'a1',
        details: {
          job: 'create',
          version: 3,
          attempt: 1,
          reason: 'phase 1 create: CALENDAR.SERVER_ERROR (503)',
        },
        at: NOW,
      },
    ]);
  });

  it('a stale booking it could not cancel (a timeout) is no reason to wait: it retries', async () => {
    const w = world();
    const a = w.appointment();
    const stale = {
      entry: {} as LedgerEntry,
      reason: 'cancel old: CALENDAR.TIMEOUT',
      waiting: false,
    };
    const verdict = await w.policy.afterBooking(
      job,
      first,
      a,
      [failed(a, { waiting: true })],
      [stale],
    );
    expect(verdict).toEqual({
      kind: 'retry',
      reason: 'phase 1 create: CALENDAR.SERVER_ERROR (503); cancel old: CALENDAR.TIMEOUT',
    });
  });

  it('a stale booking whose cancel met the rate limit waits too: no attempt spent', async () => {
    const w = world();
    const a = w.appointment();
    const stale = {
      entry: {} as LedgerEntry,
      reason: 'cancel old: CALENDAR.RATE_LIMITED',
      waiting: true,
      retryAfterMs: 30_000,
    };
    const verdict = await w.policy.afterBooking(job, first, a, [], [stale]);
    expect(verdict).toMatchObject({ kind: 'later', delayMs: 30_000 });
    expect(w.appointment().syncAttempts).toBe(0);
  });

  it('gives up at once when a retry cannot help, and compensates the bookings made', async () => {
    const w = world();
    w.book('u-made');
    const a = w.appointment();
    const verdict = await w.policy.afterBooking(
      job,
      first,
      a,
      [failed(a, { retryable: false, reason: 'phase 1: no event type mapped' })],
      [],
    );
    expect(verdict).toEqual({ kind: 'done' });
    const after = w.appointment();
    expect([after.syncState, after.lastSyncError, phaseOf(after).syncState]).toEqual([
      'manual_review',
      'phase 1: no event type mapped',
      'manual_review',
    ]);
    expect(w.cancels.map((c) => [c.uid, c.reason])).toEqual([['u-made', 'incomplete']]);
    expect(w.ledgerRows.get('u-made')?.state).toBe('cancelled');
    expect(w.metrics.counts()).toMatchObject({ failed: 0, manualReview: 1 });
    expect(w.audit.map((e) => [e.action, e.details])).toEqual([
      [
        'calendar_sync.manual_review',
        {
          job: 'create',
          version: 3,
          reason: 'phase 1: no event type mapped',
          compensated: 1,
          compensationPending: [],
        },
      ],
    ]);
    expect(w.compensations).toEqual([]);
  });

  it('gives up on a booking the calendar put elsewhere, naming both times', async () => {
    const w = world();
    const a = w.appointment();
    const misplaced: PhaseResult = {
      kind: 'misplaced',
      phase: phaseOf(a),
      booking: {
        externalId: 2,
        uid: 'u2',
        start: new Date('2026-06-15T09:00:00Z'),
        end: new Date('2026-06-15T09:30:00Z'),
        status: 'accepted',
        metadata: {},
      },
    };
    await w.policy.afterBooking(job, first, a, [misplaced], []);
    expect(w.appointment().lastSyncError).toBe(
      'calendar put a booking elsewhere: phase 1 placed at ' +
        '2026-06-15T09:00:00.000Z–2026-06-15T09:30:00.000Z instead of ' +
        '2026-06-15T08:00:00.000Z–2026-06-15T08:30:00.000Z',
    );
  });
});

describe('SyncFailurePolicy.retryOrGiveUp', () => {
  it('gives up after the last attempt', async () => {
    const w = world();
    const verdict = await w.policy.retryOrGiveUp(job, last, 'timeout', w.appointment());
    expect(verdict).toEqual({ kind: 'done' });
    expect(w.appointment().syncState).toBe('manual_review');
    expect(w.actions()).toEqual(['calendar_sync.manual_review']);
  });

  it('after the last attempt for a gone appointment, there is nothing to write', async () => {
    const w = world();
    w.gone();
    expect(await w.policy.retryOrGiveUp(job, last, 'timeout')).toEqual({ kind: 'done' });
    expect(w.audit).toEqual([]);
    expect(w.saves).toEqual([]);
  });

  it('a gone appointment still counts and audits a failed attempt, and saves nothing', async () => {
    const w = world();
    w.gone();
    expect(await w.policy.retryOrGiveUp(job, first, 'timeout')).toEqual({
      kind: 'retry',
      reason: 'timeout',
    });
    expect(w.saves).toEqual([]);
    expect(w.metrics.counts().failed).toBe(1);
    expect(w.actions()).toEqual(['calendar_sync.attempt_failed']);
  });
});

describe('SyncFailurePolicy.giveUp', () => {
  it('names cancels that failed in the last error and queues them as their own job', async () => {
    const w = world({ cancelFails: true });
    w.book('u-made');
    await w.policy.giveUp(job, w.appointment(), 'HTTP 400');
    expect(w.appointment().lastSyncError).toBe('HTTP 400 | compensation pending for 1 booking(s)');
    expect(w.ledgerRows.get('u-made')?.state).toBe('cancelling');
    expect(w.compensations).toEqual([
      { kind: 'compensate', companyId: 'co', appointmentId: 'a1', appointmentVersion: 3 },
    ]);
    expect(w.audit.map((e) => [e.action, e.details])).toEqual([
      [
        'calendar_sync.manual_review',
        {
          job: 'create',
          version: 3,
          reason: 'HTTP 400',
          compensated: 0,
          compensationPending: ['u-made'],
        },
      ],
      [
        'calendar_sync.compensation_failed',
        {
          job: 'create',
          version: 3,
          failures: [expect.stringMatching(/^cancel u-made: CALENDAR\./)],
        },
      ],
    ]);
  });
});

describe('SyncFailurePolicy.afterTrouble (cancels of a cancelled or gone appointment)', () => {
  const trouble = (reason: string, waiting: boolean, retryAfterMs?: number) => ({
    reason,
    waiting,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

  it('waits without an attempt while every cancel met the rate limit or the open breaker', async () => {
    const w = world();
    const a = w.appointment();
    const verdict = await w.policy.afterTrouble(
      job,
      first,
      [
        trouble('cancel u1: CALENDAR.RATE_LIMITED', true, 20_000),
        trouble('cancel u2: CALENDAR.UNAVAILABLE', true),
      ],
      a,
    );
    expect(verdict).toEqual({
      kind: 'later',
      delayMs: 20_000,
      reason: 'cancel u1: CALENDAR.RATE_LIMITED; cancel u2: CALENDAR.UNAVAILABLE',
    });
    expect(w.actions()).toEqual(['calendar_sync.waiting']);
    expect(w.appointment().syncAttempts).toBe(0);
  });

  it('spends an attempt when one cancel really failed', async () => {
    const w = world();
    const a = w.appointment();
    const verdict = await w.policy.afterTrouble(
      job,
      first,
      [
        trouble('cancel u1: CALENDAR.RATE_LIMITED', true),
        trouble('cancel u2: CALENDAR.TIMEOUT', false),
      ],
      a,
    );
    expect(verdict).toMatchObject({ kind: 'retry' });
  });
});
