import { Inject, Injectable, Logger } from '@nestjs/common';
import { CALLER_MESSAGES, CallerMessages } from '../ports/caller-messages.port';
import { CLOCK, Clock } from '../ports/clock.port';
import { MESSAGE_MAIL_QUEUE, MessageMailQueue } from '../ports/message-mail-queue.port';
import { PeriodicSweep } from '../shared/periodic-sweep';

export const MAIL_SWEEPER_SETTINGS = Symbol('MailSweeperSettings');

export interface MailSweeperSettings {
  /** A pending mail due this long ago and untouched is queued again. */
  readonly staleAfterMs: number;
  /** Sweep this often (0: no polling). */
  readonly intervalMs: number;
  readonly batchSize: number;
}

/** A lost mail job runs again within a minute: after at most 30 s overdue plus one 15 s round. */
export const DEFAULT_MAIL_SWEEPER_SETTINGS: MailSweeperSettings = {
  staleAfterMs: 30_000,
  intervalMs: 15_000,
  batchSize: 100,
};

/**
 * Finds messages whose mail is pending and overdue, and queues them again: the job was lost
 * (the API process stored the row and died before the add, Redis was away or restarted without
 * its data). A job that still waits behind others may be queued twice; the claim before sending
 * makes that harmless. A retry waiting for its time, or a mail being sent (the claim moves the
 * due time to the end of its lease), is not overdue and is left alone.
 */
@Injectable()
export class StalledMailSweeper {
  private readonly log = new Logger('CallerMessageMail');
  private readonly periodic: PeriodicSweep<number>;

  constructor(
    @Inject(CALLER_MESSAGES) private readonly messages: CallerMessages,
    @Inject(MESSAGE_MAIL_QUEUE) private readonly queue: MessageMailQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MAIL_SWEEPER_SETTINGS) private readonly settings: MailSweeperSettings,
  ) {
    this.periodic = new PeriodicSweep(
      () => this.sweepAll(),
      settings.intervalMs,
      (error: unknown) => {
        this.log.warn(`mail sweep failed: ${error instanceof Error ? error.name : 'error'}`);
      },
    );
  }

  /** Queues every overdue mail again; concurrent calls join the running sweep. */
  sweep(): Promise<number> {
    return this.periodic.run();
  }

  startPolling(): void {
    this.periodic.startPolling();
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }

  private async sweepAll(): Promise<number> {
    const now = this.clock.now().getTime();
    const { staleAfterMs, batchSize } = this.settings;
    // The round is the age window: sweepers in several workers queue one job per message and
    // window, and a later window queues a fresh one should that be lost too.
    const round = String(Math.floor(now / Math.max(staleAfterMs, 1)));
    let total = 0;
    let after: string | undefined;
    for (;;) {
      const ids = await this.messages.overdueMail(new Date(now - staleAfterMs), batchSize, after);
      for (const id of ids) await this.queue.enqueue(id, round);
      total += ids.length;
      if (ids.length < batchSize) break;
      after = ids[ids.length - 1];
    }
    if (total > 0) this.log.log(`queued ${total} overdue message mail(s) again`);
    return total;
  }
}
