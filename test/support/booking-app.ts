import { Global, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalCalendar } from '../../src/adapters/outbound/local/local-calendar.gateway';
import { PHONE_TRAFFIC, PhoneTraffic } from '../../src/application/calls/phone-traffic';
import { CALENDAR_GATEWAY } from '../../src/application/ports/calendar-gateway.port';
import { CLOCK, Clock } from '../../src/application/ports/clock.port';
import { NO_PHONE_METRICS, PHONE_METRICS } from '../../src/application/ports/phone-metrics.port';
import { NO_SYNC_KICKS, SYNC_KICKER } from '../../src/application/ports/sync-queue.port';
import {
  MESSAGE_MAIL_QUEUE,
  MessageMailQueue,
  NO_MESSAGE_MAILS,
} from '../../src/application/ports/message-mail-queue.port';
import { ImportSalonUseCase } from '../../src/application/salon-file/import-salon.use-case';
import { dataSourceOptions } from '../../src/adapters/outbound/persistence/data-source.factory';
import { BookingModule } from '../../src/booking.module';
import { AppConfig } from '../../src/config/app-config';
import { validateEnvironment } from '../../src/config/environment';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant.getTime());
  }
  set(instant: Date): void {
    this.instant = instant;
  }
  advanceMinutes(minutes: number): void {
    this.instant = new Date(this.instant.getTime() + minutes * 60_000);
  }
}

/** The booking use cases over real persistence, with the demo salon imported. */
export async function bookingApp(
  url: string,
  clock: TestClock,
  options: {
    importSalon?: boolean;
    env?: Record<string, string>;
    /** Where stored callers' messages queue their mail (default: nowhere). */
    mailQueue?: MessageMailQueue;
  } = {},
): Promise<TestingModule> {
  @Global()
  @Module({
    providers: [
      { provide: CLOCK, useValue: clock },
      {
        provide: AppConfig,
        useValue: new AppConfig(
          validateEnvironment({ DATABASE_URL: url, SEED_DEMO_SALON: 'false', ...options.env }),
        ),
      },
      // What the app's calendar, sync and metrics modules give the booking: here no Cal.com,
      // no relay and no exporter.
      { provide: CALENDAR_GATEWAY, useValue: new LocalCalendar() },
      { provide: SYNC_KICKER, useValue: NO_SYNC_KICKS },
      { provide: PHONE_TRAFFIC, useValue: new PhoneTraffic(0) },
      { provide: PHONE_METRICS, useValue: NO_PHONE_METRICS },
      { provide: MESSAGE_MAIL_QUEUE, useValue: options.mailQueue ?? NO_MESSAGE_MAILS },
    ],
    exports: [
      CLOCK,
      AppConfig,
      CALENDAR_GATEWAY,
      SYNC_KICKER,
      PHONE_TRAFFIC,
      PHONE_METRICS,
      MESSAGE_MAIL_QUEUE,
    ],
  })
  class TestCoreModule {}

  const module = await Test.createTestingModule({
    imports: [TestCoreModule, TypeOrmModule.forRoot(dataSourceOptions({ url })), BookingModule],
  }).compile();
  await module.init();
  if (options.importSalon === false) return module;
  const file = JSON.parse(readFileSync(join(__dirname, '../../fixtures/demo-salon.json'), 'utf8'));
  const imported = await module.get(ImportSalonUseCase).execute(file);
  if (!imported.ok) throw new Error(`demo salon refused: ${JSON.stringify(imported.error)}`);
  return module;
}
