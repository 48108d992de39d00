import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import {
  BREAKER_STATES,
  BreakerStates,
  NO_BREAKERS,
} from '../../../application/ports/breaker-states.port';

/**
 * Cal.com is a mirror, not a dependency of answering calls: an open breaker makes the service
 * degraded (availability from the local calendar, sync jobs waiting), never not-ready.
 */
@Injectable()
export class CalendarHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(BREAKER_STATES) private readonly breakers: BreakerStates = NO_BREAKERS,
  ) {}

  isHealthy(key = 'calendar') {
    const states = Object.fromEntries(this.breakers.breakerStates());
    const open = Object.values(states).filter((s) => s !== 'closed').length;
    return this.health.check(key).up({ degraded: open > 0, breakers: states });
  }
}
