import { Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { SALON_MAILER } from '../../../application/ports/salon-mailer.port';
import { AppConfig } from '../../../config/app-config';
import { SmtpSalonMailer } from './smtp-salon.mailer';

/** Binds the salon mailer: SMTP when SMTP_URL or SMTP_HOST is set, else one that is off. */
@Global()
@Module({
  providers: [
    {
      provide: SALON_MAILER,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new SmtpSalonMailer({
          url: config.env.SMTP_URL,
          host: config.env.SMTP_HOST,
          port: config.env.SMTP_PORT,
          from: config.env.SMTP_FROM,
        }),
    },
  ],
  exports: [SALON_MAILER],
})
export class MailModule implements OnModuleDestroy {
  constructor(@Inject(SALON_MAILER) private readonly mailer: SmtpSalonMailer) {}

  onModuleDestroy(): void {
    this.mailer.close();
  }
}
