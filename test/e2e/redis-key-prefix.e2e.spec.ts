import { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { sign } from 'retell-sdk';
import request from 'supertest';
import { FakeCalcom } from '../../bench/sync-fake-calcom';
import { CredentialCipher } from '../../src/adapters/outbound/persistence/credential-cipher';
import { redisKeys } from '../../src/adapters/outbound/queue/redis-keys';
import { bootstrap, loadConfig } from '../../src/bootstrap';
import { importDemoSalon } from '../support/demo-salon';
import { eventually } from '../support/eventually';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const KEY = 'key_e2e_redis_prefix_0123456789';
const ADMIN_KEY = 'admin-bootstrap-key-redis-prefix-0123456789';
const ENCRYPTION_KEY = randomBytes(32).toString('hex');
const NOW = '2026-11-26T14:00:00Z'; // Thursday, 15:00 in Berlin
const SALON = '+4930901820';
const CUT_EVENT_TYPE = 7100;
const PREFIXES = ['staging', 'production'] as const;

interface Answer {
  code: string;
  appointment_id?: string;
}

/**
 * Two environments on one Redis (a redis-server of this file's own) and one copy of the same
 * salon data, so every id is the same in both: only REDIS_KEY_PREFIX keeps them apart. Three
 * booted instances: staging, production, and a second production instance. All of them answer
 * calls (rate limits, slot cache, phone traffic), book (queue) and serve the admin API.
 */
describe('REDIS_KEY_PREFIX: environments sharing one Redis share no keys', () => {
  let redisServer: RedisServer;
  let redis: Redis;
  let fake: FakeCalcom;
  let db: TestDatabase;
  let companyId: string;
  const apps: INestApplication[] = [];
  let staging: INestApplication;
  let production: INestApplication;
  let production2: INestApplication;

  const boot = async (prefix: string) => {
    const app = await bootstrap(
      loadConfig({
        DATABASE_URL: db.url,
        DATABASE_POOL_SIZE: '5',
        MIGRATE_ON_START: 'false',
        SEED_DEMO_SALON: 'false',
        LOG_LEVEL: 'silent',
        REDIS_URL: redisServer.url,
        REDIS_KEY_PREFIX: prefix,
        RETELL_API_KEY: KEY,
        ADMIN_BOOTSTRAP_KEY: ADMIN_KEY,
        FIXED_NOW: NOW,
        CALCOM_API_KEY: 'cal_test_redis_prefix',
        CALCOM_BASE_URL: fake.url,
        CALCOM_ALLOWED_HOSTS: new URL(fake.url).host,
        ENCRYPTION_KEY,
      }),
    );
    await app.init();
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    redisServer = await startRedisServer();
    redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
    fake = new FakeCalcom();
    fake.singleLength.set(CUT_EVENT_TYPE, 30);
    await fake.start();
    db = await createTestDatabase();
    companyId = (await importDemoSalon(db.dataSource)).companyId;
    const cipher = new CredentialCipher(ENCRYPTION_KEY);
    const [{ id: credentialId }] = await db.dataSource.query(
      `INSERT INTO calcom_credentials(company_id, label, base_url, api_key_encrypted)
       VALUES ($1, 'main', $2, $3) RETURNING id`,
      [companyId, fake.url, cipher.encrypt('cal_test_redis_prefix')],
    );
    await db.dataSource.query(
      `INSERT INTO calcom_mappings(company_id, credential_id, service_id, staff_id, event_type_id)
       SELECT $1, $2, sv.id, st.id, $3 FROM services sv, staff st
        WHERE sv.company_id = $1 AND sv.name = 'Herrenhaarschnitt'
          AND st.company_id = $1 AND st.name = 'Anna'`,
      [companyId, credentialId, CUT_EVENT_TYPE],
    );
    staging = await boot('staging');
    production = await boot('production');
    production2 = await boot('production');
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled(apps.map((app) => app.close()));
    redis?.disconnect();
    await fake?.stop();
    await db?.drop();
    await redisServer?.stop();
  }, 60_000);

  const call = async (
    app: INestApplication,
    name: string,
    args: Record<string, unknown>,
  ): Promise<Answer> => {
    const text = JSON.stringify({
      name,
      args,
      call: {
        call_id: `call_${randomBytes(16).toString('hex')}`,
        from_number: '+4915112345678',
        to_number: SALON,
        agent_id: 'agent_haarmonie_demo',
        call_status: 'ongoing',
      },
    });
    const res = await request(app.getHttpServer())
      .post('/api/retell/function-call')
      .set('content-type', 'application/json')
      .set('x-retell-signature', await sign(text, KEY))
      .send(text);
    expect(res.status).toBe(200);
    return res.body as Answer;
  };

  /** A wish for Anna on Tuesday 1 December: one slot answer from Cal.com serves every time. */
  const checkTuesday = (app: INestApplication, time: string) =>
    call(app, 'check_availability', {
      dienstleistung: 'Herrenhaarschnitt',
      datum: '01.12.2026',
      uhrzeit: time,
      mitarbeiter: 'Anna',
    });

  const adminGet = (app: INestApplication) =>
    request(app.getHttpServer())
      .get(`/api/admin/companies/${companyId}/appointments`)
      .set('x-api-key', ADMIN_KEY)
      .expect(200);

  const slotRequests = () => fake.requests.filter((r) => r === 'GET /v2/slots').length;

  const allKeys = async (): Promise<string[]> => {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return keys;
  };

  /** The hits counted in every rate-limit window under `root` (sorted sets of hits). */
  const hitsUnder = async (root: string) => {
    let hits = 0;
    for (const key of (await allKeys()).filter((k) => k.startsWith(root))) {
      hits += await redis.zcard(key);
    }
    return hits;
  };

  const counters = async () =>
    Object.fromEntries(
      await Promise.all(
        PREFIXES.map(async (p) => [
          p,
          {
            retell: await hitsUnder(redisKeys(p).retellRateLimits),
            admin: await hitsUnder(redisKeys(p).adminRateLimits),
          },
        ]),
      ),
    ) as Record<(typeof PREFIXES)[number], { retell: number; admin: number }>;

  it('another prefix asks Cal.com again and counts apart; the same prefix shares cached slots and counters', async () => {
    expect((await checkTuesday(staging, '10:00')).code).not.toMatch(/^INTERNAL/);
    const afterStaging = slotRequests();
    expect(afterStaging).toBeGreaterThan(0);
    await adminGet(staging);

    // Production does not see staging's cached answer, though every id in it is the same.
    expect((await checkTuesday(production, '11:00')).code).not.toMatch(/^INTERNAL/);
    expect(slotRequests()).toBeGreaterThan(afterStaging);
    await adminGet(production);
    const afterProduction = slotRequests();
    const before = await counters();
    expect(before.staging.retell).toBeGreaterThan(0);
    expect(before.production.retell).toBeGreaterThan(0);

    // The second production instance is answered from production's cache, and counts with it.
    expect((await checkTuesday(production2, '12:00')).code).not.toMatch(/^INTERNAL/);
    await adminGet(production2);
    expect(slotRequests()).toBe(afterProduction);
    const after = await counters();
    expect(after.staging).toEqual(before.staging);
    expect(after.production.retell).toBeGreaterThan(before.production.retell);
    expect(after.production.admin).toBe(before.production.admin + 1);
  });

  it('every key lives under its environment’s prefix, each kind under both', async () => {
    const friday = (time: string) => ({
      dienstleistung: 'Herrenhaarschnitt',
      datum: '27.11.2026',
      uhrzeit: time,
      mitarbeiter: 'Anna',
      name: 'Kunde Eins',
    });
    const booked = [
      await call(staging, 'book_appointment', friday('09:00')),
      await call(production, 'book_appointment', friday('09:30')),
    ];
    expect(booked.map((b) => b.code)).toEqual(['OK', 'OK']);
    const ids = booked.map((b) => b.appointment_id!);
    await eventually(async () => {
      const rows: Array<{ sync_state: string }> = await db.dataSource.query(
        `SELECT sync_state FROM appointments WHERE id = ANY($1::uuid[])`,
        [ids],
      );
      return rows.length === 2 && rows.every((r) => r.sync_state === 'synced');
    }, 'both bookings to sync, each through its own environment’s queue');

    // A call just answered: each environment's instances say so under its own prefix.
    await call(staging, 'get_current_context', {});
    await call(production, 'get_current_context', {});
    await eventually(
      async () =>
        (await redis.exists(...PREFIXES.map((p) => redisKeys(p).phoneTraffic))) === PREFIXES.length,
      'both environments to tell of their calls',
    );

    const keys = await allKeys();
    const strays = keys.filter((k) => !PREFIXES.some((p) => k.startsWith(`${p}:`)));
    expect(strays).toEqual([]);
    for (const p of PREFIXES) {
      const rk = redisKeys(p);
      const under = (root: string) => keys.some((k) => k.startsWith(root));
      expect({
        prefix: p,
        retellRateLimits: under(rk.retellRateLimits),
        adminRateLimits: under(rk.adminRateLimits),
        slotCache: under(`${rk.slotCache}:`),
        queue: under(`${rk.queue}:calendar-sync:`),
        phoneTraffic: keys.includes(rk.phoneTraffic),
      }).toEqual({
        prefix: p,
        retellRateLimits: true,
        adminRateLimits: true,
        slotCache: true,
        queue: true,
        phoneTraffic: true,
      });
    }
    // Without the prefixes they would be the same keys: the same ids name the same things.
    const rest = (p: string) =>
      new Set(keys.filter((k) => k.startsWith(`${p}:`)).map((k) => k.slice(p.length + 1)));
    const [stagingRest, productionRest] = PREFIXES.map(rest);
    const same = [...stagingRest].filter((k) => productionRest.has(k));
    const inside = redisKeys('-');
    const withoutPrefix = (key: string) => key.slice('-:'.length);
    expect(same).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${withoutPrefix(inside.slotCache)}:`)),
        expect.stringMatching(new RegExp(`^${withoutPrefix(inside.adminRateLimits)}`)),
        withoutPrefix(inside.phoneTraffic),
      ]),
    );
  }, 120_000);
});
