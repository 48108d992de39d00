import { Inject, Injectable, Logger } from '@nestjs/common';
import { CALLER_MESSAGES, CallerMessages } from '../ports/caller-messages.port';
import { CLOCK, Clock } from '../ports/clock.port';
import { MailVerdict, MessageMailHandler } from '../ports/message-mail-queue.port';
import { SALON_MAILER, SalonMailer } from '../ports/salon-mailer.port';

/** Tries before a mail counts as failed; waits grow 30 s, 1 min, 2 min, ... up to an hour. */
export const MAIL_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3_600_000;
/** A claimed mail another worker may take over if this one died while sending. */
export const MAIL_LEASE_MS = 120_000;

/**
 * Mails one stored caller's message to the salon (in the worker, never while a call waits).
 * The row is claimed first, so two jobs of one message (a swept one beside the original) send
 * it once. A refusing mail server leaves it pending with the next try written on the row, and
 * the job comes back then; logs name only the message id, never its text, names or numbers.
 */
@Injectable()
export class SendMessageMailUseCase implements MessageMailHandler {
  private readonly logger = new Logger('CallerMessageMail');

  constructor(
    @Inject(CALLER_MESSAGES) private readonly messages: CallerMessages,
    @Inject(SALON_MAILER) private readonly mailer: SalonMailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(messageId: string): Promise<MailVerdict> {
    if (!this.mailer.configured) return { kind: 'done' };
    const now = this.clock.now();
    const due = await this.messages.claimMail(
      messageId,
      now,
      new Date(now.getTime() + MAIL_LEASE_MS),
    );
    if (!due) return { kind: 'done' };
    const { message, mailTo, place } = due;
    try {
      await this.mailer.sendCallerMessage(mailTo, message, place);
      await this.messages.markMailed(message.id, this.clock.now());
      return { kind: 'done' };
    } catch (error) {
      const attempts = message.mailAttempts + 1;
      const wait = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS);
      const retry = attempts < MAIL_ATTEMPTS;
      const retryAt = retry ? new Date(this.clock.now().getTime() + wait) : null;
      const reason = String((error as { code?: string }).code ?? (error as Error).name);
      await this.messages.markMailFailed(message.id, reason.slice(0, 200), retryAt);
      this.logger.warn(`mail for message ${message.id} failed (${reason}), try ${attempts}`);
      return retry ? { kind: 'later', delayMs: wait } : { kind: 'done' };
    }
  }
}
