import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { BREAKER_STATES, BreakerStates } from '../../outbound/metrics/breaker-states';

/**
 * Cal.com is a mirror, not a dependency of answering calls: an open breaker makes the service
 * degraded (availability from the local calendar, sync jobs waiting), never not-ready.
 */
@Injectable()
export class CalendarHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Optional() @Inject(BREAKER_STATES) private readonly breakers?: BreakerStates,
  ) {}

  isHealthy(key = 'calendar') {
    const states = Object.fromEntries(this.breakers?.breakerStates() ?? new Map());
    const open = Object.values(states).filter((s) => s !== 'closed').length;
    return this.health.check(key).up({ degraded: open > 0, breakers: states });
  }
}
