import { randomUUID } from 'node:crypto';
import { TypeOrmCalendarBookingLedger } from '../../../src/adapters/outbound/persistence/repositories/typeorm-calendar-booking-ledger';
import type {
  JobAttempt,
  JobVerdict,
  SyncAppointmentJob,
} from '../../../src/application/ports/sync-queue.port';
import type { CompensateBookingsUseCase } from '../../../src/application/sync/compensate-bookings.use-case';
import type { ReconcileCalendarUseCase } from '../../../src/application/sync/reconcile-calendar.use-case';
import type { SyncAppointmentUseCase } from '../../../src/application/sync/sync-appointment.use-case';
import { SyncJobDispatcher } from '../../../src/application/sync/sync-job.dispatcher';
import { DEFAULT_SYNC_SETTINGS } from '../../../src/application/sync/sync-settings';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/** Short enough that a job of a few lease times runs in a second. */
const LEASE_MS = 300;
const FIRST: JobAttempt = { number: 1, final: false };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The appointment's lease on real Postgres, as two worker processes see it: each dispatcher has
 * its own holder (as each process does). The sync itself is a stand-in that runs as long as the
 * test says; what is under test is who may run a job of the appointment meanwhile.
 */
describe('the lease of a running sync job', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  });

  const job = (appointmentId: string): SyncAppointmentJob => ({
    kind: 'sync',
    companyId: randomUUID(),
    appointmentId,
    appointmentVersion: 1,
    action: 'create',
  });

  /** A worker process whose sync runs `work` (ran counts the jobs that got the lease). */
  const worker = (work: () => Promise<JobVerdict>) => {
    const ran = { count: 0 };
    const sync = {
      execute: () => {
        ran.count++;
        return work();
      },
    } as unknown as SyncAppointmentUseCase;
    const dispatcher = new SyncJobDispatcher(
      sync,
      {} as CompensateBookingsUseCase,
      {} as ReconcileCalendarUseCase,
      new TypeOrmCalendarBookingLedger(db.dataSource.manager),
      { ...DEFAULT_SYNC_SETTINGS, leaseMs: LEASE_MS, waitMs: 10 },
    );
    return { dispatcher, ran };
  };

  const leaseRows = async (appointmentId: string) =>
    (
      await db.dataSource.query(
        `SELECT count(*)::int AS n FROM calendar_sync_leases WHERE appointment_id = $1`,
        [appointmentId],
      )
    )[0].n as number;

  it('is renewed while the job runs past the lease time: no other job gets in', async () => {
    const appointment = randomUUID();
    let finish!: () => void;
    const long = worker(
      () => new Promise<JobVerdict>((resolve) => (finish = () => resolve({ kind: 'done' }))),
    );
    const other = worker(async () => ({ kind: 'done' }));

    const running = long.dispatcher.handle(job(appointment), FIRST);
    await sleep(50);
    // Five lease times: without renewal the lease would have lapsed four times over.
    const verdicts: JobVerdict['kind'][] = [];
    for (let i = 0; i < 15; i++) {
      verdicts.push((await other.dispatcher.handle(job(appointment), FIRST)).kind);
      await sleep(LEASE_MS / 3);
    }
    expect(verdicts.every((k) => k === 'later')).toBe(true);
    expect(other.ran.count).toBe(0);

    finish();
    await expect(running).resolves.toEqual({ kind: 'done' });
    expect(await leaseRows(appointment)).toBe(0);
    // Released, not lapsed: the next job gets in at once.
    await expect(other.dispatcher.handle(job(appointment), FIRST)).resolves.toEqual({
      kind: 'done',
    });
    expect(other.ran.count).toBe(1);
  });

  it('is released when the job throws', async () => {
    const appointment = randomUUID();
    const failing = worker(async () => {
      await sleep(LEASE_MS);
      throw new Error('database went away mid-job');
    });
    const other = worker(async () => ({ kind: 'done' }));

    await expect(failing.dispatcher.handle(job(appointment), FIRST)).rejects.toThrow(
      'database went away',
    );
    expect(await leaseRows(appointment)).toBe(0);
    await expect(other.dispatcher.handle(job(appointment), FIRST)).resolves.toEqual({
      kind: 'done',
    });
  });

  it('is released when the job answers "later" or "retry"', async () => {
    for (const verdict of [
      { kind: 'later', delayMs: 10, reason: 'breaker open' },
      { kind: 'retry', reason: 'Cal.com answered 500' },
    ] as JobVerdict[]) {
      const appointment = randomUUID();
      const w = worker(async () => verdict);
      await expect(w.dispatcher.handle(job(appointment), FIRST)).resolves.toEqual(verdict);
      expect(await leaseRows(appointment)).toBe(0);
    }
  });

  it('lapses within one lease time when its holder stops renewing (the worker died)', async () => {
    const appointment = randomUUID();
    const ledger = new TypeOrmCalendarBookingLedger(db.dataSource.manager);
    // What a killed worker leaves: a lease row nobody renews or releases.
    expect(await ledger.tryLease(appointment, 'killed-worker:job', LEASE_MS)).toBe(true);
    const other = worker(async () => ({ kind: 'done' }));
    expect((await other.dispatcher.handle(job(appointment), FIRST)).kind).toBe('later');

    await sleep(LEASE_MS + 100);
    await expect(other.dispatcher.handle(job(appointment), FIRST)).resolves.toEqual({
      kind: 'done',
    });
  });
});
