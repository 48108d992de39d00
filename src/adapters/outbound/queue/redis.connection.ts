/** Injection token of the shared ioredis connection; absent when the service runs without Redis. */
export const REDIS_CONNECTION = Symbol('RedisConnection');
