import { Module } from '@nestjs/common';
import { CALENDAR_CREDENTIALS } from '../../../application/ports/calendar-gateway.port';
import { ApplyCalendarEventUseCase } from '../../../application/sync/apply-calendar-event.use-case';
import { AppConfig } from '../../../config/app-config';
import { PersistenceModule } from '../../outbound/persistence/persistence.module';
import {
  CALCOM_WEBHOOK_SECRETS,
  type TenantWebhookSecrets,
  type WebhookSecrets,
} from './calcom-webhook-secrets';
import { CalcomWebhookController } from './calcom-webhook.controller';

/** Cal.com → us. The calendar ports come from the calendar sync (global) and persistence. */
@Module({
  imports: [PersistenceModule],
  controllers: [CalcomWebhookController],
  providers: [
    ApplyCalendarEventUseCase,
    {
      provide: CALCOM_WEBHOOK_SECRETS,
      inject: [AppConfig, CALENDAR_CREDENTIALS],
      useFactory:
        (config: AppConfig, credentials: TenantWebhookSecrets): WebhookSecrets =>
        async () => [
          // The operator's own secret belongs to no tenant; each account's binds its tenant.
          ...(config.env.CALCOM_WEBHOOK_SECRET
            ? [{ companyId: null, secret: config.env.CALCOM_WEBHOOK_SECRET }]
            : []),
          ...(await credentials.webhookSecrets()),
        ],
    },
  ],
})
export class CalcomWebhookModule {}
