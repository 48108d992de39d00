import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue, type ConnectionOptions } from 'bullmq';
import Redis from 'ioredis';
import { FakeCalcom } from '../../../bench/sync-fake-calcom';
import { CredentialCipher } from '../../../src/adapters/outbound/persistence/credential-cipher';
import { TypeOrmSalonCatalog } from '../../../src/adapters/outbound/persistence/repositories/typeorm-salon-catalog';
import { TypeOrmSalonWriter } from '../../../src/adapters/outbound/persistence/typeorm-salon.writer';
import {
  portsFor,
  TypeOrmUnitOfWork,
} from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { CALENDAR_SYNC_QUEUE } from '../../../src/adapters/outbound/queue/bullmq-sync.queue';
import { redisKeys } from '../../../src/adapters/outbound/queue/redis-keys';
import { ImportSalonUseCase } from '../../../src/application/salon-file/import-salon.use-case';
import { Appointment } from '../../../src/domain/appointment/appointment';
import { Customer } from '../../../src/domain/salon/customer';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { startWorkerProcess, type WorkerProcess } from '../../support/worker-process';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const KEY = randomBytes(32).toString('hex');
const CALCOM_KEY = 'cal_test_worker_killed';
/** The perm's three working steps (segments 0, 2, 4) for Anna, as event types of the fake. */
const PERM_EVENT_TYPES = [7001, 7002, 7003];
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * A week ahead at 08:00 UTC (09:00 or 10:00 in Berlin). The workers run on the real clock (their
 * leases must lapse), so the appointment is placed relative to it, never on a fixed date that
 * passes.
 */
const START = new Date(Math.ceil(Date.now() / DAY_MS) * DAY_MS + 7 * DAY_MS + 8 * 3_600_000);

interface AuditRow {
  action: string;
  details: {
    bookings?: Array<{ phaseId: string; uid: string; how: string }>;
    verifiedAfterError?: number;
  };
}

/**
 * `npm run start:worker` as real Node processes against real Postgres, the shared Redis (a queue
 * prefix of its own) and a fake Cal.com over HTTP. Worker A takes the sync job of a perm (three
 * busy phases) and is killed with SIGKILL while Cal.com holds all three bookings but A has
 * recorded only the first: the other two creates were booked by Cal.com and never answered.
 * The job is then only "active" in Redis with a lock nobody renews. Worker B, started after the
 * kill, finds it stalled, runs it again, and its look-up before create finds the two bookings
 * A never heard back about: exactly one create per phase reaches Cal.com over all attempts.
 */
