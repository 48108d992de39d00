/**
 * Injection token of the queue worker's ioredis connection, made the way BullMQ requires for
 * its blocking commands: a command waits through any outage (no retry limit, queued while Redis
 * is away). Only what may wait that long uses it. Null when the service runs without Redis.
 */
export const REDIS_CONNECTION = Symbol('RedisConnection');

/**
 * Injection token of the fail-fast ioredis connection, for everything someone waits on: rate
 * limits and the slot cache (callers), admin rate limits, readiness and the queue dashboard
 * (operators), and the outbox relay's queue adds. While Redis is away its commands are refused
 * at once, and none waits longer than REDIS_COMMAND_TIMEOUT_MS for an answer; each user goes on
 * without Redis. Null when the service runs without Redis.
 */
export const FAIL_FAST_REDIS = Symbol('FailFastRedis');
