import { Module } from '@nestjs/common';

/** The calendar mirror: outbox relay, queue, sync processor, calendar gateway. */
@Module({})
export class CalendarSyncModule {}