describe('a sync worker process killed mid-job', () => {
  const prefix = `test-killed-${randomBytes(4).toString('hex')}`;
  const workers: WorkerProcess[] = [];
  let db: TestDatabase;
  let fake: FakeCalcom;
  let redis: Redis;
  let queue: Queue;
  let companyId: string;
  let env: Record<string, string>;

  const rows = <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    db.dataSource.query(sql, params);

  const outputs = () =>
    workers
      .map((w, i) => `--- worker ${'AB'[i] ?? i} (pid ${w.pid}) ---\n${w.output()}`)
      .join('\n');

  /** Polls until `check` holds; the deadline only bounds a hang, no timing is asserted. */
  const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs = 40_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${outputs()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    fake = new FakeCalcom();
    await fake.start();
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    queue = new Queue(CALENDAR_SYNC_QUEUE, {
      connection: redis as unknown as ConnectionOptions,
      prefix: redisKeys(prefix).queue,
    });

    const file = JSON.parse(
      readFileSync(join(__dirname, '../../../fixtures/demo-salon.json'), 'utf8'),
    );
    const imported = await new ImportSalonUseCase(new TypeOrmSalonWriter(db.dataSource)).execute(
      file,
    );
    if (!imported.ok) throw new Error('demo salon did not import');
    companyId = (await rows<{ id: string }>(`SELECT id FROM companies`))[0].id;

    const cipher = new CredentialCipher(KEY);
    const [{ id: credentialId }] = await rows<{ id: string }>(
      `INSERT INTO calcom_credentials(company_id, label, base_url, api_key_encrypted)
       VALUES ($1, 'main', $2, $3) RETURNING id`,
      [companyId, fake.url, cipher.encrypt(CALCOM_KEY)],
    );
    const catalog = new TypeOrmSalonCatalog(db.dataSource);
    const salon = (await catalog.branchContext(
      (await catalog.branchIdForAnsweredNumber('+4930901820'))!,
    ))!;
    const anna = salon.staff.find((s) => s.name === 'Anna')!.id;
    const perm = salon.services.find((s) => s.name === 'Dauerwelle')!;
    for (const [i, segment] of [0, 2, 4].entries()) {
      await rows(
        `INSERT INTO calcom_mappings(company_id, credential_id, service_id, segment_sequence, staff_id, event_type_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [companyId, credentialId, perm.id, segment, anna, PERM_EVENT_TYPES[i]],
      );
    }

    env = {
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '5',
      MIGRATE_ON_START: 'false', // createTestDatabase() migrated it
      SEED_DEMO_SALON: 'false',
      REDIS_URL,
      CALCOM_API_KEY: CALCOM_KEY,
      CALCOM_BASE_URL: fake.url,
      CALCOM_ALLOWED_HOSTS: new URL(fake.url).host,
      ENCRYPTION_KEY: KEY,
      LOG_LEVEL: 'info',
      // Nothing of another suite's on the shared Redis reaches these workers, and nothing of theirs
      // reaches another suite's.
      REDIS_KEY_PREFIX: prefix,
      // A dead worker's job is found stalled within seconds, not the default minute; long enough
      // that a busy machine's pause in the living worker does not stall its job too.
      SYNC_JOB_LOCK_MS: '5000',
      SYNC_STALLED_CHECK_MS: '500',
      // The appointment's lease, which the killed worker never releases, lapses soon too.
      SYNC_LEASE_MS: '3000',
    };
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.kill()));
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close().catch(() => undefined);
    if (redis && redis.status !== 'end') await redis.quit().catch(() => undefined);
    await fake?.stop().catch(() => undefined);
    await db?.drop();
  }, 30_000);

  it('the stalled job is retried by another worker, which finds the bookings: no second booking', async () => {
    // Cal.com answers the first phase at once; the other two it books and never answers.
    fake.onCreate = ({ body }) =>
      body.eventTypeId === PERM_EVENT_TYPES[0] ? { kind: 'ok' } : { kind: 'hang', created: true };

    // The booking as the use case commits it: the appointment and its outbox row together.
    const catalog = new TypeOrmSalonCatalog(db.dataSource);
    const salon = (await catalog.branchContext(
      (await catalog.branchIdForAnsweredNumber('+4930901820'))!,
    ))!;
    const customer = Customer.restore({
      id: randomUUID(),
      name: 'Kundin Eins',
      phone: '+4915112345678',
      recognitionConsent: true,
    });
    await portsFor(db.dataSource.manager).customers.add({ companyId }, customer);
    const appointment = Appointment.create({
      service: salon.services.find((s) => s.name === 'Dauerwelle')!,
      staffId: salon.staff.find((s) => s.name === 'Anna')!.id,
      customerId: customer.id,
      start: START,
      source: 'voice',
      branchId: salon.branch.id,
    });
    await new TypeOrmUnitOfWork(db.dataSource).run(async (tx) => {
      const added = await tx.appointments.add({ companyId }, appointment, new Date());
      if (!added.ok) throw new Error('slot taken in test set-up');
      await tx.outbox.record({ companyId }, appointment.id, 'create');
    });
    const busyPhases = appointment.phases.filter((p) => p.needsCalendarBooking);
    expect(busyPhases).toHaveLength(3);

    const ledger = () =>
      rows<{ phase_id: string; booking_uid: string; state: string }>(
        `SELECT phase_id, booking_uid, state FROM calendar_bookings WHERE appointment_id = $1`,
        [appointment.id],
      );
    const syncState = async () =>
      (
        await rows<{ sync_state: string }>(`SELECT sync_state FROM appointments WHERE id = $1`, [
          appointment.id,
        ])
      )[0].sync_state;

    // Worker A starts; its outbox relay queues the job and A takes it.
    const a = await startWorkerProcess(env);
    workers.push(a);
    await waitFor(
      'Cal.com to hold all three bookings and A to record the first',
      async () => fake.live().length === 3 && (await ledger()).length === 1,
    );
    // A now waits for two answers that never come (its client gives up after 5 s): kill it.
    await a.kill();
    expect(a.exited()).toBe(true);

    // What A left: three bookings in Cal.com, one of them recorded, the appointment pending,
    // and its job active in Redis under a lock nobody renews.
    expect(fake.createBodies).toHaveLength(3);
    expect(await ledger()).toHaveLength(1);
    expect(await syncState()).toBe('pending');
    // (A's start also schedules the tenant's reconciliation, which may be active too.)
    const active = await queue.getJobs(['active']);
    const job = active.find((j) => j.data?.kind === 'sync');
    expect(job?.data).toMatchObject({ kind: 'sync', appointmentId: appointment.id });
    const jobId = job!.id!;

    // From here on Cal.com answers every create: a second create would be a second booking.
    fake.onCreate = () => ({ kind: 'ok' });

    const b = await startWorkerProcess(env);
    workers.push(b);
    await waitFor('the appointment to be synced', async () => (await syncState()) === 'synced');

    // Exactly one create per phase reached Cal.com over both workers' attempts.
    const creates = fake.createsPerPhase();
    expect([...creates.keys()].sort()).toEqual(
      busyPhases.map((p) => `${appointment.id}/${p.id}`).sort(),
    );
    expect([...creates.values()]).toEqual([1, 1, 1]);
    expect(fake.live()).toHaveLength(3);
    expect([...fake.livePerPhase().values()]).toEqual([1, 1, 1]);

    // The ledger holds each of those bookings once, live.
    const recorded = await ledger();
    expect(recorded.map((r) => r.state)).toEqual(['live', 'live', 'live']);
    expect(recorded.map((r) => r.booking_uid).sort()).toEqual(
      fake
        .live()
        .map((x) => x.uid)
        .sort(),
    );

    // B's run: the first phase known from A's ledger entry, the other two found by the look-up
    // before create (A's creates, whose answers it never got); no attempt failed.
    const trail = await rows<AuditRow>(
      `SELECT action, details FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [appointment.id],
    );
    expect(trail.map((t) => t.action)).toEqual(['calendar_sync.synced']);
    const how = new Map(trail[0].details.bookings!.map((x) => [x.phaseId, x.how]));
    expect(busyPhases.map((p) => how.get(p.id))).toEqual([
      'known',
      'found_before_create',
      'found_before_create',
    ]);

    // It went through BullMQ's stalled-job path: no failed attempt, one stall, done. (BullMQ
    // marks the job completed just after the handler's last write, so wait for that too.)
    await waitFor(
      'the job to be completed',
      async () => (await (await queue.getJob(jobId))?.getState()) === 'completed',
    );
    const done = await queue.getJob(jobId);
    expect(done?.stalledCounter).toBe(1);
    expect(done?.failedReason ?? null).toBeNull();
  }, 300_000); // two worker boots, each compiling the sources
});
