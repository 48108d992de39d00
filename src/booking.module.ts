import { Module } from '@nestjs/common';

/** The phone functions' use cases. */
@Module({})
export class BookingModule {}
