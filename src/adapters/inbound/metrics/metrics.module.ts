import { Global, Module } from '@nestjs/common';
import { PHONE_METRICS } from '../../../application/ports/phone-metrics.port';
import { PrometheusMetrics } from '../../outbound/metrics/prometheus.metrics';
import { MetricsController } from './metrics.controller';

/** GET /metrics, and the PHONE_METRICS port for every module. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [PrometheusMetrics, { provide: PHONE_METRICS, useExisting: PrometheusMetrics }],
  exports: [PrometheusMetrics, PHONE_METRICS],
})
export class MetricsModule {}
