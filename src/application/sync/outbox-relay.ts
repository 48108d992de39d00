import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { CLOCK, type Clock } from '../ports/clock.port';
import {
  OUTBOX_CLAIMS,
  SYNC_QUEUE,
  type OutboxClaims,
  type SyncKicker,
  type SyncQueue,
} from '../ports/sync-queue.port';

export const RELAY_SETTINGS = Symbol('RelaySettings');

export interface RelaySettings {
  /** Poll for committed but unrelayed outbox rows this often (0: no polling). */
  readonly intervalMs: number;
  readonly batchSize: number;
}

/**
 * Moves committed outbox rows onto the queue. Use cases kick it after their commit; a poll
 * picks up whatever a crash between commit and enqueue left behind. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so any number of processes may relay; a queue that refuses (Redis
 * down) leaves the rows pending for the next round.
 */
@Injectable()
export class OutboxRelay implements SyncKicker, OnModuleDestroy {
  private readonly log = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private again = false;

  constructor(
    @Inject(OUTBOX_CLAIMS) private readonly claims: OutboxClaims,
    @Inject(SYNC_QUEUE) private readonly queue: SyncQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RELAY_SETTINGS) private readonly settings: RelaySettings,
  ) {}

  kick(): void {
    void this.relay().catch((error: unknown) => {
      this.log.warn(`outbox relay failed: ${error instanceof Error ? error.message : error}`);
    });
  }

  /** Relays until no pending row is left; concurrent calls join the running round. */
  relay(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
    return this.running;
  }

  startPolling(): void {
    if (this.timer || this.settings.intervalMs <= 0) return;
    this.timer = setInterval(() => this.kick(), this.settings.intervalMs);
    this.timer.unref();
  }

  stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopPolling();
    await this.running?.catch(() => undefined);
  }

  private async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.claims.relay(
        this.settings.batchSize,
        async (entries) => {
          for (const entry of entries) await this.queue.enqueue(entry);
        },
        this.clock.now(),
      );
      total += n;
      if (n < this.settings.batchSize) return total;
    }
  }
}
