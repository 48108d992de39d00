import { Global, Module } from '@nestjs/common';
import { BREAKER_STATES, NO_BREAKERS } from '../../../application/ports/breaker-states.port';
import {
  CALENDAR_CREDENTIAL_CHANGES,
  type CalendarCredentialChanges,
} from '../../../application/ports/calendar-credential-changes.port';
import {
  CALENDAR_CREDENTIALS,
  CALENDAR_GATEWAY,
  type CalendarCredentials,
} from '../../../application/ports/calendar-gateway.port';
import { LocalCalendar } from './local-calendar.gateway';

/**
 * The calendar port without Cal.com (`npm start`): the local calendar, which has no breakers.
 * A credential stored through the admin API is still forgotten when it changes.
 */
@Global()
@Module({
  providers: [
    { provide: CALENDAR_GATEWAY, useClass: LocalCalendar },
    { provide: BREAKER_STATES, useValue: NO_BREAKERS },
    {
      provide: CALENDAR_CREDENTIAL_CHANGES,
      inject: [CALENDAR_CREDENTIALS],
      useFactory: (credentials: CalendarCredentials): CalendarCredentialChanges => ({
        changed: (ref) => credentials.forget?.(ref),
      }),
    },
  ],
  exports: [CALENDAR_GATEWAY, BREAKER_STATES, CALENDAR_CREDENTIAL_CHANGES],
})
export class LocalCalendarModule {}
