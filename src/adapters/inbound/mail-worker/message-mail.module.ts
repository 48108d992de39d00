import { DynamicModule, Module, Provider } from '@nestjs/common';
import type Redis from 'ioredis';
import { SendMessageMailUseCase } from '../../../application/info/send-message-mail.use-case';
import {
  DEFAULT_MAIL_SWEEPER_SETTINGS,
  MAIL_SWEEPER_SETTINGS,
  StalledMailSweeper,
} from '../../../application/info/stalled-mail-sweeper';
import { MESSAGE_MAIL_QUEUE } from '../../../application/ports/message-mail-queue.port';
import { AppConfig } from '../../../config/app-config';
import { InProcessMessageMailQueue } from '../../outbound/local/in-process-message-mail.queue';
import { BullMqMessageMailQueue } from '../../outbound/queue/bullmq-message-mail.queue';
import { FAIL_FAST_REDIS, REDIS_CONNECTION } from '../../outbound/queue/redis.connection';
import { redisKeys } from '../../outbound/queue/redis-keys';
import { PersistenceModule } from '../../outbound/persistence/persistence.module';
import { BullMqMessageMailWorker } from './bullmq-message-mail.worker';
import {
  MESSAGE_MAIL_CONSUMER,
  MESSAGE_MAIL_SENDS,
  MessageMailConsumer,
  NO_MESSAGE_MAIL_CONSUMER,
} from './message-mail-consumer';

/**
 * The callers' message mail queue: BullMQ (REDIS_URL set) or in this process. Where a mail server
 * is configured, the process that runs the calendar sync (SYNC_WORKER_IN_PROCESS, always
 * `start:worker`; the only process without Redis) also sends the mails and sweeps lost jobs;
 * an API process only adds jobs.
 * Global, as the phone function that stores a message adds its job.
 */
@Module({})
export class MessageMailModule {
  static forRoot(config: AppConfig): DynamicModule {
    const { env } = config;
    const prefix = redisKeys(env.REDIS_KEY_PREFIX).queue;
    // No mail server: nothing is ever queued (the messages are only kept), so nothing consumes.
    const mails = Boolean(env.SMTP_URL || env.SMTP_HOST);
    const consumes = mails && (!config.usesRedis || env.SYNC_WORKER_IN_PROCESS);
    const queue: Provider = config.usesRedis
      ? {
          provide: MESSAGE_MAIL_QUEUE,
          inject: [FAIL_FAST_REDIS],
          useFactory: (redis: Redis) => new BullMqMessageMailQueue(redis, { prefix }),
        }
      : { provide: MESSAGE_MAIL_QUEUE, useFactory: () => new InProcessMessageMailQueue() };
    const consumer: Provider = !consumes
      ? { provide: MESSAGE_MAIL_CONSUMER, useValue: NO_MESSAGE_MAIL_CONSUMER }
      : config.usesRedis
        ? {
            provide: MESSAGE_MAIL_CONSUMER,
            inject: [REDIS_CONNECTION, SendMessageMailUseCase],
            useFactory: (redis: Redis, mail: SendMessageMailUseCase) =>
              new BullMqMessageMailWorker(redis, mail, { prefix }),
          }
        : {
            provide: MESSAGE_MAIL_CONSUMER,
            inject: [MESSAGE_MAIL_QUEUE, SendMessageMailUseCase],
            useFactory: (
              local: InProcessMessageMailQueue,
              mail: SendMessageMailUseCase,
            ): MessageMailConsumer => ({
              start: () => local.consume(mail),
              close: () => local.close(),
            }),
          };
    return {
      module: MessageMailModule,
      global: true,
      imports: [PersistenceModule],
      providers: [
        SendMessageMailUseCase,
        { provide: MAIL_SWEEPER_SETTINGS, useValue: DEFAULT_MAIL_SWEEPER_SETTINGS },
        StalledMailSweeper,
        queue,
        consumer,
        { provide: MESSAGE_MAIL_SENDS, useValue: consumes },
      ],
      exports: [MESSAGE_MAIL_QUEUE, MESSAGE_MAIL_CONSUMER, StalledMailSweeper, MESSAGE_MAIL_SENDS],
    };
  }
}
