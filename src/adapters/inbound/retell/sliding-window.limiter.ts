import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { RedisScript } from '../../../common/redis-script';

/** One key and the hits it may have in the window. */
export interface KeyLimit {
  readonly key: string;
  readonly limit: number;
}

/** Counts hits per key over the last `windowMs`; a refused hit is not counted. */
export interface SlidingWindowLimiter {
  /** True when the hit is within `limit`, and then it is counted. */
  hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean>;
  /**
   * One hit against several keys, in order: each is counted while within its limit; at the
   * first that is full the answer is false and the keys after it are not counted.
   */
  hitAll(limits: readonly KeyLimit[], windowMs: number, nowMs: number): Promise<boolean>;
  /** True when `key` already has `limit` hits in the window; counts nothing. */
  full(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean>;
}

const SWEEP_EVERY = 1000;

/** One process's memory: enough for a single instance, and the fallback when Redis fails. */
export class MemorySlidingWindow implements SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private sinceSweep = 0;

  hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean> {
    return this.hitAll([{ key, limit }], windowMs, nowMs);
  }

  async hitAll(limits: readonly KeyLimit[], windowMs: number, nowMs: number): Promise<boolean> {
    if (++this.sinceSweep >= SWEEP_EVERY) this.sweep(nowMs, windowMs);
    const from = nowMs - windowMs;
    for (const { key, limit } of limits) {
      const recent = this.hits.get(key) ?? [];
      // Hits are appended in time order, so the ones that left the window are at the front.
      let gone = 0;
      while (gone < recent.length && recent[gone] <= from) gone++;
      if (gone > 0) recent.splice(0, gone);
      this.hits.set(key, recent);
      if (recent.length >= limit) return false;
      recent.push(nowMs);
    }
    return true;
  }

  async full(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean> {
    const from = nowMs - windowMs;
    return (this.hits.get(key) ?? []).filter((t) => t > from).length >= limit;
  }

  private sweep(nowMs: number, windowMs: number): void {
    this.sinceSweep = 0;
    for (const [key, times] of this.hits) {
      if (times.length === 0 || times[times.length - 1] <= nowMs - windowMs) this.hits.delete(key);
    }
  }
}

// ARGV: now, window, member, then one limit per key.
const SCRIPT = `
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  if redis.call('ZCARD', key) >= tonumber(ARGV[3 + i]) then return 0 end
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, window)
end
return 1`;
const HITS = new RedisScript(SCRIPT);

/**
 * Shared by every instance through Redis (a sorted set per key, trimmed and counted in one
 * script). When Redis does not answer, the hit is counted in memory instead of failing the call.
 */
export class RedisSlidingWindow implements SlidingWindowLimiter {
  private readonly logger = new Logger('RedisSlidingWindow');
  private readonly fallback = new MemorySlidingWindow();

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'ratelimit:retell:',
  ) {}

  hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean> {
    return this.hitAll([{ key, limit }], windowMs, nowMs);
  }

  /** Every key in one round trip. */
  async hitAll(limits: readonly KeyLimit[], windowMs: number, nowMs: number): Promise<boolean> {
    const keys = limits.map((l) => this.prefix + l.key);
    const args = [
      String(nowMs),
      String(windowMs),
      `${nowMs}-${randomBytes(6).toString('hex')}`,
      ...limits.map((l) => String(l.limit)),
    ];
    try {
      const allowed = await HITS.run(this.redis, keys, args);
      return Number(allowed) === 1;
    } catch (error) {
      this.logger.warn(
        `rate limit store unavailable, counting in memory: ${(error as Error).message}`,
      );
      return this.fallback.hitAll(limits, windowMs, nowMs);
    }
  }

  async full(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean> {
    try {
      // Counts without trimming: looking changes nothing.
      const count = await this.redis.zcount(this.prefix + key, `(${nowMs - windowMs}`, '+inf');
      return count >= limit;
    } catch (error) {
      this.logger.warn(
        `rate limit store unavailable, counting in memory: ${(error as Error).message}`,
      );
      return this.fallback.full(key, limit, windowMs, nowMs);
    }
  }
}
