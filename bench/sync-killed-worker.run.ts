import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { TypeOrmUnitOfWork } from '../src/adapters/outbound/persistence/typeorm-unit-of-work';
import type { BranchContext } from '../src/application/ports/salon-catalog.port';
import { Appointment } from '../src/domain/appointment/appointment';
import type { FakeCalcom } from './sync-fake-calcom';

export interface KilledWorkerRunContext {
  readonly ds: DataSource;
  readonly salon: BranchContext;
  readonly customerId: string;
  readonly fake: FakeCalcom;
  readonly redisUrl: string;
  /** The key the bench's Cal.com credential is encrypted with (the workers decrypt it). */
  readonly encryptionKey: string;
}

/** Perms (three busy phases each); BENCH_KILLED_APPOINTMENTS, 0 skips the run. */
const APPOINTMENTS = Number(process.env.BENCH_KILLED_APPOINTMENTS ?? 60);
/** Each Cal.com answer takes this long, so a worker holds jobs when it is killed. */
const CALCOM_LATENCY_MS = 1500;
const GOAL_S = 45;
const READY_LINE = 'calendar sync worker running';
const DAY_MS = 24 * 3600_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Two `npm run start:worker` processes with the default lock, lease, stalled-check and sweep
 * settings sync a batch; worker A is killed (SIGKILL: no shutdown, no release) while it holds
 * jobs. Reports how long after the kill the appointments A held were synced by worker B.
 */
export async function runKilledWorker(ctx: KilledWorkerRunContext): Promise<void> {
  if (APPOINTMENTS <= 0) return;
  const { ds, fake } = ctx;
  const m = ds.manager;
  await m.query(
    `DELETE FROM busy_blocks; DELETE FROM sync_outbox; DELETE FROM calendar_bookings;
     DELETE FROM calendar_sync_leases; DELETE FROM appointments`,
  );
  fake.reset();
  const latency = fake.latencyMs;
  fake.latencyMs = CALCOM_LATENCY_MS;
  const ids = await bookBatch(ctx);
  const env = workerEnv(ctx, `bench-killed-${randomBytes(4).toString('hex')}`);
  const a = await startWorker(env);
  let b: ChildProcess | undefined;
  try {
    // A alone first, so that the leases it holds show its holder prefix.
    const prefixOfA = await firstLeaseHolder(ds);
    b = await startWorker(env);
    const held = await leasedBy(ds, prefixOfA);
    const killedAt = performance.now();
    a.kill('SIGKILL');
    const syncedAt = await waitUntilSynced(ds, ids, killedAt);
    const recovery = held.map((id) => syncedAt.get(id) ?? Infinity).sort((x, y) => x - y);
    const all = Math.max(...syncedAt.values());
    const duplicates = [...fake.livePerPhase().values()].filter((n) => n > 1).length;
    const worst = recovery[recovery.length - 1] ?? 0;
    console.warn(
      `killed worker: ${APPOINTMENTS} perms, Cal.com ${CALCOM_LATENCY_MS} ms, defaults; ` +
        `A killed holding ${held.length}; those synced by B after ` +
        `median ${median(recovery).toFixed(1)} s, last ${worst.toFixed(1)} s (goal <= ${GOAL_S} s: ` +
        `${worst <= GOAL_S ? 'met' : 'MISSED'}); all ${ids.length} synced ${all.toFixed(1)} s ` +
        `after the kill; phases with more than one booking: ${duplicates}`,
    );
  } finally {
    a.kill('SIGKILL');
    b?.kill('SIGTERM');
    fake.latencyMs = latency;
  }
}

/** Committed perms with their outbox rows, a week ahead of now, one every three hours. */
async function bookBatch(ctx: KilledWorkerRunContext): Promise<string[]> {
  const { salon } = ctx;
  const anna = salon.staff.find((s) => s.name === 'Anna')!.id;
  const perm = salon.services.find((s) => s.name === 'Dauerwelle')!;
  const base = Math.ceil(Date.now() / DAY_MS) * DAY_MS + 7 * DAY_MS + 8 * 3600_000;
  const ids: string[] = [];
  for (let i = 0; i < APPOINTMENTS; i++) {
    const appointment = Appointment.create({
      service: perm,
      staffId: anna,
      customerId: ctx.customerId,
      start: new Date(base + i * 3 * 3600_000),
      source: 'voice',
      branchId: salon.branch.id,
    });
    await new TypeOrmUnitOfWork(ctx.ds).run(async (tx) => {
      await tx.appointments.add({ companyId: salon.companyId }, appointment, new Date());
      await tx.outbox.record({ companyId: salon.companyId }, appointment.id, 'create');
    });
    ids.push(appointment.id);
  }
  return ids;
}

function workerEnv(ctx: KilledWorkerRunContext, prefix: string): NodeJS.ProcessEnv {
  const url = new URL(ctx.fake.url);
  return {
    PATH: process.env.PATH,
    DATABASE_URL: databaseUrl(ctx.ds),
    DATABASE_POOL_SIZE: '5',
    MIGRATE_ON_START: 'false',
    SEED_DEMO_SALON: 'false',
    REDIS_URL: ctx.redisUrl,
    REDIS_KEY_PREFIX: prefix,
    CALCOM_API_KEY: 'cal_test_bench',
    CALCOM_BASE_URL: ctx.fake.url,
    CALCOM_ALLOWED_HOSTS: url.host,
    // The fake has no request limit; the quota would pace this batch over two minutes.
    CALCOM_RATE_LIMIT_PER_MINUTE: '100000',
    ENCRYPTION_KEY: ctx.encryptionKey,
    LOG_LEVEL: 'error',
  };
}

function databaseUrl(ds: DataSource): string {
  const url = (ds.options as { url?: string }).url;
  if (!url) throw new Error('the bench data source has no url');
  return url;
}

async function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, '../src/worker.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready:\n${output}`)), 60_000);
    const listen = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-10_000);
      if (output.includes(READY_LINE)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', listen);
    child.once('exit', (code) => reject(new Error(`worker exited (${code}):\n${output}`)));
  });
  return child;
}

/** The process part of the first lease holder seen (`<process uuid>:<delivery>`). */
async function firstLeaseHolder(ds: DataSource): Promise<string> {
  for (;;) {
    const rows: Array<{ holder: string }> = await ds.query(
      `SELECT holder FROM calendar_sync_leases LIMIT 1`,
    );
    if (rows.length > 0) return rows[0].holder.split(':')[0];
    await sleep(20);
  }
}

async function leasedBy(ds: DataSource, processPrefix: string): Promise<string[]> {
  const rows: Array<{ appointment_id: string }> = await ds.query(
    `SELECT appointment_id FROM calendar_sync_leases WHERE holder LIKE $1`,
    [`${processPrefix}:%`],
  );
  return rows.map((r) => r.appointment_id);
}

/** Seconds after `since` at which each appointment was first seen synced (polled every 100 ms). */
async function waitUntilSynced(
  ds: DataSource,
  ids: readonly string[],
  since: number,
): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  const deadline = since + 5 * 60_000;
  while (seen.size < ids.length && performance.now() < deadline) {
    const rows: Array<{ id: string }> = await ds.query(
      `SELECT id FROM appointments WHERE id = ANY($1) AND sync_state = 'synced'`,
      [ids],
    );
    const now = (performance.now() - since) / 1000;
    for (const { id } of rows) if (!seen.has(id)) seen.set(id, now);
    await sleep(100);
  }
  return seen;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
