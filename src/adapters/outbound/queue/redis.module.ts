import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../../../config/app-config';
import { FAIL_FAST_REDIS, REDIS_CONNECTION } from './redis.connection';
import { closeRedis, failFastConnection, workerConnection } from './redis-connections';

/**
 * The service's two Redis connections (REDIS_URL set): BullMQ's worker waits through outages,
 * and whatever someone waits on must not. Both close with the application, after everything
 * that uses them (a global module's shutdown hook runs late).
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CONNECTION,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => workerConnection(config.env.REDIS_URL as string),
    },
    {
      provide: FAIL_FAST_REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        failFastConnection(config.env.REDIS_URL as string, config.env.REDIS_COMMAND_TIMEOUT_MS),
    },
  ],
  exports: [REDIS_CONNECTION, FAIL_FAST_REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS_CONNECTION) private readonly redis: Redis,
    @Inject(FAIL_FAST_REDIS) private readonly failFast: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.redis, this.failFast].map(closeRedis));
  }
}
