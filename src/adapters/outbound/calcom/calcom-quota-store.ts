import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import type { CalendarPriority } from '../../../application/ports/calendar-gateway.port';
import { RedisScript } from '../../../common/redis-script';

/**
 * One request asking for room in its API key's window. Every request counts against `limit`;
 * the sync's and reconciliation's (and what Cal.com counted beyond ours) also against `share`,
 * so live calls keep `limit - share` for themselves however busy the sync is, and the sync
 * keeps `share` however many live calls come within their reserve.
 */
export interface QuotaTake {
  readonly key: string;
  readonly priority: CalendarPriority;
  readonly limit: number;
  /** Requests the window may hold for the sync and reconciliation (the live reserve left). */
  readonly share: number;
  readonly windowMs: number;
  readonly nowMs: number;
}

/**
 * What Cal.com's answer said of the key: `used` requests in its current window, or the key
 * blocked until `blockedUntilMs`.
 */
export interface QuotaObservation {
  readonly key: string;
  readonly windowMs: number;
  readonly nowMs: number;
  readonly used?: {
    readonly count: number;
    /** The earliest the window may have begun: ours from then on are in Cal.com's count. */
    readonly sinceMs: number;
    /** Stamp of the requests Cal.com counted beyond ours: they leave no earlier than its window. */
    readonly stampMs: number;
  };
  readonly blockedUntilMs?: number;
}

/**
 * The requests sent per API key over the last window, shared where the store is shared.
 * `take` counts one and answers 0, or counts nothing and answers the milliseconds until room
 * comes for that priority. Requests Cal.com counted that this store never saw (another
 * application on the same key, a process counting alone while Redis was away) are added as
 * "seen by Cal.com" entries, stamped at the start of Cal.com's window so they leave with it.
 */
export interface QuotaStore {
  take(take: QuotaTake): Promise<number>;
  observe(observation: QuotaObservation): Promise<void>;
}

/** How long a refused sync request keeps reconciliation back after its wait (ms). */
export const SYNC_WANTS_MS = 1000;

interface KeyState {
  /** Our live requests, oldest first. */
  live: number[];
  /** Our other requests, oldest first. */
  sent: number[];
  /** Cal.com's count beyond ours: one stamp per request (the window's start). */
  seen: number[];
  blockedUntil: number;
  syncWantsUntil: number;
}

/** One process's memory: without Redis, and the fallback while Redis does not answer. */
export class MemoryQuotaStore implements QuotaStore {
  private readonly keys = new Map<string, KeyState>();

  async take(t: QuotaTake): Promise<number> {
    const s = this.state(t.key, t.windowMs, t.nowMs);
    if (s.blockedUntil > t.nowMs) return s.blockedUntil - t.nowMs;
    if (t.priority === 'reconcile' && s.syncWantsUntil > t.nowMs) {
      return s.syncWantsUntil - t.nowMs;
    }
    const others = [...s.sent, ...s.seen].sort((a, b) => a - b);
    const all = [...others, ...s.live].sort((a, b) => a - b);
    const room = (stamps: number[], max: number) =>
      stamps.length < max ? 0 : Math.max(1, stamps[stamps.length - max] + t.windowMs - t.nowMs);
    const wait = Math.max(room(all, t.limit), t.priority === 'live' ? 0 : room(others, t.share));
    if (wait > 0) {
      if (t.priority === 'sync') s.syncWantsUntil = t.nowMs + wait + SYNC_WANTS_MS;
      return wait;
    }
    (t.priority === 'live' ? s.live : s.sent).push(t.nowMs);
    return 0;
  }

  async observe(o: QuotaObservation): Promise<void> {
    const s = this.state(o.key, o.windowMs, o.nowMs);
    if (o.blockedUntilMs !== undefined) {
      s.blockedUntil = Math.max(s.blockedUntil, o.blockedUntilMs);
      return;
    }
    if (!o.used) return;
    const { count, sinceMs, stampMs } = o.used;
    const ours = [...s.sent, ...s.live].filter((t) => t >= sinceMs).length;
    // As many "seen" entries as Cal.com counted beyond ours; never fewer than already noted.
    const want = Math.min(count - ours, 10_000);
    for (let i = 0; i < s.seen.length && i < want; i++) s.seen[i] = Math.max(s.seen[i], stampMs);
    while (s.seen.length < want) s.seen.push(stampMs);
  }

  private state(key: string, windowMs: number, nowMs: number): KeyState {
    let s = this.keys.get(key);
    if (!s) {
      s = { live: [], sent: [], seen: [], blockedUntil: 0, syncWantsUntil: 0 };
      this.keys.set(key, s);
    }
    const left = (t: number) => t > nowMs - windowMs;
    s.live = s.live.filter(left);
    s.sent = s.sent.filter(left);
    s.seen = s.seen.filter(left);
    return s;
  }
}

