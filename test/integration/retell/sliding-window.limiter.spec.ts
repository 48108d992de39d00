import { Logger } from '@nestjs/common';
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

/** One hit against several keys: all or nothing, refused with the wait for the fullest. */
async function countsSeveralKeysAllOrNothing(limiter: SlidingWindowLimiter, key: string) {
  const salon = { key: `${key}:salon`, limit: 3 };
  const call = { key: `${key}:call`, limit: 1 };
  expect(await limiter.hitAll([call, salon], MINUTE, T0)).toEqual({ allowed: true });
  // The call is full: refused until its hit leaves the window, and the salon is not counted.
  expect(await limiter.hitAll([call, salon], MINUTE, T0 + 1_000)).toEqual({
    allowed: false,
    retryAfterMs: MINUTE - 1_000,
  });
  expect(await limiter.full(salon.key, 2, MINUTE, T0 + 2_000)).toBe(false);
  const other = (n: number) => ({ key: `${key}:call-${n}`, limit: 1 });
  expect((await limiter.hitAll([other(2), salon], MINUTE, T0 + 10_000)).allowed).toBe(true);
  expect((await limiter.hitAll([other(3), salon], MINUTE, T0 + 20_000)).allowed).toBe(true);
  // The salon is full (T0, +10 s, +20 s): a new call is refused until the salon's oldest hit
  // leaves, and that call is not counted either.
  expect(await limiter.hitAll([other(4), salon], MINUTE, T0 + 30_000)).toEqual({
    allowed: false,
    retryAfterMs: 30_000,
  });
  expect(await limiter.full(other(4).key, 1, MINUTE, T0 + 30_001)).toBe(false);
  // Both full: the wait is the longer one (the call's own hit at +20 s).
  expect(await limiter.hitAll([other(3), salon], MINUTE, T0 + 40_000)).toEqual({
    allowed: false,
    retryAfterMs: 40_000,
  });
  // Once the salon's first hit has left, a new call has room again.
  expect((await limiter.hitAll([other(4), salon], MINUTE, T0 + MINUTE + 1)).allowed).toBe(true);
}

/** The wait runs until the hit `limit` places back from the newest leaves the window. */
async function waitsForTheRightHit(limiter: SlidingWindowLimiter, key: string) {
  const hitAt = (ms: number) => limiter.hitAll([{ key, limit: 2 }], MINUTE, T0 + ms);
  expect((await hitAt(0)).allowed).toBe(true);
  expect((await hitAt(5_000)).allowed).toBe(true);
  // Full with hits at 0 and 5 s: room when the one at 0 leaves.
  expect(await hitAt(7_000)).toEqual({ allowed: false, retryAfterMs: MINUTE - 7_000 });
  expect((await hitAt(MINUTE)).allowed).toBe(true);
  // Hits now at 5 s and 60 s: room when the one at 5 s leaves.
  expect(await hitAt(MINUTE + 1)).toEqual({ allowed: false, retryAfterMs: 5_000 - 1 });
}

describe('sliding-window rate limiter', () => {
  it('in memory', async () => {
    await behavesAsSlidingWindow(new MemorySlidingWindow(), 'call:x');
    await countsSeveralKeysAllOrNothing(new MemorySlidingWindow(), 'multi');
    await waitsForTheRightHit(new MemorySlidingWindow(), 'wait');
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

    it('counts several keys all or nothing in one round trip, with the wait', async () => {
      await countsSeveralKeysAllOrNothing(new RedisSlidingWindow(redis, prefix), 'multi');
      await waitsForTheRightHit(new RedisSlidingWindow(redis, prefix), 'wait');
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

    it('warns once while Redis is away, not once a request, and says when it is back', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
      const flaky = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
      try {
        const limiter = new RedisSlidingWindow(flaky, prefix);
        const away = jest.spyOn(flaky, 'evalsha').mockRejectedValue(new Error('Redis away'));
        jest.spyOn(flaky, 'zcount').mockRejectedValue(new Error('Redis away'));
        for (let i = 0; i < 5; i++) await limiter.hit(`call:away${i}`, 10, MINUTE, T0);
        expect(await limiter.full('call:away0', 10, MINUTE, T0)).toBe(false);
        expect(warn).toHaveBeenCalledTimes(1);
        expect(log).not.toHaveBeenCalled();

        away.mockRestore();
        expect(await limiter.hit('call:back', 10, MINUTE, T0)).toBe(true);
        expect(await limiter.hit('call:back', 10, MINUTE, T0)).toBe(true);
        expect(log).toHaveBeenCalledTimes(1);
        expect(warn).toHaveBeenCalledTimes(1);
      } finally {
        jest.restoreAllMocks();
        flaky.disconnect();
      }
    });
  });
});
