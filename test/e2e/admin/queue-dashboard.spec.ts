import Redis from 'ioredis';
import { redisKeys } from '../../../src/adapters/outbound/queue/redis-keys';
import { AdminTestApp, BOOTSTRAP_KEY, startAdminApp } from './admin-app';
import { as, asBootstrap } from './admin-world';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/**
 * Counting and bull-board's reads give up on Redis after 50 ms by default, and a busy test machine
 * passes that now and then (a count lost: 200 instead of 429). What is tested here is the door,
 * not the fail-fast budget, which has tests of its own.
 */
const PATIENT_REDIS = { REDIS_COMMAND_TIMEOUT_MS: '2000' };
const basic = (key: string) => `Basic ${Buffer.from(`admin:${key}`).toString('base64')}`;

/** bull-board over the calendar-sync queue, only with the bootstrap key. */
describe('queue dashboard at /admin/queues', () => {
  let t: AdminTestApp;
  beforeAll(async () => {
    t = await startAdminApp({ REDIS_URL, SYNC_WORKER_IN_PROCESS: 'false', ...PATIENT_REDIS });
  }, 60_000);
  afterAll(() => t?.close());

  it('refuses no key and company keys', async () => {
    await t.http.get('/admin/queues').expect(401);
    const company = await t.http
      .post('/api/admin/companies')
      .set(asBootstrap)
      .send({ name: 'Q', slug: 'q' })
      .expect(201);
    const key = await t.http
      .post(`/api/admin/companies/${company.body.id}/api-keys`)
      .set(asBootstrap)
      .send({ name: 'k' })
      .expect(201);
    await t.http.get('/admin/queues').set(as(key.body.key)).expect(401);
    await t.http.get('/admin/queues').set('authorization', basic(key.body.key)).expect(401);
  });

  it('shows the calendar-sync queue to the bootstrap key', async () => {
    const page = await t.http.get('/admin/queues').set('authorization', basic(BOOTSTRAP_KEY));
    expect(page.status).toBe(200);
    const api = await t.http.get('/admin/queues/api/queues').set(as(BOOTSTRAP_KEY)).expect(200);
    expect(JSON.stringify(api.body)).toContain('calendar-sync');
  });
});

describe('queue dashboard under the admin rate limits', () => {
  let t: AdminTestApp;
  let redis: Redis;
  // The failed-authentication counts live in Redis (default prefix), shared with earlier runs:
  // start clean.
  const forgetFailures = async () => {
    const keys = await redis.keys(`${redisKeys('salon').adminRateLimits}auth-failed:*`);
    if (keys.length > 0) await redis.del(...keys);
  };
  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await forgetFailures();
    t = await startAdminApp({
      REDIS_URL,
      SYNC_WORKER_IN_PROCESS: 'false',
      ADMIN_RATE_LIMIT_FAILED_AUTH_PER_CLIENT: '3',
      ...PATIENT_REDIS,
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await forgetFailures();
    await redis.quit();
  });

  it('refuses an address that guessed wrong too often, even with the right key', async () => {
    for (let i = 0; i < 3; i++) {
      await t.http
        .get('/admin/queues')
        .set('authorization', basic(`wrong-${i}`))
        .expect(401);
    }
    const refused = await t.http.get('/admin/queues').set('authorization', basic(BOOTSTRAP_KEY));
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('ADMIN.RATE_LIMITED');
    expect(refused.headers['retry-after']).toBe('60');
  });
});
