import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { CALLER_MESSAGES, CallerMessages } from '../ports/caller-messages.port';
import { CLOCK, Clock } from '../ports/clock.port';
import { SALON_MAILER, SalonMailer } from '../ports/salon-mailer.port';

/** Tries before a mail counts as failed; waits grow 30 s, 1 min, 2 min, ... up to an hour. */
export const MAIL_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3_600_000;
/** A claimed mail another process may take over if this one died while sending. */
const LEASE_MS = 120_000;
const SWEEP_MS = 15_000;
const BATCH = 20;

/**
 * Sends callers' messages to the salon after the call stored them: right after storing, and
 * every SWEEP_MS for retries and for what another process stored. A failing mail server leaves
 * the message stored and due again later; logs name only ids, never the text, names or numbers.
 */
@Injectable()
export class CallerMessageMailSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CallerMessageMail');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    @Inject(CALLER_MESSAGES) private readonly messages: CallerMessages,
    @Inject(SALON_MAILER) private readonly mailer: SalonMailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.mailer.configured) return;
    this.timer = setInterval(() => this.soon(), SWEEP_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => 0);
  }

  /** Sends what is due in the background; the caller of soon() never waits for a mail. */
  soon(): void {
    if (this.stopped || !this.mailer.configured) return;
    setImmediate(() => void this.sendDue().catch(() => 0));
  }

  /** Sends every mail due now, one batch after another; answers how many went out. */
  async sendDue(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.drain().finally(() => (this.running = null));
    return this.running;
  }

  private async drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const now = this.clock.now();
      const due = await this.messages.claimDueMail(now, new Date(now.getTime() + LEASE_MS), BATCH);
      for (const { message, mailTo, place } of due) {
        try {
          await this.mailer.sendCallerMessage(mailTo, message, place);
          await this.messages.markMailed(message.id, this.clock.now());
          sent++;
        } catch (error) {
          const attempts = message.mailAttempts + 1;
          const wait = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS);
          const retryAt =
            attempts >= MAIL_ATTEMPTS ? null : new Date(this.clock.now().getTime() + wait);
          const reason = (error as { code?: string }).code ?? (error as Error).name;
          await this.messages.markMailFailed(message.id, String(reason).slice(0, 200), retryAt);
          this.logger.warn(`mail for message ${message.id} failed (${reason}), try ${attempts}`);
        }
      }
      if (due.length < BATCH || this.stopped) return sent;
    }
  }
}
