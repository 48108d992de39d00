import { Controller, Get, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { CodedHttpException } from '../../../common/coded-http.exception';
import { CalendarHealthIndicator } from './calendar.health-indicator';
import { ReadinessLog, readinessState } from './readiness-log';
import { RedisHealthIndicator } from './redis.health-indicator';

/**
 * Liveness says the process answers; readiness says it can serve calls (the database) and shows
 * what only degrades it: Redis away (calls go on without it) and open Cal.com breakers.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly calendar: CalendarHealthIndicator,
    private readonly readinessLog: ReadinessLog,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** 200 when ready (maybe degraded); 503 `HEALTH.NOT_READY` naming what is down otherwise. */
  @Get('ready')
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    let result: HealthCheckResult;
    try {
      result = await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1500 }),
        () => this.redis.isHealthy('redis'),
        () => this.calendar.isHealthy('calendar'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      throw this.notReady(error.getResponse() as HealthCheckResult);
    }
    this.readinessLog.note(readinessState(result));
    return result;
  }

  private notReady(result: HealthCheckResult): CodedHttpException {
    const state = readinessState(result);
    this.readinessLog.note(state);
    return new CodedHttpException(
      HttpStatus.SERVICE_UNAVAILABLE,
      'HEALTH.NOT_READY',
      `Not ready: ${state.down.join(', ')} down.`,
      { down: state.down, degraded: state.degraded, details: withoutReasons(result) },
    );
  }
}

/**
 * The probe is open to anyone: a part that is down shows only that it is down, not the
 * driver's message (addresses, ports); the reason is in the log line.
 */
function withoutReasons(result: HealthCheckResult): HealthCheckResult['details'] {
  return Object.fromEntries(
    Object.entries(result.details ?? {}).map(([part, detail]) => [
      part,
      detail.status === 'down' ? { status: 'down' as const } : detail,
    ]),
  );
}
