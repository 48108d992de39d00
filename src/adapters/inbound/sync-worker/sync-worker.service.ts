import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  CALENDAR_MAPPING_REPOSITORY,
  type CalendarMappingRepository,
} from '../../../application/ports/calendar-mapping.port';
import { PHONE_TRAFFIC, PhoneTraffic } from '../../../application/calls/phone-traffic';
import { SYNC_QUEUE, type SyncQueue } from '../../../application/ports/sync-queue.port';
import { OutboxRelay } from '../../../application/sync/outbox-relay';
import { StalledSyncSweeper } from '../../../application/sync/stalled-sync-sweeper';
import { giveWayToCalls } from './give-way-to-calls';
import { SYNC_CONSUMER, type SyncConsumer } from './sync-consumer';

export const SYNC_WORKER_OPTIONS = Symbol('SyncWorkerOptions');

export interface SyncWorkerOptions {
  readonly concurrency: number;
  /** Jobs at once while the service answers live calls (see PhoneTraffic). */
  readonly concurrencyDuringCalls?: number;
  /** Repeat a reconciliation per tenant with a calendar this often (0: never). */
  readonly reconcileEveryMs: number;
}

/** The queue this process opened; it closes with the application. */
export type ClosableSyncQueue = SyncQueue & { close(): Promise<void> };

/** How often the reconciliation schedules are made sure of, at most. */
const RESCHEDULE_EVERY_MS = 10 * 60_000;

/**
 * Starts the relay's poll, the stalled-sync sweeper and the job consumer the queue module
 * provides; stops them on shutdown, the consumer before the queue. While the service answers
 * live calls (in this process or, with Redis, in another one), the consumer runs fewer jobs at
 * once (concurrencyDuringCalls), so the calls get the CPU and the sync catches up in pauses.
 */
@Injectable()
export class SyncWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('CalendarSync');
  private scheduling: NodeJS.Timeout | undefined;
  private stopGivingWay: (() => void) | undefined;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly sweeper: StalledSyncSweeper,
    @Inject(SYNC_QUEUE) private readonly queue: ClosableSyncQueue,
    @Inject(CALENDAR_MAPPING_REPOSITORY) private readonly mappings: CalendarMappingRepository,
    @Inject(SYNC_WORKER_OPTIONS) private readonly options: SyncWorkerOptions,
    @Inject(SYNC_CONSUMER) private readonly consumer: SyncConsumer,
    @Inject(PHONE_TRAFFIC) private readonly traffic: PhoneTraffic,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer.start();
    this.giveWayToCalls();
    this.relay.startPolling();
    this.relay.kick();
    this.sweeper.startPolling();
    if (this.options.reconcileEveryMs > 0) {
      await this.scheduleReconciliations();
      // Again now and then: a salon that connects Cal.com later gets its schedule, and a
      // Redis that restarted without its data gets the schedules back (upserts change nothing
      // that is already there).
      this.scheduling = setInterval(
        () => void this.scheduleReconciliations(),
        Math.min(this.options.reconcileEveryMs, RESCHEDULE_EVERY_MS),
      );
      this.scheduling.unref();
    }
  }

  private giveWayToCalls(): void {
    const during = this.options.concurrencyDuringCalls;
    if (during === undefined) return;
    this.stopGivingWay = giveWayToCalls(
      this.traffic,
      this.consumer,
      this.options.concurrency,
      during,
    );
  }

  /** A repeatable reconciliation for every tenant with a calendar; failures are logged. */
  async scheduleReconciliations(): Promise<void> {
    try {
      for (const tenant of await this.mappings.tenantCalendars()) {
        await this.queue.scheduleReconciliation(tenant.companyId, this.options.reconcileEveryMs);
      }
    } catch (error) {
      this.log.warn(
        `reconciliation not scheduled: ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduling) clearInterval(this.scheduling);
    this.stopGivingWay?.();
    this.traffic.stop();
    this.relay.stopPolling();
    this.sweeper.stopPolling();
    await this.consumer.close();
    await this.queue.close();
  }
}
