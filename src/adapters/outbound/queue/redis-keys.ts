/**
 * Where each part of the service keeps its Redis keys, all under one prefix (REDIS_KEY_PREFIX),
 * so environments sharing one Redis share no counter, cached slot, job or phone-traffic saying.
 * A prefix holds no colon, so the key spaces of two different prefixes never overlap.
 */
export interface RedisKeys {
  /** BullMQ's `prefix` of the calendar-sync queue: its keys are `<queue>:calendar-sync:…`. */
  readonly queue: string;
  /** Retell rate-limit counters: `<retellRateLimits><what>`. */
  readonly retellRateLimits: string;
  /** Admin rate-limit counters: `<adminRateLimits><what>`. */
  readonly adminRateLimits: string;
  /** Root of the Cal.com slot cache's answers and generation counters. */
  readonly slotCache: string;
  /** Root of the Cal.com request quota's counts per API key. */
  readonly calcomQuota: string;
  /** Root of what Cal.com's refusals taught about event types. */
  readonly calcomEventTypes: string;
  /** The one key processes tell each other through that they answer calls. */
  readonly phoneTraffic: string;
}

export function redisKeys(prefix: string): RedisKeys {
  return {
    queue: `${prefix}:queue`,
    retellRateLimits: `${prefix}:ratelimit:retell:`,
    adminRateLimits: `${prefix}:ratelimit:admin:`,
    slotCache: `${prefix}:calcom:slots:v1`,
    calcomQuota: `${prefix}:calcom:quota:v1`,
    calcomEventTypes: `${prefix}:calcom:event-types:v1`,
    phoneTraffic: `${prefix}:phone-traffic`,
  };
}
