import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { StalledMailSweeper } from '../../../application/info/stalled-mail-sweeper';
import {
  MESSAGE_MAIL_QUEUE,
  type MessageMailQueue,
} from '../../../application/ports/message-mail-queue.port';
import {
  MESSAGE_MAIL_CONSUMER,
  MESSAGE_MAIL_SENDS,
  type MessageMailConsumer,
} from './message-mail-consumer';

/**
 * Where this process sends the mails: starts the consumer and the sweeper for lost jobs (which
 * also runs once at start, for what a stopped process left); stops them on shutdown, the
 * consumer before the queue.
 */
@Injectable()
export class MessageMailWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(MESSAGE_MAIL_CONSUMER) private readonly consumer: MessageMailConsumer,
    @Inject(MESSAGE_MAIL_QUEUE)
    private readonly queue: MessageMailQueue & { close(): Promise<void> },
    @Inject(MESSAGE_MAIL_SENDS) private readonly sends: boolean,
    private readonly sweeper: StalledMailSweeper,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.sends) return;
    this.consumer.start();
    this.sweeper.startPolling();
    void this.sweeper.sweep().catch(() => 0);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sweeper.stop();
    await this.consumer.close();
    await this.queue.close();
  }
}
