import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { CalendarHealthIndicator } from './calendar.health-indicator';
import { ReadinessLog } from './readiness-log';
import { RedisHealthIndicator } from './redis.health-indicator';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, CalendarHealthIndicator, ReadinessLog],
})
export class HealthModule {}
