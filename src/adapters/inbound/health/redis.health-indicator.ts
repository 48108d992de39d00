import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { REDIS_CONNECTION } from '../../outbound/queue/redis.connection';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Optional() @Inject(REDIS_CONNECTION) private readonly redis?: Redis,
  ) {}

  async isHealthy(key = 'redis') {
    const indicator = this.health.check(key);
    if (!this.redis) return indicator.up({ mode: 'in-process queue' });
    try {
      const answer = await Promise.race([
        this.redis.ping(),
        new Promise<string>((_, reject) =>
          setTimeout(() => reject(new Error('timeout')), 1000).unref(),
        ),
      ]);
      return answer === 'PONG' ? indicator.up() : indicator.down({ reason: 'unexpected answer' });
    } catch {
      return indicator.down({ reason: 'unreachable' });
    }
  }
}
