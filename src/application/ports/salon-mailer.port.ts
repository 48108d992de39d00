import { CallerMessage, MessagePlace } from './caller-messages.port';

export const SALON_MAILER = Symbol('SalonMailer');

/** Sends a caller's message to the salon; the adapter words and formats it. */
export interface SalonMailer {
  /** False: no mail server is configured, messages are only kept. */
  readonly configured: boolean;
  /** Rejects when the mail server refuses or cannot be reached. */
  sendCallerMessage(to: string, message: CallerMessage, place: MessagePlace): Promise<void>;
}
