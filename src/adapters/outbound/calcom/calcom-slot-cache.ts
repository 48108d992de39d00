import type Redis from 'ioredis';
import type { SlotInvalidationScope } from '../../../application/ports/calendar-gateway.port';
import { RedisScript } from '../../../common/redis-script';

/** Everything a Cal.com slot answer depends on; all of it is part of the cache key. */
export interface SlotCacheKey {
  readonly companyId: string;
  readonly branchId: string;
  readonly eventTypeId: number;
  readonly staffId: string;
  readonly from: Date;
  readonly to: Date;
  readonly lengthMinutes?: number;
}

export interface SlotCacheOptions {
  readonly ttlSeconds: number;
  /** Root of every key, e.g. `calcom:slots:v1`. */
  readonly keyPrefix: string;
  /** A Redis call slower than this is treated as a miss (the cache never blocks availability). */
  readonly redisTimeoutMs?: number;
  /**
   * An answer read with less than this left to live is still answered from the cache, and
   * asked again in the background, so answers in steady use never expire under a
   * caller who would then wait for Cal.com. 0 turns it off.
   */
  readonly refreshAheadSeconds?: number;
}

interface Flight {
  readonly companyId: string;
  readonly branchId: string;
  readonly staffId: string;
  readonly promise: Promise<Date[]>;
}

const enc = (part: string | number): string => encodeURIComponent(String(part));

// KEYS: the generation counters; ARGV[1]: the answer's key without them. The key is made and
// read in Redis, so a lookup is one round trip. (Not for Redis Cluster: the answer's key is
// not among KEYS.)
const READ = new RedisScript(`
local gens = redis.call('MGET', unpack(KEYS))
for i = 1, #KEYS do if not gens[i] then gens[i] = '0' end end
local dataKey = ARGV[1] .. ':g' .. table.concat(gens, '.')
local value = redis.call('GET', dataKey)
if value then return { dataKey, value, redis.call('PTTL', dataKey) } end
return { dataKey }`);
const DAY_MS = 86_400_000;
/** Answers about more UTC days than this follow the stylist's "any day" counter instead. */
const MAX_DAY_GENERATIONS = 8;

