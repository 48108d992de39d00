/**
 * Calendar sync speed: 1,000 composite appointments (a perm: three busy phases) synced against a
 * local fake Cal.com answering in 100 ms, once with the phases in parallel and once one by one
 * (BENCH_APPOINTMENTS; 0 skips these). Then the run against Cal.com's throttler (see
 * sync-throttled.run.ts; BENCH_THROTTLED_APPOINTMENTS, default 200, 0 skips it; BENCH_WINDOW_MS
 * shortens Cal.com's 60 s window, everything scaled with it). Needs Postgres (DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432); uses BullMQ, the shared quota and the slot cache when
 * REDIS_URL is set, the in-process queue otherwise. With REDIS_URL, last, two worker processes
 * with a sync worker killed mid-batch (see sync-killed-worker.run.ts; BENCH_KILLED_APPOINTMENTS,
 * default 60, 0 skips it). Run: npm run bench:sync
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import Redis from 'ioredis';
import { BullMqSyncWorker } from '../src/adapters/inbound/sync-worker/bullmq-sync.worker';
import { CalcomCalendarGateway } from '../src/adapters/outbound/calcom/calcom-calendar.gateway';
import { InProcessSyncQueue } from '../src/adapters/outbound/local/in-process-sync.queue';
import { CredentialCipher } from '../src/adapters/outbound/persistence/credential-cipher';
import { createDataSource } from '../src/adapters/outbound/persistence/data-source.factory';
import { TypeOrmCalendarBookingLedger } from '../src/adapters/outbound/persistence/repositories/typeorm-calendar-booking-ledger';
import { TypeOrmOutboxClaims } from '../src/adapters/outbound/persistence/repositories/typeorm-outbox-claims';
import { TypeOrmCalendarCredentials } from '../src/adapters/outbound/persistence/repositories/typeorm-calendar-mapping.repository';
import { TypeOrmSalonCatalog } from '../src/adapters/outbound/persistence/repositories/typeorm-salon-catalog';
import { TypeOrmSalonWriter } from '../src/adapters/outbound/persistence/typeorm-salon.writer';
import {
  portsFor,
  TypeOrmUnitOfWork,
} from '../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { syncDispatcherOn } from '../src/adapters/outbound/queue/sync-dispatcher.factory';
import { BullMqSyncQueue } from '../src/adapters/outbound/queue/bullmq-sync.queue';
import type { JobAttempt, SyncJob, SyncQueue } from '../src/application/ports/sync-queue.port';
import { ImportSalonUseCase } from '../src/application/salon-file/import-salon.use-case';
import { OutboxRelay } from '../src/application/sync/outbox-relay';
import { DEFAULT_SYNC_SETTINGS } from '../src/application/sync/sync-settings';
import { Appointment } from '../src/domain/appointment/appointment';
import { Customer } from '../src/domain/salon/customer';
import { FakeCalcom } from './sync-fake-calcom';
import { runKilledWorker } from './sync-killed-worker.run';
import { runThrottled } from './sync-throttled.run';

const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS ?? 1000);
const LATENCY_MS = 100;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const THROTTLED_APPOINTMENTS = Number(process.env.BENCH_THROTTLED_APPOINTMENTS ?? 200);
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const name = `bench_sync_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const ds = createDataSource({ url: url.toString() });
  const fake = new FakeCalcom();
  const redis = process.env.REDIS_URL
    ? new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: null })
    : null;
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await fake.start();
    fake.latencyMs = LATENCY_MS;
    const file = JSON.parse(readFileSync(join(process.cwd(), 'fixtures/demo-salon.json'), 'utf8'));
    const imported = await new ImportSalonUseCase(new TypeOrmSalonWriter(ds)).execute(file);
    if (!imported.ok) throw new Error('demo salon did not import');
    const catalog = new TypeOrmSalonCatalog(ds);
    const salon = (await catalog.branchContext(
      (await catalog.branchIdForAnsweredNumber('+4930901820'))!,
    ))!;
    const anna = salon.staff.find((s) => s.name === 'Anna')!.id;
    const perm = salon.services.find((s) => s.name === 'Dauerwelle')!;
    const m = ds.manager;
    const ports = portsFor(m);
    const customer = Customer.restore({
      id: randomUUID(),
      name: 'Kundin Bench',
      phone: '+4915112345678',
      recognitionConsent: true,
    });
    await ports.customers.add({ companyId: salon.companyId }, customer);
    const encryptionKey = randomBytes(32).toString('hex');
    const cipher = new CredentialCipher(encryptionKey);
    const [{ id: credentialId }] = await m.query(
      `INSERT INTO calcom_credentials(company_id, label, base_url, api_key_encrypted)
       VALUES ($1, 'bench', $2, $3) RETURNING id`,
      [salon.companyId, fake.url, cipher.encrypt('cal_test_bench')],
    );
    for (const [i, seq] of [0, 2, 4].entries()) {
      await m.query(
        `INSERT INTO calcom_mappings(company_id, credential_id, service_id, segment_sequence, staff_id, event_type_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [salon.companyId, credentialId, perm.id, seq, anna, 9001 + i],
      );
    }
    const gateway = new CalcomCalendarGateway(new TypeOrmCalendarCredentials(m, cipher), {
      config: {
        allowedHosts: [new URL(fake.url).host],
        breaker: { volumeThreshold: 1_000_000 },
        // This fake has no request limit: the quota is set out of the way so the parallel and
        // sequential runs measure the sync (the throttled run below measures the quota).
        quota: { limit: 1_000_000 },
      },
    });
    const clock = { now: () => new Date() };
    console.warn(
      `sync bench: ${APPOINTMENTS} perms x 3 busy phases, fake Cal.com ${LATENCY_MS} ms, ` +
        `${redis ? 'BullMQ' : 'in-process queue'}, concurrency ${CONCURRENCY}`,
    );

    for (const parallelPhases of APPOINTMENTS > 0 ? [true, false] : []) {
      fake.reset();
      await m.query(
        `DELETE FROM busy_blocks; DELETE FROM sync_outbox; DELETE FROM calendar_bookings; DELETE FROM appointments`,
      );
      const ledger = new TypeOrmCalendarBookingLedger(m);
      const settings = { ...DEFAULT_SYNC_SETTINGS, parallelPhases };
      const prefix = `bench-${randomBytes(4).toString('hex')}`;
      const inProcess = redis
        ? undefined
        : new InProcessSyncQueue({ attempts: 3, backoffMs: 100, concurrency: CONCURRENCY });
      const bullQueue = redis
        ? new BullMqSyncQueue(redis, { attempts: 3, backoffMs: 100, prefix })
        : undefined;
      const queue: SyncQueue = (inProcess ?? bullQueue)!;
      const relay = new OutboxRelay(new TypeOrmOutboxClaims(ds), queue, clock, {
        intervalMs: 0,
        batchSize: 200,
      });
      const dispatcher = syncDispatcherOn({
        dataSource: ds,
        calendar: gateway,
        queue,
        relay,
        clock,
        settings,
        sleep: async () => undefined,
        ledger,
      });
      const durations: number[] = [];
      let done = 0;
      let finish: () => void = () => undefined;
      const allDone = new Promise<void>((resolve) => (finish = resolve));
      const timed = {
        handle: async (job: SyncJob, attempt: JobAttempt) => {
          const t0 = performance.now();
          const verdict = await dispatcher.handle(job, attempt);
          if (verdict.kind === 'done') {
            durations.push(performance.now() - t0);
            if (++done === APPOINTMENTS) finish();
          }
          return verdict;
        },
      };

      // Committed bookings with their outbox rows, one appointment every 3 hours.
      const base = Date.parse('2027-01-04T08:00:00Z');
      for (let i = 0; i < APPOINTMENTS; i++) {
        const a = Appointment.create({
          service: perm,
          staffId: anna,
          customerId: customer.id,
          start: new Date(base + i * 3 * 3600_000),
          source: 'voice',
          branchId: salon.branch.id,
        });
        await new TypeOrmUnitOfWork(ds).run(async (tx) => {
          await tx.appointments.add({ companyId: salon.companyId }, a, new Date());
          await tx.outbox.record({ companyId: salon.companyId }, a.id, 'create');
        });
      }

      const started = performance.now();
      const worker = redis
        ? new BullMqSyncWorker(redis, timed, { concurrency: CONCURRENCY, prefix })
        : undefined;
      inProcess?.consume(timed);
      await relay.relay();
      await allDone;
      const wall = (performance.now() - started) / 1000;

      const [{ synced }] = await m.query(
        `SELECT count(*)::int AS synced FROM appointments WHERE sync_state = 'synced'`,
      );
      const perPhase = fake.createsPerPhase();
      const live = fake.livePerPhase();
      const exactlyOne =
        perPhase.size === APPOINTMENTS * 3 &&
        [...perPhase.values()].every((n) => n === 1) &&
        [...live.values()].every((n) => n === 1);
      console.warn(
        `${parallelPhases ? 'parallel  ' : 'sequential'}: wall ${wall.toFixed(1)} s, ` +
          `${(APPOINTMENTS / wall).toFixed(1)} appointments/s, median ${median(durations).toFixed(0)} ms ` +
          `per appointment, synced ${synced}/${APPOINTMENTS}, bookings ${fake.live().length}, ` +
          `exactly one booking per phase: ${exactlyOne ? 'yes' : 'NO'}`,
      );
      await worker?.close();
      await bullQueue?.queue.obliterate({ force: true });
      await bullQueue?.close();
      await inProcess?.close();
    }
    gateway.close();
    if (THROTTLED_APPOINTMENTS > 0) {
      await runThrottled({
        ds,
        salon,
        customerId: customer.id,
        credentialId,
        credentials: new TypeOrmCalendarCredentials(m, cipher),
        fake,
        redis,
        concurrency: CONCURRENCY,
      });
    }
    if (process.env.REDIS_URL) {
      await runKilledWorker({
        ds,
        salon,
        customerId: customer.id,
        fake,
        redisUrl: process.env.REDIS_URL,
        encryptionKey,
      });
    } else {
      console.warn('killed worker: skipped (worker processes need REDIS_URL)');
    }
  } finally {
    await fake.stop().catch(() => undefined);
    if (redis) await redis.quit();
    if (ds.isInitialized) await ds.destroy();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
