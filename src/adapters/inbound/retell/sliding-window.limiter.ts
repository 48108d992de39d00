import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';

/** Counts hits per key over the last `windowMs`; a refused hit is not counted. */
export interface SlidingWindowLimiter {
  /** True when the hit is within `limit`, and then it is counted. */
  hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean>;
  /** True when `key` already has `limit` hits in the window; counts nothing. */
  full(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean>;
}

const SWEEP_EVERY = 1000;

/** One process's memory: enough for a single instance, and the fallback when Redis fails. */
export class MemorySlidingWindow implements SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private sinceSweep = 0;

  async hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean> {
    if (++this.sinceSweep >= SWEEP_EVERY) this.sweep(nowMs, windowMs);
    const from = nowMs - windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > from);
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(nowMs);
    this.hits.set(key, recent);
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

const SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

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

  async hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean> {
    try {
      const member = `${nowMs}-${randomBytes(6).toString('hex')}`;
      const allowed = await this.redis.eval(
        SCRIPT,
        1,
        this.prefix + key,
        String(nowMs),
        String(windowMs),
        String(limit),
        member,
      );
      return Number(allowed) === 1;
    } catch (error) {
      this.logger.warn(
        `rate limit store unavailable, counting in memory: ${(error as Error).message}`,
      );
      return this.fallback.hit(key, limit, windowMs, nowMs);
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
