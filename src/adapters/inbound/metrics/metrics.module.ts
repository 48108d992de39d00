import { Global, Module } from '@nestjs/common';
import { PHONE_METRICS } from '../../../application/ports/phone-metrics.port';
import { CALENDAR_GATEWAY } from '../../../application/ports/calendar-gateway.port';
import { CalcomCalendarGateway } from '../../outbound/calcom/calcom-calendar.gateway';
import { BREAKER_STATES, BreakerStates } from '../../../application/ports/breaker-states.port';
import { PrometheusMetrics } from '../../outbound/metrics/prometheus.metrics';
import { MetricsController } from './metrics.controller';

/** GET /metrics, and the PHONE_METRICS port for every module. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    PrometheusMetrics,
    { provide: PHONE_METRICS, useExisting: PrometheusMetrics },
    {
      provide: BREAKER_STATES,
      inject: [{ token: CALENDAR_GATEWAY, optional: true }],
      // Only the Cal.com gateway has breakers; the local calendar reports none.
      useFactory: (gateway?: unknown): BreakerStates => ({
        breakerStates: () =>
          gateway instanceof CalcomCalendarGateway ? gateway.breakerStates() : new Map(),
      }),
    },
  ],
  exports: [PrometheusMetrics, PHONE_METRICS, BREAKER_STATES],
})
export class MetricsModule {}
