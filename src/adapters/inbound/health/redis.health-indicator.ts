import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { FAIL_FAST_REDIS } from '../../outbound/queue/redis.connection';

/** A ping that has not answered by then counts as unreachable (the connection's own bound is shorter). */
const PING_PATIENCE_MS = 1000;

/**
 * Calls go on while Redis is away (rate limits counted in memory, slot-cache misses, queue adds
 * left to the outbox), so Redis makes the service degraded, never not-ready: an orchestrator
 * must not take every instance out of rotation because the one Redis they share is gone. The
 * ping goes over the fail-fast connection, so readiness answers at once while Redis is away.
 */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    /** Null without Redis (the in-process queue). */
    @Inject(FAIL_FAST_REDIS) private readonly redis: Redis | null,
  ) {}

  async isHealthy(key = 'redis') {
    const indicator = this.health.check(key);
    if (!this.redis) return indicator.up({ mode: 'in-process queue' });
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        this.redis.ping(),
        new Promise<string>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), PING_PATIENCE_MS);
        }),
      ]);
      return answer === 'PONG'
        ? indicator.up({ degraded: false })
        : indicator.up({ degraded: true, reason: 'unexpected answer' });
    } catch {
      return indicator.up({ degraded: true, reason: 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  }
}
