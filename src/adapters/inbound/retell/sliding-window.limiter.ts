import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { RedisScript } from '../../../common/redis-script';

/** One key and the hits it may have in the window. */
export interface KeyLimit {
  readonly key: string;
  readonly limit: number;
}

/** A hit's answer: let through (and counted), or refused until a slot frees. */
export type LimitVerdict =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

export const ALLOWED: LimitVerdict = { allowed: true };

/** Counts hits per key over the last `windowMs`; a refused hit is not counted. */
export interface SlidingWindowLimiter {
  /** True when the hit is within `limit`, and then it is counted. */
  hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean>;
  /**
   * One hit against several keys, all or nothing: counted against every key when each is
   * within its limit; else counted nowhere, and the answer says how long until every full
   * key has a free slot again.
   */
  hitAll(limits: readonly KeyLimit[], windowMs: number, nowMs: number): Promise<LimitVerdict>;
  /** True when `key` already has `limit` hits in the window; counts nothing. */
  full(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean>;
}

const SWEEP_EVERY = 1000;

/** One process's memory: enough for a single instance, and the fallback when Redis fails. */
export class MemorySlidingWindow implements SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private sinceSweep = 0;

  async hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean> {
    return (await this.hitAll([{ key, limit }], windowMs, nowMs)).allowed;
  }

  async hitAll(
    limits: readonly KeyLimit[],
    windowMs: number,
    nowMs: number,
  ): Promise<LimitVerdict> {
    if (++this.sinceSweep >= SWEEP_EVERY) this.sweep(nowMs, windowMs);
    const wait = Math.max(0, ...limits.map((l) => this.untilFree(l.key, l.limit, windowMs, nowMs)));
    if (wait > 0) return { allowed: false, retryAfterMs: wait };
    for (const { key } of limits) {
      const recent = this.recent(key, windowMs, nowMs);
      recent.push(nowMs);
      this.hits.set(key, recent);
    }
    return ALLOWED;
  }

  async full(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean> {
    return this.untilFree(key, limit, windowMs, nowMs) > 0;
  }

  /** Milliseconds until `key` has room for one more hit; 0 when it has room now. */
  untilFree(key: string, limit: number, windowMs: number, nowMs: number): number {
    const recent = this.recent(key, windowMs, nowMs);
    if (recent.length < limit) return 0;
    // Room comes when the hit `limit` places from the newest leaves the window.
    return recent[recent.length - limit] + windowMs - nowMs;
  }

  /** The key's hits still in the window, oldest first (the ones that left it are dropped). */
  private recent(key: string, windowMs: number, nowMs: number): number[] {
    const recent = this.hits.get(key);
    if (!recent) return [];
    // Hits are appended in time order, so the ones that left the window are at the front.
    let gone = 0;
    while (gone < recent.length && recent[gone] <= nowMs - windowMs) gone++;
    if (gone > 0) recent.splice(0, gone);
    return recent;
  }

  private sweep(nowMs: number, windowMs: number): void {
    this.sinceSweep = 0;
    for (const [key, times] of this.hits) {
      if (times.length === 0 || times[times.length - 1] <= nowMs - windowMs) this.hits.delete(key);
    }
  }
}

// ARGV: now, window, member, then one limit per key. Answers 0 when the hit was counted
// against every key, else the milliseconds until every full key has room (nothing counted).
const SCRIPT = `
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local wait = 0
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count, limit = redis.call('ZCARD', key), tonumber(ARGV[3 + i])
  if count >= limit then
    local oldest = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + window - now)
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, window)
end
return 0`;
const HITS = new RedisScript(SCRIPT);

/**
 * Shared by every instance through Redis (a sorted set per key, trimmed and counted in one
 * script). When Redis does not answer, the hit is counted in memory instead of failing the call.
 */
export class RedisSlidingWindow implements SlidingWindowLimiter {
  private readonly logger = new Logger('RedisSlidingWindow');
  private readonly fallback = new MemorySlidingWindow();
  /** While Redis fails: one warning an outage, not one a request. */
  private storeAway = false;

  /** `prefix` is the root of this limiter's keys under REDIS_KEY_PREFIX (see redisKeys). */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean> {
    return (await this.hitAll([{ key, limit }], windowMs, nowMs)).allowed;
  }

  /** Every key in one round trip. */
  async hitAll(
    limits: readonly KeyLimit[],
    windowMs: number,
    nowMs: number,
  ): Promise<LimitVerdict> {
    const keys = limits.map((l) => this.prefix + l.key);
    const args = [
      String(nowMs),
      String(windowMs),
      `${nowMs}-${randomBytes(6).toString('hex')}`,
      ...limits.map((l) => String(l.limit)),
    ];
    try {
      const wait = Number(await HITS.run(this.redis, keys, args));
      this.storeAnswered();
      return wait > 0 ? { allowed: false, retryAfterMs: wait } : ALLOWED;
    } catch (error) {
      this.storeFailed(error);
      return this.fallback.hitAll(limits, windowMs, nowMs);
    }
  }

  async full(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean> {
    try {
      // Counts without trimming: looking changes nothing.
      const count = await this.redis.zcount(this.prefix + key, `(${nowMs - windowMs}`, '+inf');
      this.storeAnswered();
      return count >= limit;
    } catch (error) {
      this.storeFailed(error);
      return this.fallback.full(key, limit, windowMs, nowMs);
    }
  }

  private storeFailed(error: unknown): void {
    if (this.storeAway) return;
    this.storeAway = true;
    this.logger.warn(
      `rate limit store unavailable, counting in memory until it answers: ${(error as Error).message}`,
    );
  }

  private storeAnswered(): void {
    if (!this.storeAway) return;
    this.storeAway = false;
    this.logger.log('rate limit store answers again; counting there');
  }
}
