import { randomBytes } from 'node:crypto';
import { Session } from 'node:inspector';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from 'pg';
import Redis from 'ioredis';
import { sign } from 'retell-sdk';
import { FakeCalcom } from './sync-fake-calcom';

/**
 * Which src files one phone function call and one sync job run, measured: V8 precise coverage
 * (call counts per function) in this process, around one signed `check_availability` over HTTP
 * and around one calendar-sync job, against the whole service as bootstrap() builds it on a
 * fresh Postgres database, the machine's Redis (own key prefix) and a fake Cal.com. A file
 * counts when one of its functions was called in the window; a window stays open SETTLE_MS
 * after the answer or the job's end, for work left behind (the call trace written behind).
 * Background timers (outbox relay, phone-traffic relay, sweepers) may run in a window too, so an
 * idle window of the same length is measured after each and its files are marked.
 */
export interface RuntimePaths {
  readonly setting: string;
  readonly check: readonly string[];
  readonly idleDuringCheck: ReadonlySet<string>;
  readonly sync: readonly string[];
  readonly idleDuringSync: ReadonlySet<string>;
}

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const KEY = `key_shape_${randomBytes(8).toString('hex')}`;
const NOW = '2026-11-26T14:00:00Z'; // Thursday, 15:00 in Berlin
const SALON = '+4930901820';
const CUT_EVENT_TYPE = 7100;
/** Kept open after an answer or a finished job, for work it left behind (the call's trace). */
const SETTLE_MS = 250;

interface ScriptCoverage {
  url: string;
  functions: Array<{ functionName: string; ranges: Array<{ count: number }> }>;
}

class Coverage {
  private readonly session = new Session();

  async start(): Promise<void> {
    this.session.connect();
    await this.post('Profiler.enable');
    await this.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  }

  /** Clears the counters (taking coverage resets them). */
  async reset(): Promise<void> {
    await this.post('Profiler.takePreciseCoverage');
  }

  /** src files, relative to root, with a function called since the last reset. */
  async filesRun(root: string): Promise<string[]> {
    const { result } = (await this.post('Profiler.takePreciseCoverage')) as {
      result: ScriptCoverage[];
    };
    const files = new Set<string>();
    for (const script of result) {
      const path = script.url.startsWith('file:') ? fileURLToPath(script.url) : script.url;
      const file = relative(root, path);
      if (!file.startsWith('src/') || !file.endsWith('.ts')) continue;
      if (script.functions.some((f) => f.ranges[0]?.count > 0)) files.add(file);
    }
    return [...files].sort();
  }

  async stop(): Promise<void> {
    await this.post('Profiler.stopPreciseCoverage');
    this.session.disconnect();
  }

