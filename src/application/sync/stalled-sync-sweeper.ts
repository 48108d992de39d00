import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { CALENDAR_GATEWAY, type CalendarGateway } from '../ports/calendar-gateway.port';
import {
  CALENDAR_MAPPING_REPOSITORY,
  type CalendarMappingRepository,
} from '../ports/calendar-mapping.port';
import { CLOCK, type Clock } from '../ports/clock.port';
import type { OutboxEntry } from '../ports/sync-outbox.port';
import {
  jobForEntry,
  OUTBOX_CLAIMS,
  SYNC_QUEUE,
  type OutboxClaims,
  type SyncQueue,
} from '../ports/sync-queue.port';
import { PeriodicSweep } from '../shared/periodic-sweep';

export const SWEEPER_SETTINGS = Symbol('SweeperSettings');

export interface SweeperSettings {
  /** A pending or failed sync untouched this long is queued again. */
  readonly staleAfterMs: number;
  /** Sweep this often (0: no polling). */
  readonly intervalMs: number;
  readonly batchSize: number;
}

/** A lost job runs again within a minute: after at most 30 s of quiet plus one 15 s round. */
export const DEFAULT_SWEEPER_SETTINGS: SweeperSettings = {
  staleAfterMs: 30_000,
  intervalMs: 15_000,
  batchSize: 100,
};

/**
 * Redis runs without persistence: a restart drops queued jobs whose outbox rows are already
 * marked enqueued, and nothing else would ever run them. This finds appointments whose sync is
 * still pending or failed long after their last change and queues them again.
 *
 * A change whose job the queue still holds (waiting in a long backlog, delayed for the quota or a
 * backoff, running) is not lost and is left alone, so a short quiet time does not double a
 * backlog. Should a swept job still meet one of the same change, that is harmless: jobs of one
 * appointment hold its lease, and the sync looks a booking up before creating it.
 * The sweep round is the age window, so sweepers in several processes queue one job per
 * appointment and window, and a later window queues a fresh one if that also got lost.
 *
 * A tenant whose every calendar account has its breaker open is skipped: its jobs are not lost
 * but waiting for the breaker (a job that finds it open comes back later without touching the
 * appointment, so the appointment looks stalled), and a job per appointment and sweep would
 * only add to the pile. Once the breaker half-opens the tenant is swept again. The breaker state
 * is this process's view; a process that never calls the calendar sees it closed and sweeps.
 */
@Injectable()
export class StalledSyncSweeper implements OnModuleDestroy {
  private readonly log = new Logger(StalledSyncSweeper.name);
  private readonly periodic: PeriodicSweep<number>;

  constructor(
    @Inject(OUTBOX_CLAIMS) private readonly claims: OutboxClaims,
    @Inject(SYNC_QUEUE) private readonly queue: SyncQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SWEEPER_SETTINGS) private readonly settings: SweeperSettings,
    @Inject(CALENDAR_GATEWAY) private readonly calendar: CalendarGateway,
    @Inject(CALENDAR_MAPPING_REPOSITORY) private readonly mappings: CalendarMappingRepository,
  ) {
    this.periodic = new PeriodicSweep(
      () => this.sweepAll(),
      settings.intervalMs,
      (error: unknown) => {
        this.log.warn(
          `stalled sync sweep failed: ${error instanceof Error ? error.message : error}`,
        );
      },
    );
  }

  /** Queues every stalled sync again; concurrent calls join the running sweep. */
  sweep(): Promise<number> {
    return this.periodic.run();
  }

  startPolling(): void {
    this.periodic.startPolling();
  }

  stopPolling(): void {
    this.periodic.stopPolling();
  }

  onModuleDestroy(): Promise<void> {
    return this.periodic.stop();
  }

  private async sweepAll(): Promise<number> {
    const now = this.clock.now().getTime();
    const { staleAfterMs, batchSize } = this.settings;
    const olderThan = new Date(now - staleAfterMs);
    const roundNumber = Math.floor(now / Math.max(staleAfterMs, 1));
    const round = String(roundNumber);
    const waiting = await this.tenantsWaitingForBreaker();
    let total = 0;
    let skipped = 0;
    let after: string | undefined;
    for (;;) {
      const stalled = await this.claims.stalled(olderThan, batchSize, after);
      for (const entry of stalled) {
        if (waiting.has(entry.companyId)) {
          skipped++;
          continue;
        }
        if (await this.stillQueued(entry, roundNumber)) continue;
        await this.queue.enqueueSweep(entry, round);
        total++;
      }
      if (stalled.length < batchSize) break;
      after = stalled[stalled.length - 1].appointmentId;
    }
    if (total > 0) this.log.log(`queued ${total} stalled calendar sync(s) again`);
    if (skipped > 0) {
      this.log.log(`left ${skipped} stalled calendar sync(s) waiting for an open calendar breaker`);
    }
    return total;
  }

  /** The change's own job, or the sweep of this or the last round, is still in the queue. */
  private async stillQueued(entry: OutboxEntry, round: number): Promise<boolean> {
    const job = jobForEntry(entry);
    const candidates = [
      job,
      { ...job, sweep: String(round) },
      { ...job, sweep: String(round - 1) },
    ];
    const queued = await Promise.all(candidates.map((c) => this.queue.isQueued(c)));
    return queued.includes(true);
  }

  /** Tenants with a calendar account whose every account's breaker is open right now. */
  private async tenantsWaitingForBreaker(): Promise<Set<string>> {
    const open = new Map<string, boolean>();
    for (const account of await this.mappings.tenantCalendars()) {
      const isOpen = this.calendar.breakerState(account.credentialRef) === 'open';
      open.set(account.companyId, (open.get(account.companyId) ?? true) && isOpen);
    }
    return new Set([...open].filter(([, isOpen]) => isOpen).map(([companyId]) => companyId));
  }
}
