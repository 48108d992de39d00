import { Module } from '@nestjs/common';

/** Retell's function calls and webhooks. */
@Module({})
export class RetellModule {}
