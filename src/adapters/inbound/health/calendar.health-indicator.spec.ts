import { HealthIndicatorService } from '@nestjs/terminus';
import { CalendarHealthIndicator } from './calendar.health-indicator';

describe('CalendarHealthIndicator', () => {
  const indicator = (states: Array<[string, 'closed' | 'open' | 'half_open']>) =>
    new CalendarHealthIndicator(new HealthIndicatorService(), {
      breakerStates: () => new Map(states),
    });

  it.each([
    ['no breaker yet', [], false],
    ['all closed', [['cred-a', 'closed']], false],
    [
      'one open',
      [
        ['cred-a', 'closed'],
        ['cred-b', 'open'],
      ],
      true,
    ],
    ['one half open', [['cred-a', 'half_open']], true],
  ] as const)('%s: up, degraded=%s', (_label, states, degraded) => {
    const result = indicator([...states] as Array<
      [string, 'closed' | 'open' | 'half_open']
    >).isHealthy();
    expect(result.calendar.status).toBe('up');
    expect(result.calendar.degraded).toBe(degraded);
  });

  it('is up without any calendar at all (local calendar)', () => {
    const local = new CalendarHealthIndicator(new HealthIndicatorService());
    expect(local.isHealthy()).toEqual({
      calendar: { status: 'up', degraded: false, breakers: {} },
    });
  });
});
