import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS_CONNECTION } from '../../../outbound/queue/redis.connection';
import { MemorySlidingWindow, RedisSlidingWindow } from '../../retell/sliding-window.limiter';
import { ADMIN_RATE_LIMITER, AdminRateLimits } from './admin-rate-limiter';

/** The admin keys' rate limits, for every door that takes an admin key. */
@Module({
  providers: [
    AdminRateLimits,
    {
      provide: ADMIN_RATE_LIMITER,
      inject: [{ token: REDIS_CONNECTION, optional: true }],
      // Shared by all instances through Redis when the service has it, else per process.
      useFactory: (redis?: Redis) =>
        redis ? new RedisSlidingWindow(redis, 'ratelimit:admin:') : new MemorySlidingWindow(),
    },
  ],
  exports: [AdminRateLimits],
})
export class AdminRateLimitModule {}
