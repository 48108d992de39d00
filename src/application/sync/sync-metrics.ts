import { Injectable } from '@nestjs/common';

export interface SyncCounts {
  /** Appointments whose calendar mirror was brought up to date (created, cancelled, moved). */
  readonly synced: number;
  /** Of those, appointments where a phase was found by lookup after an error or timeout. */
  readonly verifiedAfterError: number;
  /** Attempts that failed and were retried. */
  readonly failed: number;
  /** Appointments handed to a person. */
  readonly manualReview: number;
}

/** Read side for metrics exporters (Prometheus) and the sync dashboard. */
export interface SyncMetricsReader {
  counts(): SyncCounts;
}

/** Process-wide sync outcome counters. */
@Injectable()
export class SyncMetrics implements SyncMetricsReader {
  private c = { synced: 0, verifiedAfterError: 0, failed: 0, manualReview: 0 };

  synced(verifiedAfterError: boolean): void {
    this.c.synced++;
    if (verifiedAfterError) this.c.verifiedAfterError++;
  }

  failed(): void {
    this.c.failed++;
  }

  manualReview(): void {
    this.c.manualReview++;
  }

  counts(): SyncCounts {
    return { ...this.c };
  }
}
