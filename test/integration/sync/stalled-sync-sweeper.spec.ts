import { BullMqSyncWorker } from '../../../src/adapters/inbound/sync-worker/bullmq-sync.worker';
import { TypeOrmOutboxClaims } from '../../../src/adapters/outbound/persistence/repositories/typeorm-outbox-claims';
import { TypeOrmCalendarMappingRepository } from '../../../src/adapters/outbound/persistence/repositories/typeorm-calendar-mapping.repository';
import { StalledSyncSweeper } from '../../../src/application/sync/stalled-sync-sweeper';
import {
  at,
  audit,
  book,
  createWorld,
  onePerPhase,
  settle,
  syncRow,
  type World,
} from './sync-harness';
import { eventually } from '../../support/eventually';

const AGE_MS = 120_000;

/**
 * Redis without persistence loses queued jobs on a restart while their outbox rows say
 * "enqueued". Real Redis and Postgres, fake Cal.com over HTTP; the restart is the queue's keys
 * wiped, and the sweeper runs on an injected clock instead of waiting two minutes.
 */
describe('stalled sync sweeper', () => {
  let w: World;

  const sweeper = (nowMs: number) =>
    new StalledSyncSweeper(
      new TypeOrmOutboxClaims(w.db.dataSource),
      w.queue,
      { now: () => new Date(nowMs) },
      { staleAfterMs: AGE_MS, intervalMs: 0, batchSize: 2 },
      w.gateway,
      new TypeOrmCalendarMappingRepository(w.db.dataSource.manager),
    );

  /** The opossum breaker of the salon's Cal.com credential. */
  const breaker = () => w.gateway['breakers'].breakerFor(w.credentialId);

  const startWorker = () => {
    w.bull!.worker ??= new BullMqSyncWorker(w.bull!.redis, w.dispatcher, {
      concurrency: 4,
      prefix: w.bull!.prefix,
    });
  };

  /** Books and relays; the job sits in Redis because no worker consumes yet. */
  const bookAndRelay = async (start: string, service: 'perm' | 'cut') => {
    const a = await book(w, w[service], at(start));
    expect(await w.relay.relay()).toBe(1);
    return a;
  };

  const restartRedis = () => w.bull!.queue.queue.obliterate({ force: true });

  beforeAll(async () => {
    w = await createWorld({ redis: true, startWorker: false });
  });
  afterAll(() => w?.close());
  afterEach(() => breaker().close());
  beforeEach(async () => {
    await w.bull!.worker?.close();
    w.bull!.worker = undefined;
    await restartRedis();
    w.fake.reset();
    await w.db.dataSource.query(
      `DELETE FROM busy_blocks; DELETE FROM sync_outbox; DELETE FROM calendar_bookings;
       DELETE FROM calendar_sync_leases; DELETE FROM audit_log; DELETE FROM appointments`,
    );
  });

  it('queues jobs lost with Redis again: the appointments sync, one create per phase', async () => {
    const perm = await bookAndRelay('09:00', 'perm');
    const cut = await bookAndRelay('13:00', 'cut');
    const other = await bookAndRelay('15:00', 'cut');
    await restartRedis();
    expect(await w.bull!.queue.queue.getJobCountByTypes('waiting', 'delayed', 'active')).toBe(0);
    expect(await w.relay.relay()).toBe(0); // the outbox thinks everything went out

    // Three stalled appointments with a batch size of two: the sweep pages.
    expect(await sweeper(Date.now() + AGE_MS + 60_000).sweep()).toBe(3);
    startWorker();
    await settle(w);

    for (const a of [perm, cut, other]) expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.createBodies).toHaveLength(5);
    onePerPhase(w);
    expect(await audit(w, perm.id)).toContain('calendar_sync.synced');
  });

  it('leaves a change whose job is still queued alone: a backlog is not doubled', async () => {
    const waiting = await bookAndRelay('09:00', 'perm');
    const delayed = await bookAndRelay('13:00', 'cut');
    // Its job is waiting out a backoff (or the quota): delayed, not lost.
    const job = (await w.bull!.queue.queue.getJob(`${delayed.id}:1:create`))!;
    await job.remove();
    await w.bull!.queue.queue.add(job.name, job.data, { jobId: job.id, delay: 60_000 });
    const later = Date.now() + AGE_MS + 60_000;
    expect(await sweeper(later).sweep()).toBe(0);
    expect(await sweeper(later + AGE_MS).sweep()).toBe(0);
    expect(
      (await w.bull!.queue.queue.getJobs(['waiting', 'delayed'])).map((j) => j.id).sort(),
    ).toEqual([`${delayed.id}:1:create`, `${waiting.id}:1:create`].sort());

    // The sweep of one round ran and was lost too: the next round queues the change once more.
    await restartRedis();
    expect(await sweeper(later).sweep()).toBe(2);
    expect(await sweeper(later).sweep()).toBe(0); // the sweep jobs are queued now
    startWorker();
    await settle(w);
    for (const a of [waiting, delayed]) expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.createBodies).toHaveLength(4);
    onePerPhase(w);
  });

  it('a swept job next to a job that was not lost after all books nothing twice', async () => {
    const a = await bookAndRelay('09:00', 'perm');
    // The original turned up after the sweep had found it gone (Redis answered late).
    await w.queue.enqueueSweep(
      {
        id: 'swept',
        companyId: w.salon.companyId,
        appointmentId: a.id,
        action: 'create',
        appointmentVersion: 1,
      },
      '1',
    );
    const ids = (await w.bull!.queue.queue.getJobs(['waiting'])).map((j) => j.id).sort();
    expect(ids).toEqual([`${a.id}:1:create`, `${a.id}:1:create-sweep-1`]);
    startWorker();
    await settle(w);

    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.createBodies).toHaveLength(3);
    onePerPhase(w);
  });

  it('a swept job runs although a finished job of the same change is still kept', async () => {
    const a = await bookAndRelay('11:00', 'cut');
    startWorker();
    await settle(w);
    expect((await syncRow(w, a.id)).state).toBe('synced');
    // The calendar lost the booking and the appointment waits for a sync again.
    w.fake.reset();
    await w.db.dataSource.query(`UPDATE appointments SET sync_state = 'pending' WHERE id = $1`, [
      a.id,
    ]);
    await w.db.dataSource.query(`DELETE FROM calendar_bookings WHERE appointment_id = $1`, [a.id]);
    await w.db.dataSource.query(
      `UPDATE appointment_phases SET sync_state = 'pending', calcom_booking_uid = NULL,
              calcom_booking_id = NULL WHERE appointment_id = $1`,
      [a.id],
    );
    await w.queue.enqueue({
      id: 'again',
      companyId: w.salon.companyId,
      appointmentId: a.id,
      action: 'create',
      appointmentVersion: 1,
    });
    await settle(w);
    expect(w.fake.createBodies).toHaveLength(0); // collapsed into the kept job

    expect(await sweeper(Date.now() + AGE_MS + 60_000).sweep()).toBe(1);
    await settle(w);
    expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.createBodies).toHaveLength(1);
  });

  it('skips a tenant whose Cal.com breaker is open, and sweeps it again once it half-opens', async () => {
    const perm = await bookAndRelay('09:00', 'perm');
    const cut = await bookAndRelay('13:00', 'cut');
    await restartRedis(); // lost: only the breaker keeps the sweep from queueing them again
    const later = Date.now() + AGE_MS + 60_000;
    const waitingJobs = async () =>
      (await w.bull!.queue.queue.getJobs(['waiting', 'delayed'])).map((j) => j.id).sort();

    breaker().open();
    expect(w.gateway.breakerState(w.credentialId)).toBe('open');
    // Sweep after sweep while the breaker is open: the waiting jobs are not joined by more.
    expect(await sweeper(later).sweep()).toBe(0);
    expect(await sweeper(later + AGE_MS).sweep()).toBe(0);
    expect(await waitingJobs()).toEqual([]);

    // After the reset time the breaker lets a probe through, and the sweep runs again.
    await eventually(
      () => w.gateway.breakerState(w.credentialId) === 'half_open',
      'the breaker to half-open',
    );
    expect(await sweeper(later + 2 * AGE_MS).sweep()).toBe(2);
    startWorker();
    await settle(w);

    for (const a of [perm, cut]) expect((await syncRow(w, a.id)).state).toBe('synced');
    expect(w.fake.createBodies).toHaveLength(4);
    onePerPhase(w);
  });

  it('leaves a fresh pending appointment alone', async () => {
    const a = await bookAndRelay('09:00', 'perm');
    await restartRedis();

    expect(await sweeper(Date.now()).sweep()).toBe(0);
    startWorker();
    await settle(w);
    expect((await syncRow(w, a.id)).state).toBe('pending');
    expect(w.fake.createBodies).toHaveLength(0);
  });

  it('leaves completed appointments alone: the sync never touches history', async () => {
    const a = await bookAndRelay('09:00', 'cut');
    await restartRedis();
    await w.db.dataSource.query(`UPDATE appointments SET status = 'completed' WHERE id = $1`, [
      a.id,
    ]);
    expect(await sweeper(Date.now() + AGE_MS + 60_000).sweep()).toBe(0);
  });

  it('leaves an appointment whose change is not relayed yet to the relay', async () => {
    const a = await book(w, w.cut, at('11:00'));
    expect(await sweeper(Date.now() + AGE_MS + 60_000).sweep()).toBe(0);
    expect((await syncRow(w, a.id)).state).toBe('pending');
  });
});
