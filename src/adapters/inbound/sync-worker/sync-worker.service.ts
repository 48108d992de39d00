import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import type Redis from 'ioredis';
import {
  CALENDAR_MAPPING_REPOSITORY,
  type CalendarMappingRepository,
} from '../../../application/ports/calendar-mapping.port';
import { PHONE_TRAFFIC, PhoneTraffic } from '../../../application/calls/phone-traffic';
import { SYNC_QUEUE, type SyncQueue } from '../../../application/ports/sync-queue.port';
import { OutboxRelay } from '../../../application/sync/outbox-relay';
import { StalledSyncSweeper } from '../../../application/sync/stalled-sync-sweeper';
import { SyncJobDispatcher } from '../../../application/sync/sync-job.handler';
import { InProcessSyncQueue } from '../../outbound/local/in-process-sync.queue';
import { BullMqSyncQueue } from '../../outbound/queue/bullmq-sync.queue';
import { REDIS_CONNECTION } from '../../outbound/queue/redis.connection';
import { RedisPhoneTrafficRelay } from '../../outbound/queue/redis-phone-traffic.relay';
import { BullMqSyncWorker } from './bullmq-sync.worker';
import { giveWayToCalls } from './give-way-to-calls';

export const SYNC_WORKER_OPTIONS = Symbol('SyncWorkerOptions');

export interface SyncWorkerOptions {
  /** Consume jobs in this process (the in-process queue always does). */
  readonly consume: boolean;
  readonly concurrency: number;
  /** Jobs at once while the service answers live calls (see PhoneTraffic). */
  readonly concurrencyDuringCalls?: number;
  /** The queue's Redis key prefix, as its producer uses it. */
  readonly prefix?: string;
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  /** Repeat a reconciliation per tenant with a calendar this often (0: never). */
  readonly reconcileEveryMs: number;
}

/** How often the reconciliation schedules are made sure of, at most. */
const RESCHEDULE_EVERY_MS = 10 * 60_000;

/**
 * Starts the relay's poll, the stalled-sync sweeper and, where configured, the job consumer;
 * stops them on shutdown. While the service answers live calls (in this process or, with Redis,
 * in another one), the consumer runs fewer jobs at once (concurrencyDuringCalls), so the calls
 * get the CPU and the sync catches up in pauses.
 */
@Injectable()
export class SyncWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('CalendarSync');
  private worker: BullMqSyncWorker | undefined;
  private scheduling: NodeJS.Timeout | undefined;
  private stopGivingWay: (() => void) | undefined;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly sweeper: StalledSyncSweeper,
    private readonly dispatcher: SyncJobDispatcher,
    @Inject(SYNC_QUEUE) private readonly queue: SyncQueue,
    @Inject(CALENDAR_MAPPING_REPOSITORY) private readonly mappings: CalendarMappingRepository,
    @Inject(SYNC_WORKER_OPTIONS) private readonly options: SyncWorkerOptions,
    @Optional() @Inject(REDIS_CONNECTION) private readonly redis?: Redis,
    @Optional() @Inject(PHONE_TRAFFIC) private readonly traffic?: PhoneTraffic,
    @Optional()
    @Inject(RedisPhoneTrafficRelay)
    private readonly trafficRelay?: RedisPhoneTrafficRelay | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.queue instanceof InProcessSyncQueue) {
      this.queue.consume(this.dispatcher);
    } else if (this.options.consume && this.redis && this.queue instanceof BullMqSyncQueue) {
      this.worker = new BullMqSyncWorker(this.redis, this.dispatcher, {
        concurrency: this.options.concurrency,
        prefix: this.options.prefix,
        lockDurationMs: this.options.lockDurationMs,
        stalledIntervalMs: this.options.stalledIntervalMs,
      });
      this.log.log(`sync worker consuming calendar-sync (concurrency ${this.options.concurrency})`);
    }
    this.giveWayToCalls();
    this.trafficRelay?.start();
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
    const consumer = this.queue instanceof InProcessSyncQueue ? this.queue : this.worker;
    const during = this.options.concurrencyDuringCalls;
    if (!this.traffic || !consumer || during === undefined) return;
    this.stopGivingWay = giveWayToCalls(this.traffic, consumer, this.options.concurrency, during);
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
    await this.trafficRelay?.stop();
    this.traffic?.stop();
    this.relay.stopPolling();
    this.sweeper.stopPolling();
    await this.worker?.close();
    if (this.queue instanceof InProcessSyncQueue || this.queue instanceof BullMqSyncQueue) {
      await this.queue.close();
    }
  }
}
