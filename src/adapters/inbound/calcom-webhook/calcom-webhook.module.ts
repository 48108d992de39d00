import { Module } from '@nestjs/common';
import { PersistenceModule } from '../../outbound/persistence/persistence.module';
import { ApplyCalendarEventUseCase } from '../../../application/sync/apply-calendar-event.use-case';
import { CalcomWebhookController } from './calcom-webhook.controller';

/** Cal.com → us. The ports it needs come from CalendarSyncModule (global) and persistence. */
@Module({
  imports: [PersistenceModule],
  controllers: [CalcomWebhookController],
  providers: [ApplyCalendarEventUseCase],
})
export class CalcomWebhookModule {}
