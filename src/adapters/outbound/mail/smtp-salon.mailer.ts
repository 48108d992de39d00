import { createTransport, Transporter } from 'nodemailer';
import { CallerMessage, MessagePlace } from '../../../application/ports/caller-messages.port';
import { SalonMailer } from '../../../application/ports/salon-mailer.port';
import { callerMessageMail } from './caller-message.mail';

export interface SmtpSettings {
  readonly url?: string;
  readonly host?: string;
  readonly port: number;
  readonly from: string;
}

/** A mail server that never answers must not hold a sender for minutes. */
const TIMEOUT_MS = 10_000;

/** Callers' messages over SMTP (nodemailer); none configured: a mailer that sends nothing. */
export class SmtpSalonMailer implements SalonMailer {
  private readonly transport: Transporter | null;

  constructor(private readonly settings: SmtpSettings) {
    const timeouts = {
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    };
    this.transport = settings.url
      ? createTransport({ url: settings.url, ...timeouts })
      : settings.host
        ? createTransport({
            host: settings.host,
            port: settings.port,
            secure: settings.port === 465,
            ...timeouts,
          })
        : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  async sendCallerMessage(to: string, message: CallerMessage, place: MessagePlace): Promise<void> {
    if (!this.transport) throw new Error('no mail server configured');
    const { subject, text } = callerMessageMail(message, place);
    await this.transport.sendMail({ from: this.settings.from, to, subject, text });
  }

  close(): void {
    this.transport?.close();
  }
}
