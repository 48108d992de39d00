import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import {
  MemorySlidingWindow,
  RedisSlidingWindow,
  SlidingWindowLimiter,
} from '../../../src/adapters/inbound/retell/sliding-window.limiter';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const T0 = 1_800_000_000_000;
const MINUTE = 60_000;

async function behavesAsSlidingWindow(limiter: SlidingWindowLimiter, key: string) {
  const hit = (ms: number) => limiter.hit(key, 3, MINUTE, T0 + ms);
  expect(await hit(0)).toBe(true);
  expect(await hit(10_000)).toBe(true);
  expect(await limiter.full(key, 3, MINUTE, T0 + 20_000)).toBe(false);
  expect(await hit(20_000)).toBe(true);
  expect(await limiter.full(key, 3, MINUTE, T0 + 25_000)).toBe(true); // looking counts nothing
  expect(await hit(30_000)).toBe(false); // a fourth within the minute
  expect(await hit(59_999)).toBe(false); // refused hits are not counted, the first is still in
  expect(await hit(60_001)).toBe(true); // the first left the window
  expect(await hit(60_002)).toBe(false);
  expect(await limiter.full(key, 3, MINUTE, T0 + 80_001)).toBe(false); // two left the window
  expect(await limiter.hit(`${key}:other`, 3, MINUTE, T0 + 30_000)).toBe(true);
}

/** One hit against several keys: counted in order, stopping at the first full key. */
async function countsSeveralKeysInOrder(limiter: SlidingWindowLimiter, key: string) {
  const client = { key: `${key}:client`, limit: 3 };
  const call = { key: `${key}:call`, limit: 1 };
  expect(await limiter.hitAll([client, call], MINUTE, T0)).toBe(true);
  // The call is full: refused, but the client's hit before it was counted.
  expect(await limiter.hitAll([client, call], MINUTE, T0 + 1)).toBe(false);
  expect(await limiter.full(client.key, 2, MINUTE, T0 + 2)).toBe(true);
  expect(await limiter.hitAll([client, call], MINUTE, T0 + 3)).toBe(false); // client now 3
  // The client is full: refused before the call, which is not counted either.
  const other = { key: `${key}:other-call`, limit: 1 };
  expect(await limiter.hitAll([client, other], MINUTE, T0 + 4)).toBe(false);
  expect(await limiter.full(other.key, 1, MINUTE, T0 + 5)).toBe(false);
  // A minute later both have room again.
  expect(await limiter.hitAll([client, call], MINUTE, T0 + MINUTE + 10)).toBe(true);
}

describe('sliding-window rate limiter', () => {
  it('in memory', async () => {
    await behavesAsSlidingWindow(new MemorySlidingWindow(), 'call:x');
    await countsSeveralKeysInOrder(new MemorySlidingWindow(), 'multi');
  });

  describe('on real Redis', () => {
    let redis: Redis;
    const prefix = `test:ratelimit:${randomBytes(4).toString('hex')}:`;

    beforeAll(() => {
      redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    });
    afterAll(async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    });

    it('counts the same way, shared by every instance using the store', async () => {
      await behavesAsSlidingWindow(new RedisSlidingWindow(redis, prefix), 'call:y');
      const otherInstance = new RedisSlidingWindow(redis, prefix);
      expect(await otherInstance.hit('call:y', 3, MINUTE, T0 + 60_003)).toBe(false);
    });

    it('counts several keys in order in one round trip', async () => {
      await countsSeveralKeysInOrder(new RedisSlidingWindow(redis, prefix), 'multi');
    });

    it('loads its script again when Redis has forgotten it', async () => {
      await redis.script('FLUSH');
      expect(await new RedisSlidingWindow(redis, prefix).hit('call:v', 1, MINUTE, T0)).toBe(true);
    });

    it('keys expire with their window', async () => {
      await new RedisSlidingWindow(redis, prefix).hit('call:z', 3, MINUTE, Date.now());
      const ttl = await redis.pttl(`${prefix}call:z`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(MINUTE);
    });

    it('falls back to memory when Redis does not answer', async () => {
      const broken = new Redis('redis://127.0.0.1:1', {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        retryStrategy: () => null,
      });
      const limiter = new RedisSlidingWindow(broken, prefix);
      expect(await limiter.hit('call:w', 1, MINUTE, T0)).toBe(true);
      expect(await limiter.hit('call:w', 1, MINUTE, T0 + 1)).toBe(false);
      broken.disconnect();
    });
  });
});