  private post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) =>
      this.session.post(method, params ?? {}, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function measureRuntimePaths(root: string): Promise<RuntimePaths> {
  const coverage = new Coverage();
  await coverage.start();
  // The service's code is loaded only now, with coverage on, so every function has counters.
  const { bootstrap, loadConfig } = await import('../src/bootstrap');
  const { CredentialCipher } =
    await import('../src/adapters/outbound/persistence/credential-cipher');
  const { createDataSource } =
    await import('../src/adapters/outbound/persistence/data-source.factory');
  const { redisKeys } = await import('../src/adapters/outbound/queue/redis-keys');
  const { CALENDAR_SYNC_QUEUE } = await import('../src/adapters/outbound/queue/bullmq-sync.queue');
  const { Queue } = await import('bullmq');

  const name = `shape_${randomBytes(4).toString('hex')}`;
  const prefix = `shape_${randomBytes(6).toString('hex')}`;
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${name}`;
  const encryptionKey = randomBytes(32).toString('hex');
  await admin(`CREATE DATABASE ${name}`);
  const migrations = createDataSource({ url: dbUrl.toString() });
  await migrations.initialize();
  await migrations.runMigrations({ transaction: 'each' });
  await migrations.destroy();
  const db = new Client({ connectionString: dbUrl.toString() });
  await db.connect();
  const fake = new FakeCalcom();
  fake.singleLength.set(CUT_EVENT_TYPE, 30);
  await fake.start();
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue(CALENDAR_SYNC_QUEUE, {
    connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }),
    prefix: redisKeys(prefix).queue,
  });

  const app = await bootstrap(
    loadConfig({
      DATABASE_URL: dbUrl.toString(),
      SEED_DEMO_SALON: 'true',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'silent',
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      RETELL_API_KEY: KEY,
      FIXED_NOW: NOW,
      CALCOM_API_KEY: 'cal_test_shape_measure',
      CALCOM_BASE_URL: fake.url,
      CALCOM_ALLOWED_HOSTS: new URL(fake.url).host,
      ENCRYPTION_KEY: encryptionKey,
    }),
  );
  try {
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    const rows = async <T>(sql: string, params: unknown[] = []) =>
      (await db.query(sql, params)).rows as T[];
    const [{ id: companyId }] = await rows<{ id: string }>(`SELECT id FROM companies`);
    const [{ id: credentialId }] = await rows<{ id: string }>(
      `INSERT INTO calcom_credentials(company_id, label, base_url, api_key_encrypted)
       VALUES ($1, 'main', $2, $3) RETURNING id`,
      [companyId, fake.url, new CredentialCipher(encryptionKey).encrypt('cal_test_shape_measure')],
    );
    await rows(
      `INSERT INTO calcom_mappings(company_id, credential_id, service_id, staff_id, event_type_id)
       SELECT $1, $2, sv.id, st.id, $3 FROM services sv, staff st
        WHERE sv.company_id = $1 AND sv.name = 'Herrenhaarschnitt'
          AND st.company_id = $1 AND st.name = 'Anna'`,
      [companyId, credentialId, CUT_EVENT_TYPE],
    );

    const call = async (fn: string, args: Record<string, string>, callId: string) => {
      const body = JSON.stringify({
        name: fn,
        args,
        call: {
          call_id: callId,
          from_number: '+4915112345678',
          to_number: SALON,
          agent_id: 'agent_haarmonie_demo',
          call_status: 'ongoing',
        },
      });
      const res = await fetch(`${url}/api/retell/function-call`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-retell-signature': await sign(body, KEY),
        },
        body,
      });
      const answer = (await res.json()) as Record<string, unknown>;
      if (res.status !== 200) throw new Error(`${fn}: ${res.status} ${JSON.stringify(answer)}`);
      return answer;
    };
    const wish = (uhrzeit: string) => ({
      dienstleistung: 'Herrenhaarschnitt',
      datum: '27.11.2026',
      uhrzeit,
      mitarbeiter: 'Anna',
    });
    const until = async (what: string, done: () => Promise<boolean>) => {
      const giveUp = Date.now() + 60_000;
      while (!(await done())) {
        if (Date.now() > giveUp) throw new Error(`timed out waiting for ${what}`);
        await sleep(10);
      }
    };
    const synced = (id: string) => async () =>
      (await rows<{ s: string }>(`SELECT sync_state AS s FROM appointments WHERE id = $1`, [id]))[0]
        ?.s === 'synced';
    const checkAndBook = async (time: string) => {
      const callId = `call_${randomBytes(16).toString('hex')}`;
      const check = await call('check_availability', wish(time), callId);
      if (check.available !== true) throw new Error(`not free: ${JSON.stringify(check)}`);
      const booked = await call('book_appointment', { ...wish(time), name: 'Kunde Eins' }, callId);
      if (booked.code !== 'OK') throw new Error(`not booked: ${JSON.stringify(booked)}`);
      return booked.appointment_id as string;
    };
    const idleFor = async (ms: number) => {
      await sleep(SETTLE_MS);
      await coverage.reset();
      await sleep(ms);
      return new Set(await coverage.filesRun(root));
    };

    // Warm-up: one whole call and its sync, so lazy first-time work stays out of the windows.
    const warm = await checkAndBook('14:00');
    await until('the warm-up sync', synced(warm));
    await sleep(500);

    const callId = `call_${randomBytes(16).toString('hex')}`;
    await coverage.reset();
    let began = performance.now();
    const check = await call('check_availability', wish('09:00'), callId);
    const checkMs = performance.now() - began;
    await sleep(SETTLE_MS);
    const checkFiles = await coverage.filesRun(root);
    const checkWindow = performance.now() - began;
    if (check.available !== true) throw new Error(`not free: ${JSON.stringify(check)}`);
    const idleDuringCheck = await idleFor(checkWindow);

    // The job waits in the paused queue until the window opens.
    await queue.pause();
    const booked = await call('book_appointment', { ...wish('09:00'), name: 'Kunde Zwei' }, callId);
    if (booked.code !== 'OK') throw new Error(`not booked: ${JSON.stringify(booked)}`);
    const id = booked.appointment_id as string;
    await until('the job in the queue', async () => (await queue.getWaitingCount()) > 0);
    const creates = fake.createBodies.length;
    await sleep(200);
    await coverage.reset();
    began = performance.now();
    await queue.resume();
    await until('the sync', synced(id));
    await until('the job to end', async () => {
      const counts = await queue.getJobCounts('active', 'waiting', 'delayed');
      return counts.active + counts.waiting + counts.delayed === 0;
    });
    const syncMs = performance.now() - began;
    await sleep(SETTLE_MS);
    const sync = await coverage.filesRun(root);
    const syncWindow = performance.now() - began;
    if (fake.createBodies.length !== creates + 1) throw new Error('the job booked no Cal.com slot');
    const idleDuringSync = await idleFor(syncWindow);

    return {
      setting:
        `service booted by bootstrap() on Postgres and Redis, Cal.com faked (${CUT_EVENT_TYPE} mapped), ` +
        `after a warm-up call and sync; check answered in ${checkMs.toFixed(0)} ms, ` +
        `sync job done in ${syncMs.toFixed(0)} ms; each window kept open ${SETTLE_MS} ms more`,
      check: checkFiles,
      idleDuringCheck,
      sync,
      idleDuringSync,
    };
  } finally {
    await app.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db.end();
    await fake.stop();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await coverage.stop();
  }
}
