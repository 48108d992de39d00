import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../../../application/ports/clock.port';
import { BookingOutcome, PhoneMetrics } from '../../../application/ports/phone-metrics.port';
import { SyncMetrics } from '../../../application/sync/sync-metrics';
import { BREAKER_STATES, BreakerStates } from '../../../application/ports/breaker-states.port';

/**
 * Prometheus instruments on a registry of this application instance (two instances in one
 * process, as in the tests, must not share counters).
 */
@Injectable()
export class PrometheusMetrics implements PhoneMetrics {
  readonly registry = new Registry();
  private readonly calls: Histogram<'function' | 'outcome'>;
  private readonly bookings: Counter<'outcome'>;
  private readonly verified: Counter<'function' | 'verified'>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(CLOCK) clock: Clock,
    sync: SyncMetrics,
    @Inject(BREAKER_STATES) breakers: BreakerStates,
  ) {
    const registers = [this.registry];
    this.calls = new Histogram({
      name: 'salon_function_call_duration_seconds',
      help: 'Latency of the phone functions the voice agent calls',
      labelNames: ['function', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.verified = new Counter({
      name: 'salon_calendar_verified_answers_total',
      help: 'Phone answers that involved a Cal.com calendar, by whether Cal.com could be asked',
      labelNames: ['function', 'verified'],
      registers,
    });
    this.bookings = new Counter({
      name: 'salon_bookings_total',
      help: 'Phone bookings by outcome',
      labelNames: ['outcome'],
      registers,
    });
    new Counter({
      name: 'salon_calendar_sync_total',
      help: 'Calendar sync outcomes: synced, verified after error, failed attempts, manual review',
      labelNames: ['outcome'],
      registers,
      collect() {
        const c = sync.counts();
        this.reset();
        this.inc({ outcome: 'synced' }, c.synced);
        this.inc({ outcome: 'verified_after_error' }, c.verifiedAfterError);
        this.inc({ outcome: 'failed' }, c.failed);
        this.inc({ outcome: 'manual_review' }, c.manualReview);
      },
    });
    new Gauge({
      name: 'salon_calendar_breaker_open',
      help: 'Cal.com circuit breaker per credential: 0 closed, 0.5 half open, 1 open',
      labelNames: ['credential'],
      registers,
      collect() {
        this.reset();
        for (const [credential, state] of breakers.breakerStates()) {
          this.set({ credential }, state === 'open' ? 1 : state === 'half_open' ? 0.5 : 0);
        }
      },
    });
    new Gauge({
      name: 'salon_sync_queue_depth',
      help: 'Calendar changes committed but not yet synced (pending outbox rows and appointments)',
      registers,
      async collect() {
        const [{ n }] = await dataSource.query(
          `SELECT (SELECT count(*) FROM sync_outbox WHERE enqueued_at IS NULL)
                + (SELECT count(*) FROM appointments WHERE sync_state IN ('pending', 'failed'))::int AS n`,
        );
        this.set(Number(n));
      },
    });
    new Gauge({
      name: 'salon_holds_live',
      help: 'Slots held for calls right now',
      registers,
      async collect() {
        const [{ n }] = await dataSource.query(
          `SELECT count(*)::int AS n FROM holds WHERE released_at IS NULL AND expires_at > $1`,
          [clock.now()],
        );
        this.set(Number(n));
      },
    });
  }

  functionCall(name: string, outcome: string, seconds: number): void {
    this.calls.observe({ function: name.slice(0, 40), outcome: outcome.slice(0, 60) }, seconds);
  }

  booking(outcome: BookingOutcome): void {
    this.bookings.inc({ outcome });
  }

  calendarVerified(name: string, verified: boolean): void {
    this.verified.inc({ function: name.slice(0, 40), verified: String(verified) });
  }
}
