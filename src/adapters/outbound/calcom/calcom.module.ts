import { Global, Module } from '@nestjs/common';
import type Redis from 'ioredis';
import { BREAKER_STATES } from '../../../application/ports/breaker-states.port';
import {
  CALENDAR_CREDENTIAL_CHANGES,
  type CalendarCredentialChanges,
} from '../../../application/ports/calendar-credential-changes.port';
import {
  CALENDAR_CREDENTIALS,
  CALENDAR_GATEWAY,
  type CalendarCredentials,
} from '../../../application/ports/calendar-gateway.port';
import { AppConfig } from '../../../config/app-config';
import { FAIL_FAST_REDIS } from '../queue/redis.connection';
import { redisKeys } from '../queue/redis-keys';
import { allowedHostKeys } from './calcom-address-policy';
import { CalcomCalendarGateway } from './calcom-calendar.gateway';

/**
 * The calendar port on Cal.com (CALCOM_API_KEY set): the gateway with its breakers, which
 * health and metrics read, and the hook that drops a rotated key's breaker. Global, as the
 * booking, the sync and the admin API all use the calendar.
 */
@Global()
@Module({
  providers: [
    {
      provide: CALENDAR_GATEWAY,
      // The slot cache is read during calls: on the fail-fast connection, a miss while away.
      inject: [AppConfig, CALENDAR_CREDENTIALS, FAIL_FAST_REDIS],
      useFactory: (config: AppConfig, credentials: CalendarCredentials, redis: Redis | null) =>
        new CalcomCalendarGateway(credentials, {
          redis,
          config: {
            baseUrl: config.env.CALCOM_BASE_URL,
            allowedHosts: allowedHostKeys(config.env.CALCOM_ALLOWED_HOSTS),
            slotCache: { keyPrefix: redisKeys(config.env.REDIS_KEY_PREFIX).slotCache },
            quota: {
              keyPrefix: redisKeys(config.env.REDIS_KEY_PREFIX).calcomQuota,
              limit: config.env.CALCOM_RATE_LIMIT_PER_MINUTE,
              liveReservePercent: config.env.CALCOM_LIVE_RESERVE_PERCENT,
              maxWaitMs: config.env.CALCOM_QUOTA_MAX_WAIT_MS,
            },
            eventTypes: { keyPrefix: redisKeys(config.env.REDIS_KEY_PREFIX).calcomEventTypes },
            breaker: {
              errorThresholdPercentage: config.env.CALCOM_BREAKER_ERROR_PERCENT,
              volumeThreshold: config.env.CALCOM_BREAKER_VOLUME,
              resetTimeoutMs: config.env.CALCOM_BREAKER_RESET_MS,
            },
            listMaxPages: config.env.CALCOM_LIST_MAX_PAGES,
          },
        }),
    },
    { provide: BREAKER_STATES, useExisting: CALENDAR_GATEWAY },
    {
      // A rotated or removed key: its cached secret and its breaker go at once in this process.
      provide: CALENDAR_CREDENTIAL_CHANGES,
      inject: [CALENDAR_CREDENTIALS, CALENDAR_GATEWAY],
      useFactory: (
        credentials: CalendarCredentials,
        gateway: CalcomCalendarGateway,
      ): CalendarCredentialChanges => ({
        changed: (ref) => {
          credentials.forget?.(ref);
          gateway.forgetCredential(ref);
        },
      }),
    },
  ],
  exports: [CALENDAR_GATEWAY, BREAKER_STATES, CALENDAR_CREDENTIAL_CHANGES],
})
export class CalcomModule {}
