import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { FakeCalcom } from '../../../bench/sync-fake-calcom';
import { CalcomCalendarGateway } from '../../../src/adapters/outbound/calcom/calcom-calendar.gateway';
import type { CalcomConfig } from '../../../src/adapters/outbound/calcom/calcom.config';
import { BullMqSyncWorker } from '../../../src/adapters/inbound/sync-worker/bullmq-sync.worker';
import { InProcessSyncQueue } from '../../../src/adapters/outbound/local/in-process-sync.queue';
import { CredentialCipher } from '../../../src/adapters/outbound/persistence/credential-cipher';
import { TypeOrmCalendarBookingLedger } from '../../../src/adapters/outbound/persistence/repositories/typeorm-calendar-booking-ledger';
import { TypeOrmOutboxClaims } from '../../../src/adapters/outbound/persistence/repositories/typeorm-outbox-claims';
import {
  TypeOrmCalendarCredentials,
  TypeOrmCalendarMappingRepository,
} from '../../../src/adapters/outbound/persistence/repositories/typeorm-calendar-mapping.repository';
import {
  portsFor,
  TypeOrmUnitOfWork,
} from '../../../src/adapters/outbound/persistence/typeorm-unit-of-work';
import { syncDispatcherOn } from '../../../src/adapters/outbound/queue/sync-dispatcher.factory';
import { BullMqSyncQueue } from '../../../src/adapters/outbound/queue/bullmq-sync.queue';
import type { CalendarGateway } from '../../../src/application/ports/calendar-gateway.port';
import type { SyncQueue } from '../../../src/application/ports/sync-queue.port';
import type { BranchContext } from '../../../src/application/ports/salon-catalog.port';
import { OutboxRelay } from '../../../src/application/sync/outbox-relay';
import { SyncJobDispatcher } from '../../../src/application/sync/sync-job.dispatcher';
import { SyncMetrics } from '../../../src/application/sync/sync-metrics';
import {
  DEFAULT_SYNC_SETTINGS,
  type SyncSettings,
} from '../../../src/application/sync/sync-settings';
import { Appointment } from '../../../src/domain/appointment/appointment';
import { Customer } from '../../../src/domain/salon/customer';
import type { Service } from '../../../src/domain/salon/service';
import { importDemoSalon } from '../../support/demo-salon';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const KEY = randomBytes(32).toString('hex');
/** Event types in the fake Cal.com: the three working steps of a perm, and a men's cut. */
export const PERM_EVENT_TYPES = [7001, 7002, 7003];
export const CUT_EVENT_TYPE = 7100;
const clock = { now: () => new Date('2026-11-26T14:00:00Z') };

export interface World {
  db: TestDatabase;
  fake: FakeCalcom;
  salon: BranchContext;
  anna: string;
  perm: Service;
  cut: Service;
  customerId: string;
  credentialId: string;
  metrics: SyncMetrics;
  gateway: CalcomCalendarGateway;
  queue: SyncQueue;
  relay: OutboxRelay;
  dispatcher: SyncJobDispatcher;
  ledger: TypeOrmCalendarBookingLedger;
  sleeps: number[];
  /** Test hooks around the calendar and the ledger. */
  hooks: Hooks;
  /** The BullMQ side when the world runs on Redis. */
  bull?: { redis: Redis; queue: BullMqSyncQueue; worker?: BullMqSyncWorker; prefix: string };
  inProcess?: InProcessSyncQueue;
  close(): Promise<void>;
}

export interface Hooks {
  beforeCreate?: (phaseId: string) => Promise<void>;
  /** Runs after the ledger write; throwing simulates a worker that died right there. */
  afterRecord?: (phaseId: string) => Promise<void>;
}

export interface WorldOptions {
  readonly redis: boolean;
  readonly settings?: Partial<SyncSettings>;
  readonly breaker?: {
    volumeThreshold: number;
    errorThresholdPercentage: number;
    resetTimeoutMs: number;
  };
  /** Wraps the gateway (e.g. to fail after the calendar's success). */
  readonly startWorker?: boolean;
  /** Paging of the gateway's booking listings (defaults: the adapter's). */
  readonly listing?: { listPageSize?: number; listMaxPages?: number };
  /** The gateway's request quota per Cal.com key (defaults: the adapter's). */
  readonly quota?: Partial<CalcomConfig['quota']>;
  /** Counts the quota in this Redis (shared with other worlds) instead of in memory. */
  readonly quotaRedis?: Redis;
}

