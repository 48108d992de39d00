import { Module } from '@nestjs/common';
import { MessageMailWorkerService } from './message-mail-worker.service';

/** Runs the callers' message mails in this process where it sends them (see MessageMailModule). */
@Module({ providers: [MessageMailWorkerService] })
export class MessageMailWorkerModule {}
