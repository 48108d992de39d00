import {
  DynamicModule,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
  Inject,
  Optional,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { CLOCK } from './application/ports/clock.port';
import { AdminModule } from './adapters/inbound/admin/admin.module';
import { CalcomWebhookModule } from './adapters/inbound/calcom-webhook/calcom-webhook.module';
import { HealthModule } from './adapters/inbound/health/health.module';
import { MetricsModule } from './adapters/inbound/metrics/metrics.module';
import { RetellModule } from './adapters/inbound/retell/retell.module';
import { SyncWorkerModule } from './adapters/inbound/sync-worker/sync-worker.module';
import { CalcomModule } from './adapters/outbound/calcom/calcom.module';
import { LocalCalendarModule } from './adapters/outbound/local/local-calendar.module';
import { CalendarSyncModule } from './adapters/outbound/queue/calendar-sync.module';
import { BookingModule } from './booking.module';
import { FixedClock } from './adapters/outbound/clock/fixed.clock';
import { SystemClock } from './adapters/outbound/clock/system.clock';
import {
  dataSourceOptions,
  databaseSettingsFrom,
} from './adapters/outbound/persistence/data-source.factory';
import { PersistenceModule } from './adapters/outbound/persistence/persistence.module';
import { FAIL_FAST_REDIS, REDIS_CONNECTION } from './adapters/outbound/queue/redis.connection';
import {
  closeRedis,
  failFastConnection,
  workerConnection,
} from './adapters/outbound/queue/redis-connections';
import { AppConfig } from './config/app-config';

/** Says which queue runs, and closes the Redis connections with the application. */
class RedisLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Optional() @Inject(REDIS_CONNECTION) private readonly redis?: Redis,
    @Optional() @Inject(FAIL_FAST_REDIS) private readonly failFast?: Redis,
  ) {}
  onModuleInit(): void {
    if (!this.redis) new Logger('AppModule').log('REDIS_URL not set: using the in-process queue');
  }
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.redis, this.failFast].map((r) => r && closeRedis(r)));
  }
}

/** Composition root: the configuration picks each adapter. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const { env } = config;
    const redisProviders = config.usesRedis
      ? [
          // BullMQ's worker waits through outages; whatever someone waits on must not.
          {
            provide: REDIS_CONNECTION,
            useFactory: () => workerConnection(env.REDIS_URL as string),
          },
          {
            provide: FAIL_FAST_REDIS,
            useFactory: () =>
              failFastConnection(env.REDIS_URL as string, env.REDIS_COMMAND_TIMEOUT_MS),
          },
        ]
      : [];
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(databaseSettingsFrom(env)),
        }),
        PersistenceModule,
        config.usesCalcom ? CalcomModule : LocalCalendarModule,
        CalendarSyncModule,
        SyncWorkerModule,
        CalcomWebhookModule,
        BookingModule,
        RetellModule,
        HealthModule,
        MetricsModule,
        AdminModule,
      ],
      providers: [
        { provide: AppConfig, useValue: config },
        {
          provide: CLOCK,
          useValue: env.FIXED_NOW ? new FixedClock(new Date(env.FIXED_NOW)) : new SystemClock(),
        },
        ...redisProviders,
        RedisLifecycle,
      ],
      exports: [AppConfig, CLOCK, ...redisProviders.map((p) => p.provide)],
    };
  }
}
