import { createHash } from 'node:crypto';
import type { CalendarPriority } from '../../../application/ports/calendar-gateway.port';
import { CalendarRateLimited } from '../../../domain/calendar/calendar.errors';
import type { RateLimitReading } from './calcom-rate-limit-headers';
import type { QuotaStore } from './calcom-quota-store';

export interface RequestQuotaConfig {
  /** Requests Cal.com allows one API key per window (120 unless Cal.com raised it). */
  readonly limit: number;
  /** Cal.com's window and its block after a refusal (60 s). */
  readonly windowMs: number;
  /**
   * Added to the window the requests are counted over: Cal.com counts a request when it
   * arrives, a little after it was let go here.
   */
  readonly marginMs: number;
  /** Share of the window (percent) only live calls may use: the sync stops below it. */
  readonly liveReservePercent: number;
  /** Longest a sync request waits here for room; past it the job comes back later. */
  readonly maxWaitMs: number;
}

interface Waiter {
  readonly priority: Exclude<CalendarPriority, 'live'>;
  readonly deadline: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** The sync and reconciliation requests of one key waiting in this process, sync first. */
interface Line {
  readonly waiters: Waiter[];
  pumping: boolean;
}

const RANK: Record<CalendarPriority, number> = { live: 0, sync: 1, reconcile: 2 };

/** The key a Cal.com API key is counted under: its hash, never the key. */
export const quotaKeyOf = (apiKey: string): string =>
  createHash('sha256').update(apiKey).digest('hex').slice(0, 32);

/**
 * Cal.com's request quota per API key, spent by priority. A live call (a caller on the phone,
 * ~500 ms) may use the whole window and never waits: it is let go or refused at once (then the
 * local calendar answers alone). The sync may use the window up to the live reserve and waits
 * in this process's line for room, at most `maxWaitMs`; past that it is refused with the wait
 * (the job comes back then, without using an attempt). Reconciliation waits behind the sync,
 * also behind the sync of other processes.
 *
 * What Cal.com's answers say tops the count up (another application on the key) and a 429
 * blocks the key until its reset, for everyone. Cal.com's lower limit, when it announces one,
 * wins over the configured one.
 */
export class CalcomRequestQuota {
  private readonly lines = new Map<string, Line>();
  /** Limits Cal.com announced below the configured one, per key. */
  private readonly announced = new Map<string, number>();
  private closed = false;

  constructor(
    private readonly store: QuotaStore,
    private readonly config: RequestQuotaConfig,
    private readonly nowMs: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = defaultSleep,
  ) {}

  /** Resolves when the request may go; rejects with CalendarRateLimited (nothing was sent). */
  async admit(apiKey: string, priority: CalendarPriority): Promise<void> {
    const key = quotaKeyOf(apiKey);
    if (priority === 'live') {
      const wait = await this.take(key, 'live');
      if (wait > 0) throw this.refusal(wait, 'live calls');
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const line = this.lineOf(key);
      const waiter = { priority, deadline: this.nowMs() + this.config.maxWaitMs, resolve, reject };
      const behind = line.waiters.findIndex((w) => RANK[w.priority] > RANK[priority]);
      line.waiters.splice(behind < 0 ? line.waiters.length : behind, 0, waiter);
      void this.pump(key, line);
    });
  }

  /** Learns from an answer's throttle headers (and from a 429). */
  async observe(apiKey: string, reading: RateLimitReading): Promise<void> {
    const key = quotaKeyOf(apiKey);
    const now = this.nowMs();
    if (reading.limit !== undefined && reading.limit < this.config.limit) {
      this.announced.set(key, reading.limit);
    }
    const base = { key, windowMs: this.windowMs, nowMs: now };
    if (reading.refused) {
      const blockMs = (reading.resetSeconds ?? this.config.windowMs / 1000) * 1000;
      await this.store.observe({ ...base, blockedUntilMs: now + blockMs });
      return;
    }
    if (reading.remaining === undefined || reading.resetSeconds === undefined) return;
    const limit = reading.limit ?? this.limitsOf(key).limit;
    // Reset is whole seconds rounded up: the window began at `stampMs` or up to a second before.
    const stampMs = now + reading.resetSeconds * 1000 - this.config.windowMs;
    await this.store.observe({
      ...base,
      used: { count: limit - reading.remaining, sinceMs: stampMs - 1000, stampMs },
    });
  }

  /** Refuses whoever still waits (shutdown). */
  close(): void {
    this.closed = true;
    for (const line of this.lines.values()) {
      for (const w of line.waiters.splice(0)) w.reject(this.refusal(0, 'shutting down'));
    }
  }

  /** The key's limit, and the part of it the sync and reconciliation may use. */
  limitsOf(key: string): { limit: number; share: number } {
    const limit = Math.min(this.config.limit, this.announced.get(key) ?? Infinity);
    const share = Math.max(1, Math.floor((limit * (100 - this.config.liveReservePercent)) / 100));
    return { limit, share };
  }

  private get windowMs(): number {
    return this.config.windowMs + this.config.marginMs;
  }

  private take(key: string, priority: CalendarPriority): Promise<number> {
    return this.store.take({
      key,
      priority,
      ...this.limitsOf(key),
      windowMs: this.windowMs,
      nowMs: this.nowMs(),
    });
  }

  /**
   * Lets the line's head go whenever the window has room; between, sleeps until room comes.
   * Waiters who would wait past their deadline leave at once, told how long it would be.
   */
  private async pump(key: string, line: Line): Promise<void> {
    if (line.pumping) return;
    line.pumping = true;
    try {
      while (line.waiters.length > 0 && !this.closed) {
        const head = line.waiters[0];
        let wait: number;
        try {
          wait = await this.take(key, head.priority);
        } catch (error) {
          line.waiters.shift();
          head.reject(error);
          continue;
        }
        if (wait === 0) {
          line.waiters.shift();
          head.resolve();
          continue;
        }
        const until = this.nowMs() + wait;
        for (const w of [...line.waiters]) {
          if (w.deadline >= until) continue;
          line.waiters.splice(line.waiters.indexOf(w), 1);
          w.reject(this.refusal(wait, 'the sync'));
        }
        if (line.waiters.length > 0) await this.sleep(wait);
      }
    } finally {
      line.pumping = false;
      if (line.waiters.length === 0) this.lines.delete(key);
    }
  }

  private lineOf(key: string): Line {
    let line = this.lines.get(key);
    if (!line) {
      line = { waiters: [], pumping: false };
      this.lines.set(key, line);
    }
    return line;
  }

  private refusal(waitMs: number, whose: string): CalendarRateLimited {
    return new CalendarRateLimited(
      Math.ceil(waitMs / 1000),
      `request quota for ${whose} used up; room in ${Math.ceil(waitMs)} ms (nothing sent)`,
    );
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });
}