// KEYS: sent (zset), seen (zset), blocked (until, ms), syncWants (marker), live (zset).
// ARGV: now, window, limit, share, member, priority, syncWantsMs. Answers 0 (counted) or the
// wait until room comes.
const TAKE = new RedisScript(`
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local limit, share, priority = tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[6]
local blocked = tonumber(redis.call('GET', KEYS[3]) or '0')
if blocked > now then return blocked - now end
if priority == 'reconcile' then
  local wants = redis.call('PTTL', KEYS[4])
  if wants > 0 then return wants end
end
for _, key in ipairs({ KEYS[1], KEYS[2], KEYS[5] }) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
end
-- Milliseconds until the sets hold fewer than max, 0 when they do now.
local function room(keys, max)
  local count = 0
  for _, key in ipairs(keys) do count = count + redis.call('ZCARD', key) end
  if count < max then return 0 end
  local k = count - max
  local stamps = {}
  for _, key in ipairs(keys) do
    local rows = redis.call('ZRANGE', key, 0, k, 'WITHSCORES')
    for i = 2, #rows, 2 do stamps[#stamps + 1] = tonumber(rows[i]) end
  end
  table.sort(stamps)
  return math.max(1, stamps[k + 1] + window - now)
end
local wait = room({ KEYS[1], KEYS[2], KEYS[5] }, limit)
if priority ~= 'live' then wait = math.max(wait, room({ KEYS[1], KEYS[2] }, share)) end
if wait > 0 then
  if priority == 'sync' then
    redis.call('SET', KEYS[4], '1', 'PX', math.floor(wait + tonumber(ARGV[7])))
  end
  return math.floor(wait)
end
local own = KEYS[1]
if priority == 'live' then own = KEYS[5] end
redis.call('ZADD', own, now, ARGV[5])
redis.call('PEXPIRE', own, window)
return 0`);

// KEYS: sent, seen, blocked, live. ARGV: now, window, blockedUntil (or ''), used (or ''), since,
// stamp.
// "Seen" entries are named 1..n, so answers within one window never add up: the most Cal.com
// counted beyond ours is kept.
const OBSERVE = new RedisScript(`
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
if ARGV[3] ~= '' then
  local until_ = tonumber(ARGV[3])
  local current = tonumber(redis.call('GET', KEYS[3]) or '0')
  if until_ > now and until_ > current then
    redis.call('SET', KEYS[3], ARGV[3], 'PX', math.floor(until_ - now))
  end
  return 0
end
if ARGV[4] == '' then return 0 end
local since, stamp = tonumber(ARGV[5]), tonumber(ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
local ours = redis.call('ZCOUNT', KEYS[1], since, '+inf') + redis.call('ZCOUNT', KEYS[4], since, '+inf')
local want = math.min(tonumber(ARGV[4]) - ours, 10000)
for i = 1, want do
  local had = tonumber(redis.call('ZSCORE', KEYS[2], i) or '-1')
  if had < stamp then redis.call('ZADD', KEYS[2], stamp, i) end
end
if want > 0 then redis.call('PEXPIRE', KEYS[2], window) end
return 0`);

/**
 * Shared by every process through Redis: each key's requests in a sorted set, counted and
 * added in one script. When Redis does not answer (in time), this process counts in memory
 * instead (fail-open): its own requests, plus what Cal.com's headers say it counted, which
 * brings every process back near the truth within one answer.
 */
export class RedisQuotaStore implements QuotaStore {
  private readonly logger = new Logger('CalcomQuota');
  private readonly fallback = new MemoryQuotaStore();
  private away = false;

  /** `prefix`: the root of the quota's keys under REDIS_KEY_PREFIX (see redisKeys). */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly timeoutMs: number,
  ) {}

  async take(t: QuotaTake): Promise<number> {
    const member = `${t.nowMs}-${randomBytes(6).toString('hex')}`;
    const args = [t.nowMs, t.windowMs, t.limit, t.share, member, t.priority, SYNC_WANTS_MS];
    try {
      const wait = Number(await this.run(TAKE, this.keysOf(t.key), args.map(String)));
      this.answered();
      // The fallback counts too, so an outage starts from what this process sent lately.
      if (wait === 0) {
        await this.fallback.take({ ...t, limit: Infinity, share: Infinity });
      }
      return wait;
    } catch (error) {
      this.failed(error);
      return this.fallback.take(t);
    }
  }

  async observe(o: QuotaObservation): Promise<void> {
    await this.fallback.observe(o);
    const args = [
      String(o.nowMs),
      String(o.windowMs),
      o.blockedUntilMs === undefined ? '' : String(o.blockedUntilMs),
      o.used === undefined ? '' : String(o.used.count),
      o.used === undefined ? '' : String(o.used.sinceMs),
      o.used === undefined ? '' : String(o.used.stampMs),
    ];
    try {
      const [sent, seen, blocked, , live] = this.keysOf(o.key);
      await this.run(OBSERVE, [sent, seen, blocked, live], args);
      this.answered();
    } catch (error) {
      this.failed(error);
    }
  }

  private keysOf(key: string): string[] {
    const root = `${this.prefix}:${key}`;
    return [
      `${root}:sent`,
      `${root}:seen`,
      `${root}:blocked`,
      `${root}:sync-wants`,
      `${root}:live`,
    ];
  }

  /** One script call, given up after `timeoutMs` (a hanging Redis must not hold a caller). */
  private async run(script: RedisScript, keys: string[], args: string[]): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([script.run(this.redis, keys, args), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private failed(error: unknown): void {
    if (this.away) return;
    this.away = true;
    this.logger.warn(
      `Cal.com request quota: Redis unavailable, counting in this process until it answers: ${(error as Error).message}`,
    );
  }

  private answered(): void {
    if (!this.away) return;
    this.away = false;
    this.logger.log('Cal.com request quota: Redis answers again; counting there');
  }
}
