import { Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { CALL_REPOSITORY, CallRepository } from '../../../application/ports/call.repository.port';
import { AppConfig } from '../../../config/app-config';
import { BookingModule } from '../../../booking.module';
import { PersistenceModule } from '../../outbound/persistence/persistence.module';
import { TraceWriteBehind } from '../../../application/calls/trace-write-behind';
import { FAIL_FAST_REDIS } from '../../outbound/queue/redis.connection';
import { redisKeys } from '../../outbound/queue/redis-keys';
import { AdminRateLimitModule } from '../admin/auth/admin-rate-limit.module';
import { AdminBootstrapKeyGuard } from './admin-bootstrap-key.guard';
import { RetellCallWebhookHandler } from './retell-call-webhook.handler';
import { RetellFunctionCallHandler } from './retell-function-call.handler';
import { RetellFunctionController } from './retell-function.controller';
import { RetellInboundCallHandler } from './retell-inbound-call.handler';
import { RATE_LIMIT_TIME, REAL_TIME } from './rate-limit-time';
import { RATE_LIMITER, RetellSharedRateGuard } from './retell-shared-rate.guard';
import { RetellRequestTenant } from './retell-request-tenant';
import { RetellSettings } from './retell-settings';
import { RetellSignatureFailures } from './retell-signature-failures';
import { RetellSignatureGuard } from './retell-signature.guard';
import { RetellTenantResolver } from './retell-tenant.resolver';
import { RetellToolsController } from './retell-tools.controller';
import { RetellWebhookController } from './retell-webhook.controller';
import { MemorySlidingWindow, RedisSlidingWindow } from './sliding-window.limiter';

/**
 * Retell's function calls and webhooks: signature and rate guards, tenant and call-id
 * resolution, argument normalisation, the phone functions, and the call's trace.
 */
@Module({
  imports: [PersistenceModule, BookingModule, AdminRateLimitModule],
  controllers: [RetellFunctionController, RetellWebhookController, RetellToolsController],
  providers: [
    RetellSettings,
    RetellTenantResolver,
    RetellFunctionCallHandler,
    RetellCallWebhookHandler,
    RetellInboundCallHandler,
    RetellRequestTenant,
    RetellSignatureFailures,
    RetellSignatureGuard,
    RetellSharedRateGuard,
    { provide: RATE_LIMIT_TIME, useValue: REAL_TIME },
    AdminBootstrapKeyGuard,
    {
      provide: TraceWriteBehind,
      inject: [CALL_REPOSITORY, AppConfig],
      useFactory: (calls: CallRepository, config: AppConfig) =>
        new TraceWriteBehind(calls, config.env.TRACE_FLUSH_MS),
    },
    {
      provide: RATE_LIMITER,
      inject: [AppConfig, FAIL_FAST_REDIS],
      // Shared by all instances through Redis when the service has it, else per process; while
      // Redis is away each instance counts in its memory instead.
      useFactory: (config: AppConfig, redis: Redis | null) =>
        redis
          ? new RedisSlidingWindow(redis, redisKeys(config.env.REDIS_KEY_PREFIX).retellRateLimits)
          : new MemorySlidingWindow(),
    },
  ],
})
export class RetellModule {}
