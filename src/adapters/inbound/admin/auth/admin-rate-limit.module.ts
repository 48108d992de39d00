import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../../../../config/app-config';
import { FAIL_FAST_REDIS } from '../../../outbound/queue/redis.connection';
import { redisKeys } from '../../../outbound/queue/redis-keys';
import { MemorySlidingWindow, RedisSlidingWindow } from '../../retell/sliding-window.limiter';
import { ADMIN_RATE_LIMITER, AdminRateLimits } from './admin-rate-limits';

/** The admin keys' rate limits, for every door that takes an admin key. */
@Module({
  providers: [
    AdminRateLimits,
    {
      provide: ADMIN_RATE_LIMITER,
      inject: [AppConfig, FAIL_FAST_REDIS],
      // Shared by all instances through Redis when the service has it, else per process; while
      // Redis is away each instance counts in its memory instead.
      useFactory: (config: AppConfig, redis: Redis | null) =>
        redis
          ? new RedisSlidingWindow(redis, redisKeys(config.env.REDIS_KEY_PREFIX).adminRateLimits)
          : new MemorySlidingWindow(),
    },
  ],
  exports: [AdminRateLimits],
})
export class AdminRateLimitModule {}