/**
 * How long the gateway waits for the fake Cal.com. Generous, so only a hanging answer times out,
 * never a slow machine's first request (which would add verify rounds the tests count).
 */
const TIMEOUT_MS = 5_000;

export async function createWorld(options: WorldOptions): Promise<World> {
  const db = await createTestDatabase();
  const fake = new FakeCalcom();
  // The cut's event type has one length, as most have; the perm's steps use event types that
  // offer several lengths.
  fake.singleLength.set(CUT_EVENT_TYPE, 30);
  await fake.start();
  const salon = await importDemoSalon(db.dataSource);
  const anna = salon.staff.find((s) => s.name === 'Anna')!.id;
  const perm = salon.services.find((s) => s.name === 'Dauerwelle')!;
  const cut = salon.services.find((s) => s.name === 'Herrenhaarschnitt')!;
  const m = db.dataSource.manager;
  const customer = Customer.restore({
    id: randomUUID(),
    name: 'Kundin Eins',
    phone: '+4915112345678',
    recognitionConsent: true,
  });
  await portsFor(m).customers.add({ companyId: salon.companyId }, customer);

  const cipher = new CredentialCipher(KEY);
  const [{ id: credentialId }] = await m.query(
    `INSERT INTO calcom_credentials(company_id, label, base_url, api_key_encrypted, webhook_secret_encrypted)
     VALUES ($1, 'main', $2, $3, $4) RETURNING id`,
    [
      salon.companyId,
      fake.url,
      cipher.encrypt('cal_test_haarmonie'),
      cipher.encrypt('tenant-webhook-secret'),
    ],
  );
  for (const [i, seq] of [0, 2, 4].entries()) {
    await m.query(
      `INSERT INTO calcom_mappings(company_id, credential_id, service_id, segment_sequence, staff_id, event_type_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [salon.companyId, credentialId, perm.id, seq, anna, PERM_EVENT_TYPES[i]],
    );
  }
  await m.query(
    `INSERT INTO calcom_mappings(company_id, credential_id, service_id, staff_id, event_type_id)
     VALUES ($1, $2, $3, $4, $5)`,
    [salon.companyId, credentialId, cut.id, anna, CUT_EVENT_TYPE],
  );

  const credentials = new TypeOrmCalendarCredentials(m, cipher);
  const gateway = new CalcomCalendarGateway(credentials, {
    config: {
      // The fake listens on loopback, which only the operator's allow-list lets the client reach.
      allowedHosts: [new URL(fake.url).host],
      timeouts: { slotsMs: TIMEOUT_MS, bookingsMs: TIMEOUT_MS },
      breaker: options.breaker ?? {
        volumeThreshold: 1000,
        errorThresholdPercentage: 100,
        // Tests that open it by hand see the jobs wait before it half-opens.
        resetTimeoutMs: 3000,
      },
      ...options.listing,
      quota: options.quota,
    },
    clock,
    redis: options.quotaRedis ?? null,
  });
  const hooks: Hooks = {};
  const calendar: CalendarGateway = Object.create(gateway) as CalendarGateway;
  calendar.createBooking = async (command) => {
    await hooks.beforeCreate?.(command.metadata.phase_id);
    return gateway.createBooking(command);
  };
  const settings: SyncSettings = {
    ...DEFAULT_SYNC_SETTINGS,
    verifyDelayMs: 1,
    waitMs: 50,
    ...options.settings,
  };
  const sleeps: number[] = [];
  const sleeper = async (ms: number) => {
    sleeps.push(ms);
  };
  const ledger = new TypeOrmCalendarBookingLedger(m);
  const recordLive = ledger.recordLive.bind(ledger);
  ledger.recordLive = async (entry) => {
    await recordLive(entry);
    await hooks.afterRecord?.(entry.phaseId);
  };
  const metrics = new SyncMetrics();
  const mappings = new TypeOrmCalendarMappingRepository(m);

  let bull: World['bull'];
  let inProcess: InProcessSyncQueue | undefined;
  let queue: SyncQueue;
  if (options.redis) {
    const prefix = `test-sync-${randomBytes(4).toString('hex')}`;
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const q = new BullMqSyncQueue(redis, { attempts: 3, backoffMs: 20, prefix });
    bull = { redis, queue: q, prefix };
    queue = q;
  } else {
    inProcess = new InProcessSyncQueue({ attempts: 3, backoffMs: 5, concurrency: 4 });
    queue = inProcess;
  }
  const relay = new OutboxRelay(new TypeOrmOutboxClaims(db.dataSource), queue, clock, {
    intervalMs: 0,
    batchSize: 50,
  });
  const dispatcher = syncDispatcherOn({
    dataSource: db.dataSource,
    calendar,
    queue,
    relay,
    clock,
    settings,
    sleep: sleeper,
    ledger,
    mappings,
    metrics,
  });
  if (options.startWorker !== false) {
    if (bull) {
      bull.worker = new BullMqSyncWorker(bull.redis, dispatcher, {
        concurrency: 4,
        prefix: bull.prefix,
      });
    } else {
      inProcess!.consume(dispatcher);
    }
  }

  return {
    db,
    fake,
    salon,
    anna,
    perm,
    cut,
    customerId: customer.id,
    credentialId,
    metrics,
    gateway,
    queue,
    relay,
    dispatcher,
    ledger,
    sleeps,
    hooks,
    bull,
    inProcess,
    async close() {
      await relay.onModuleDestroy();
      if (bull) {
        await bull.worker?.close();
        await bull.queue.queue.obliterate({ force: true }).catch(() => undefined);
        await bull.queue.close();
        if (bull.redis.status !== 'end') await bull.redis.quit();
      }
      await inProcess?.close();
      gateway.close();
      await fake.stop();
      await db.drop();
    },
  };
}

/** Friday 2026-12-04, Berlin wall time. */
export const at = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00+01:00`);

/** Books like a use case does: appointment + outbox row in one transaction. */
export async function book(w: World, service: Service, start: Date): Promise<Appointment> {
  const appointment = Appointment.create({
    service,
    staffId: w.anna,
    customerId: w.customerId,
    start,
    source: 'voice',
    branchId: w.salon.branch.id,
  });
  await new TypeOrmUnitOfWork(w.db.dataSource).run(async (tx) => {
    const added = await tx.appointments.add(
      { companyId: w.salon.companyId },
      appointment,
      new Date(),
    );
    if (!added.ok) throw new Error('slot taken in test set-up');
    await tx.outbox.record({ companyId: w.salon.companyId }, appointment.id, 'create');
  });
  return appointment;
}

export async function change(
  w: World,
  id: string,
  edit: (a: Appointment) => Appointment,
  action: 'cancel' | 'reschedule',
): Promise<void> {
  const scope = { companyId: w.salon.companyId };
  await new TypeOrmUnitOfWork(w.db.dataSource).run(async (tx) => {
    const a = (await tx.appointments.findById(scope, id))!;
    const saved = await tx.appointments.save(scope, edit(a), new Date());
    if (!saved.ok) throw new Error('slot taken in test set-up');
    await tx.outbox.record(scope, id, action);
  });
}

export async function syncRow(
  w: World,
  id: string,
): Promise<{ state: string; error: string | null }> {
  const [row] = await w.db.dataSource.query(
    `SELECT sync_state AS state, last_sync_error AS error FROM appointments WHERE id = $1`,
    [id],
  );
  return row;
}

export async function audit(w: World, id: string): Promise<string[]> {
  const rows: Array<{ action: string }> = await w.db.dataSource.query(
    `SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`,
    [id],
  );
  return rows.map((r) => r.action);
}

/** Waits until the queue has nothing left to do (no timing is asserted; this only bounds a hang). */
export async function settle(w: World): Promise<void> {
  if (w.inProcess) return w.inProcess.whenIdle();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const counts = await w.bull!.queue.queue.getJobCounts(
      'active',
      'waiting',
      'delayed',
      'prioritized',
    );
    if (Object.values(counts).every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`queue did not settle: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function relayAndSettle(w: World): Promise<void> {
  await w.relay.relay();
  await settle(w);
}

export function onePerPhase(w: World): void {
  for (const [key, n] of w.fake.createsPerPhase()) {
    if (n !== 1) throw new Error(`${key} was created ${n} times`);
  }
}
