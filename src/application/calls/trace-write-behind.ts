import { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import type { CallRepository, TracedFunctionCall } from '../ports/call.repository.port';
import { scrubText } from '../../domain/shared/scrub-text';

/** Entries past this many are written at once rather than waiting for the timer. */
const MAX_BATCH = 200;

/**
 * Function-call traces leave the answer's path: they are collected and written together every
 * `flushMs`, one statement per batch instead of one per call. A trace is observability, not a
 * booking, so at most `flushMs` of traces are at risk if the process dies; shutdown writes what
 * is pending. A batch the database refuses is retried entry by entry, so one bad row costs only
 * itself. With `flushMs` 0 every trace is written before the answer goes out.
 */
export class TraceWriteBehind implements BeforeApplicationShutdown {
  private readonly logger = new Logger('TraceWriteBehind');
  private pending: TracedFunctionCall[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly calls: CallRepository,
    private readonly flushMs: number,
  ) {}

  /** Resolves once the trace is queued, or written when writes are not batched. */
  async record(trace: TracedFunctionCall): Promise<void> {
    if (this.flushMs === 0) return this.write([trace]);
    this.pending.push(trace);
    if (this.pending.length >= MAX_BATCH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  /** Writes everything recorded so far; resolves when it is stored (or given up on). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    // One batch at a time keeps traces in order and the pool free for bookings.
    this.writing = this.writing.then(() => (batch.length > 0 ? this.write(batch) : undefined));
    return this.writing;
  }

  /** Before the database pool closes (TypeORM closes it on application shutdown). */
  beforeApplicationShutdown(): Promise<void> {
    return this.flush();
  }

  private async write(batch: TracedFunctionCall[]): Promise<void> {
    try {
      await this.calls.appendTraces(batch);
    } catch (error) {
      if (batch.length === 1) return this.lost(batch[0], error);
      for (const one of batch) {
        await this.calls.appendTraces([one]).catch((e: unknown) => this.lost(one, e));
      }
    }
  }

  private lost(trace: TracedFunctionCall, error: unknown): void {
    this.logger.warn(
      `trace of ${scrubText(trace.entry.name)} not written: ${scrubText((error as Error).message)}`,
    );
  }
}
