import { Inject, Injectable } from '@nestjs/common';
import { CountryCode } from 'libphonenumber-js/max';
import { normaliseCallerNumber } from '../../domain/salon/caller-phone';
import { parseCallbackNumber } from '../../domain/salon/callback-number';
import { CallContext } from '../booking/call-context';
import { PhoneFunctionArgs } from '../booking/phone-functions';
import {
  CALLER_MESSAGES,
  CallerMessageKind,
  CallerMessages,
  MailStatus,
} from '../ports/caller-messages.port';
import { CLOCK, Clock } from '../ports/clock.port';
import { MESSAGE_MAIL_QUEUE, MessageMailQueue } from '../ports/message-mail-queue.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { SALON_MAILER, SalonMailer } from '../ports/salon-mailer.port';

export type LeaveMessageOutcome =
  | {
      readonly kind: 'stored';
      readonly request: CallerMessageKind;
      /** The number the salon will call back on (null: none given, the number withheld). */
      readonly callbackNumber: string | null;
      /** Whether the salon is told by e-mail (pending) or finds it in its list only. */
      readonly mail: MailStatus;
    }
  | {
      readonly kind: 'refused';
      readonly reason: 'MESSAGE_MISSING' | 'NUMBER_MISSING' | 'NUMBER_NOT_UNDERSTOOD';
    };

/**
 * "Kann mich jemand zurückrufen?" / "Richten Sie bitte aus, ...": stored at once with the call
 * id; the mail to the branch is a job for the worker carrying the message id only, so a slow or
 * broken mail server never holds up or fails the call. A job that cannot be queued (Redis
 * away) or gets lost is queued again by the worker's sweeper from the stored row. A callback
 * needs a number: the one said, else the caller's own.
 */
@Injectable()
export class LeaveMessageUseCase {
  constructor(
    @Inject(CALLER_MESSAGES) private readonly messages: CallerMessages,
    @Inject(SALON_MAILER) private readonly mailer: SalonMailer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MESSAGE_MAIL_QUEUE) private readonly mailQueue: MessageMailQueue,
  ) {}

  async execute(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
    request: CallerMessageKind,
  ): Promise<LeaveMessageOutcome> {
    const body = args.message ?? null;
    if (!body && request === 'message') return { kind: 'refused', reason: 'MESSAGE_MISSING' };
    const country = salon.country as CountryCode;
    let callbackNumber: string | null = null;
    if (args.callbackNumber) {
      const said = parseCallbackNumber(args.callbackNumber, country);
      if (!said.ok) return { kind: 'refused', reason: 'NUMBER_NOT_UNDERSTOOD' };
      callbackNumber = said.value;
    } else {
      const own = normaliseCallerNumber(call.callerNumber, country);
      callbackNumber = own.ok ? own.value : null;
    }
    if (request === 'callback' && callbackNumber === null) {
      return { kind: 'refused', reason: 'NUMBER_MISSING' };
    }
    const mailTo = salon.contact?.email ?? null;
    const mailStatus: MailStatus = !this.mailer.configured
      ? 'not_configured'
      : mailTo
        ? 'pending'
        : 'no_address';
    const stored = await this.messages.store({
      companyId: salon.companyId,
      branchId: salon.branch.id,
      callId: call.callId,
      kind: request,
      body,
      callerName: args.name ?? null,
      callbackNumber,
      preferredTime: args.preferredTime ?? null,
      createdAt: this.clock.now(),
      mailTo,
      mailStatus,
    });
    // Not awaited: the caller waits for no queue; a failed add leaves the row to the sweeper.
    if (stored.mailStatus === 'pending') void this.mailQueue.enqueue(stored.id).catch(() => 0);
    return { kind: 'stored', request, callbackNumber, mail: stored.mailStatus };
  }
}
