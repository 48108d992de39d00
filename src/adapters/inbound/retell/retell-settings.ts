import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';

/** The Retell edge's settings, read once from the validated environment. */
@Injectable()
export class RetellSettings implements OnModuleInit {
  private readonly logger = new Logger('RetellSettings');

  constructor(private readonly config: AppConfig) {}

  get apiKey(): string | undefined {
    return this.config.env.RETELL_API_KEY;
  }
  get verifySignatures(): boolean {
    return this.config.env.RETELL_VERIFY_SIGNATURES;
  }
  get ratePerCall(): number {
    return this.config.env.RETELL_RATE_LIMIT_PER_CALL;
  }
  get ratePerTenant(): number {
    return this.config.env.RETELL_RATE_LIMIT_PER_TENANT;
  }
  get failedSignaturesPerClient(): number {
    return this.config.env.RETELL_RATE_LIMIT_FAILED_SIGNATURE_PER_CLIENT;
  }
  get adminKey(): string | undefined {
    return this.config.env.ADMIN_BOOTSTRAP_KEY;
  }

  /** Said once at start, loudly, when Retell's requests are not (or cannot be) verified. */
  onModuleInit(): void {
    if (!this.verifySignatures) {
      this.logger.warn(
        '!!! RETELL_VERIFY_SIGNATURES=false: Retell requests are NOT verified. ' +
          'Anyone who can reach /api/retell can act as the phone agent. Demo use only. !!!',
      );
    } else if (!this.apiKey) {
      this.logger.warn(
        'RETELL_API_KEY is not set: requests for salons without their own Retell key are ' +
          'refused with 401.',
      );
    }
  }
}
