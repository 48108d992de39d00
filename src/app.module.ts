import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CLOCK } from './application/ports/clock.port';
import { AdminModule } from './adapters/inbound/admin/admin.module';
import { CalcomWebhookModule } from './adapters/inbound/calcom-webhook/calcom-webhook.module';
import { MessageMailModule } from './adapters/inbound/mail-worker/message-mail.module';
import { MessageMailWorkerModule } from './adapters/inbound/mail-worker/message-mail-worker.module';
import { HealthModule } from './adapters/inbound/health/health.module';
import { MetricsModule } from './adapters/inbound/metrics/metrics.module';
import { RetellModule } from './adapters/inbound/retell/retell.module';
import { BullMqSyncModule } from './adapters/inbound/sync-worker/bullmq-sync.module';
import { InProcessSyncModule } from './adapters/inbound/sync-worker/in-process-sync.module';
import { SyncWorkerModule } from './adapters/inbound/sync-worker/sync-worker.module';
import { CalcomModule } from './adapters/outbound/calcom/calcom.module';
import { LocalCalendarModule } from './adapters/outbound/local/local-calendar.module';
import { CalendarSyncModule } from './calendar-sync.module';
import { BookingModule } from './booking.module';
import { FixedClock } from './adapters/outbound/clock/fixed.clock';
import { SystemClock } from './adapters/outbound/clock/system.clock';
import {
  dataSourceOptions,
  databaseSettingsFrom,
} from './adapters/outbound/persistence/data-source.factory';
import { PersistenceModule } from './adapters/outbound/persistence/persistence.module';
import { AppConfig } from './config/app-config';

/**
 * Composition root: the validated configuration picks each adapter module. CALCOM_API_KEY: the
 * Cal.com gateway, else the local calendar. REDIS_URL: the BullMQ queue (with its Redis
 * connections), else the in-process queue; the callers' message mails ride the same choice.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const { env } = config;
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(databaseSettingsFrom(env)),
        }),
        PersistenceModule,
        config.usesCalcom ? CalcomModule : LocalCalendarModule,
        config.usesRedis ? BullMqSyncModule.forRoot(config) : InProcessSyncModule,
        CalendarSyncModule,
        SyncWorkerModule,
        MessageMailModule.forRoot(config),
        MessageMailWorkerModule,
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
      ],
      exports: [AppConfig, CLOCK],
    };
  }
}
