import { PHONE_TRAFFIC, PhoneTraffic } from './application/calls/phone-traffic';
import { Global, Module } from '@nestjs/common';
import { SYNC_KICKER } from './application/ports/sync-queue.port';
import { CompensateBookingsUseCase } from './application/sync/compensate-bookings.use-case';
import { OutboxRelay, RELAY_SETTINGS } from './application/sync/outbox-relay';
import { ReconcileCalendarUseCase } from './application/sync/reconcile-calendar.use-case';
import {
  DEFAULT_SWEEPER_SETTINGS,
  StalledSyncSweeper,
  SWEEPER_SETTINGS,
} from './application/sync/stalled-sync-sweeper';
import { SYNC_APPOINTMENT_PROVIDERS } from './application/sync/sync-appointment.providers';
import { SyncJobDispatcher } from './application/sync/sync-job.dispatcher';
import { SyncMetrics } from './application/sync/sync-metrics';
import {
  DEFAULT_SYNC_SETTINGS,
  realSleeper,
  SLEEPER,
  SYNC_SETTINGS,
} from './application/sync/sync-settings';
import { AppConfig } from './config/app-config';
import { PersistenceModule } from './adapters/outbound/persistence/persistence.module';

const RELAY_INTERVAL_MS = 3000;
/** After a call's last function call, the sync gives way this long before it speeds up. */
const PHONE_QUIET_MS = 1000;

/**
 * The calendar mirror: outbox relay, stalled-sync sweeper and sync use cases, over the calendar
 * gateway and the queue the app module picked. Global, so that use cases
 * anywhere can inject SYNC_KICKER, and the phone functions PHONE_TRAFFIC, to which the sync
 * gives way.
 */
@Global()
@Module({
  imports: [PersistenceModule],
  providers: [
    {
      provide: SYNC_SETTINGS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...DEFAULT_SYNC_SETTINGS,
        verifyDelayMs: config.env.SYNC_VERIFY_DELAY_MS,
        parallelPhases: config.env.SYNC_PARALLEL_PHASES,
        waitMs: Math.max(config.env.SYNC_BACKOFF_MS, 1000),
        leaseMs: config.env.SYNC_LEASE_MS,
      }),
    },
    { provide: SLEEPER, useValue: realSleeper },
    { provide: RELAY_SETTINGS, useValue: { intervalMs: RELAY_INTERVAL_MS, batchSize: 100 } },
    {
      provide: SWEEPER_SETTINGS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...DEFAULT_SWEEPER_SETTINGS,
        staleAfterMs: config.env.SYNC_SWEEP_AFTER_MS,
        intervalMs: Math.min(
          DEFAULT_SWEEPER_SETTINGS.intervalMs,
          Math.floor(config.env.SYNC_SWEEP_AFTER_MS / 2),
        ),
      }),
    },
    SyncMetrics,
    OutboxRelay,
    { provide: SYNC_KICKER, useExisting: OutboxRelay },
    { provide: PHONE_TRAFFIC, useFactory: () => new PhoneTraffic(PHONE_QUIET_MS) },
    StalledSyncSweeper,
    ...SYNC_APPOINTMENT_PROVIDERS,
    CompensateBookingsUseCase,
    ReconcileCalendarUseCase,
    SyncJobDispatcher,
  ],
  exports: [
    SYNC_KICKER,
    PHONE_TRAFFIC,
    SyncMetrics,
    OutboxRelay,
    StalledSyncSweeper,
    SyncJobDispatcher,
  ],
})
export class CalendarSyncModule {}