/** The UTC dates ('yyyy-mm-dd') that [from, to) touches; at least from's. */
function utcDays(from: Date, to: Date): string[] {
  const days: string[] = [];
  const first = Math.floor(from.getTime() / DAY_MS);
  const last = Math.max(first, Math.ceil(to.getTime() / DAY_MS) - 1);
  for (let d = first; d <= last && days.length <= 400; d++) {
    days.push(new Date(d * DAY_MS).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Slot answers from Cal.com in Redis, keyed by tenant (company), branch, event type and stylist:
 *
 *   {prefix}:{companyId}:{branchId}:{eventTypeId}:{staffId}:{fromISO}:{toISO}:{length|-}:g{b}.{s}.{d…}
 *
 * Ids are URI-encoded so no id can spill into another segment. `g{b}.{s}.{d…}` are the
 * generation counters of the branch (`{prefix}:gen:{companyId}:{branchId}`), of the stylist
 * (`…:{staffId}`) and of each UTC day the answer covers (`…:{staffId}:{yyyy-mm-dd}`, or
 * `…:{staffId}:any` for an answer over more than a week, which every day's change moves);
 * `invalidate` INCRs the branch's, the stylist's, or only the days around a changed time, so
 * every older key of that scope is unreachable at once and expires by TTL (no SCAN, no KEYS).
 * A booking thus leaves the stylist's answers about other days cached.
 *
 * An answer read in its last `refreshAheadSeconds` is answered and asked again in the
 * background, once per key and process, and stored under the key it was read from.
 *
 * Concurrent misses for the same key in this process share one upstream promise
 * (single-flight). Without Redis (null) only single-flight applies. Redis failures count as
 * misses. Errors from upstream are not cached.
 */
export class CalcomSlotCache {
  private readonly flights = new Map<string, Flight>();
  /** Answers being asked again ahead of their expiry, by their Redis key. */
  private readonly refreshes = new Map<string, Promise<void>>();
  /** Refresh mark in ms; at most half the TTL, or every hit would ask again. */
  private readonly refreshAheadMs: number;
  private refreshing = true;
  private readonly genTtlSeconds: number;

  constructor(
    private readonly redis: Redis | null,
    private readonly options: SlotCacheOptions,
  ) {
    this.genTtlSeconds = Math.max(86_400, options.ttlSeconds * 10);
    this.refreshAheadMs = Math.min(options.refreshAheadSeconds ?? 0, options.ttlSeconds / 2) * 1000;
  }

  async getOrLoad(key: SlotCacheKey, load: () => Promise<Date[]>): Promise<Date[]> {
    const flightKey = this.scopeKey(key);
    let flight = this.flights.get(flightKey);
    if (!flight) {
      const promise = this.lookup(key, load).finally(() => {
        if (this.flights.get(flightKey)?.promise === promise) this.flights.delete(flightKey);
      });
      flight = { companyId: key.companyId, branchId: key.branchId, staffId: key.staffId, promise };
      this.flights.set(flightKey, flight);
    }
    const starts = await flight.promise;
    return starts.map((d) => new Date(d.getTime()));
  }

  /**
   * Drops the cached answers of a branch, of one stylist in it, or of that stylist's days
   * around a changed time (a day on either side as well: buffers and time zones reach over
   * midnight). Answers false when Redis could not be reached (the TTL then bounds how long an
   * old answer may live).
   */
  async invalidate(scope: SlotInvalidationScope): Promise<boolean> {
    const { companyId, branchId, staffId, around } = scope;
    for (const [k, f] of this.flights) {
      if (
        f.companyId === companyId &&
        f.branchId === branchId &&
        (staffId === undefined || f.staffId === staffId)
      ) {
        this.flights.delete(k);
      }
    }
    if (!this.redis) return true;
    const redis = this.redis;
    const genKeys =
      staffId === undefined
        ? [this.branchGenKey(companyId, branchId)]
        : around
          ? [
              ...utcDays(
                new Date(around.start.getTime() - DAY_MS),
                new Date(Math.max(around.end.getTime(), around.start.getTime()) + DAY_MS),
              ),
              'any',
            ].map((day) => this.dayGenKey(companyId, branchId, staffId, day))
          : [this.staffGenKey(companyId, branchId, staffId)];
    const done = await this.quietly(() => {
      const multi = redis.multi();
      for (const key of genKeys) multi.incr(key).expire(key, this.genTtlSeconds);
      return multi.exec();
    });
    return done !== null && done.every(([error]) => error === null);
  }

  /** The Redis key the answer for `key` is stored under right now (null without Redis). */
  async currentKey(key: SlotCacheKey): Promise<string | null> {
    const gens = await this.generations(key);
    return gens ? this.dataKey(key, gens) : null;
  }

  /** Resolves when the answers being asked again ahead of expiry are stored (or given up). */
  async refreshesSettled(): Promise<void> {
    while (this.refreshes.size > 0) await Promise.all(this.refreshes.values());
  }

  /** For shutdown: no more refreshes start; resolves when those under way are done. */
  stopRefreshing(): Promise<void> {
    this.refreshing = false;
    return this.refreshesSettled();
  }

  private async lookup(key: SlotCacheKey, load: () => Promise<Date[]>): Promise<Date[]> {
    const read = await this.read(key);
    if (read?.value) {
      const starts = parseStarts(read.value);
      if (starts) {
        if (read.ttlMs !== undefined && read.ttlMs >= 0 && read.ttlMs < this.refreshAheadMs) {
          this.refreshBehind(read.dataKey, load);
        }
        return starts;
      }
    }
    return this.loadAndKeep(read?.dataKey ?? null, load);
  }

  /**
   * Stores the answer under the key read before asking: if the scope was invalidated
   * meanwhile, that key is already unreachable, so an answer from before a change is never
   * served after it.
   */
  private async loadAndKeep(dataKey: string | null, load: () => Promise<Date[]>) {
    const starts = await load();
    if (dataKey) {
      const value = JSON.stringify(starts.map((d) => d.toISOString()));
      await this.quietly(() => this.redis!.set(dataKey, value, 'EX', this.options.ttlSeconds));
    }
    return starts;
  }

  /** Once per key and process at a time; a failure leaves the old answer to its TTL. */
  private refreshBehind(dataKey: string, load: () => Promise<Date[]>): void {
    if (!this.refreshing || this.refreshes.has(dataKey)) return;
    const refresh = this.loadAndKeep(dataKey, load).then(
      () => undefined,
      () => undefined,
    );
    this.refreshes.set(dataKey, refresh);
    void refresh.finally(() => this.refreshes.delete(dataKey));
  }

  /**
   * The answer's current key and, when cached, its value and the milliseconds it has left, in
   * one round trip (null without Redis).
   */
  private async read(
    key: SlotCacheKey,
  ): Promise<{ dataKey: string; value?: string; ttlMs?: number } | null> {
    if (!this.redis) return null;
    const redis = this.redis;
    const reply = await this.quietly(() =>
      READ.run(redis, this.generationKeys(key), [this.scopeKey(key)]),
    );
    if (!Array.isArray(reply) || typeof reply[0] !== 'string') return null;
    return {
      dataKey: reply[0],
      value: typeof reply[1] === 'string' ? reply[1] : undefined,
      ttlMs: typeof reply[2] === 'number' ? reply[2] : undefined,
    };
  }

  private async generations(key: SlotCacheKey): Promise<string[] | null> {
    if (!this.redis) return null;
    const redis = this.redis;
    const values = await this.quietly(() => redis.mget(...this.generationKeys(key)));
    if (!values) return null;
    return values.map((v) => v ?? '0');
  }

  private generationKeys(key: SlotCacheKey): string[] {
    const days = utcDays(key.from, key.to);
    // An answer over many days follows one counter that every day's change moves instead.
    const dayKeys =
      days.length <= MAX_DAY_GENERATIONS
        ? days.map((day) => this.dayGenKey(key.companyId, key.branchId, key.staffId, day))
        : [this.dayGenKey(key.companyId, key.branchId, key.staffId, 'any')];
    return [
      this.branchGenKey(key.companyId, key.branchId),
      this.staffGenKey(key.companyId, key.branchId, key.staffId),
      ...dayKeys,
    ];
  }

  private scopeKey(key: SlotCacheKey): string {
    return [
      this.options.keyPrefix,
      enc(key.companyId),
      enc(key.branchId),
      enc(key.eventTypeId),
      enc(key.staffId),
      key.from.toISOString(),
      key.to.toISOString(),
      key.lengthMinutes === undefined ? '-' : enc(key.lengthMinutes),
    ].join(':');
  }

  private dataKey(key: SlotCacheKey, generations: readonly string[]): string {
    return `${this.scopeKey(key)}:g${generations.join('.')}`;
  }

  private branchGenKey(companyId: string, branchId: string): string {
    return `${this.options.keyPrefix}:gen:${enc(companyId)}:${enc(branchId)}`;
  }

  private staffGenKey(companyId: string, branchId: string, staffId: string): string {
    return `${this.branchGenKey(companyId, branchId)}:${enc(staffId)}`;
  }

  private dayGenKey(companyId: string, branchId: string, staffId: string, day: string): string {
    return `${this.staffGenKey(companyId, branchId, staffId)}:${day}`;
  }

  /** Runs a Redis call; a failure or a slow answer is a miss, never an error for the caller. */
  private async quietly<T>(call: () => Promise<T>): Promise<T | null> {
    const limit = this.options.redisTimeoutMs ?? 250;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), limit);
    });
    try {
      return await Promise.race([call().catch(() => null), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function parseStarts(value: string): Date[] | null {
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return null;
    const starts = parsed.map((s) => new Date(String(s)));
    return starts.some((d) => Number.isNaN(d.getTime())) ? null : starts;
  } catch {
    return null;
  }
}
