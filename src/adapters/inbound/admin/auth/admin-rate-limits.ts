import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AdminPrincipal } from '../../../../application/admin/admin-actor';
import { AppConfig } from '../../../../config/app-config';
import { SlidingWindowLimiter } from '../../retell/sliding-window.limiter';
import { CodedRefusal } from './coded-refusal';

export const ADMIN_RATE_LIMITER = Symbol('AdminRateLimiter');
const WINDOW_MS = 60_000;

/** 429 with the window's length as Retry-After; the admin error filter keeps the code. */
export class AdminRateLimited extends CodedRefusal {
  readonly retryAfterSeconds = WINDOW_MS / 1000;
  constructor() {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'ADMIN.RATE_LIMITED',
      'Too many requests; wait a minute and try again.',
    );
  }
}

const clientOf = (req: Request): string => req.ip ?? req.socket?.remoteAddress ?? 'unknown';

/**
 * The admin API's two limits, both over a sliding minute: failed authentications per client
 * address (slows key guessing: once over, the address is refused before any key is checked, so
 * a right guess is not recognisable either), and requests per authenticated key.
 */
@Injectable()
export class AdminRateLimits {
  constructor(
    private readonly config: AppConfig,
    @Inject(ADMIN_RATE_LIMITER) private readonly limiter: SlidingWindowLimiter,
  ) {}

  async refuseGuessingClient(req: Request): Promise<void> {
    const limit = this.config.env.ADMIN_RATE_LIMIT_FAILED_AUTH_PER_CLIENT;
    if (await this.limiter.full(`auth-failed:${clientOf(req)}`, limit, WINDOW_MS, Date.now())) {
      throw new AdminRateLimited();
    }
  }

  async failedAuthentication(req: Request): Promise<void> {
    const limit = this.config.env.ADMIN_RATE_LIMIT_FAILED_AUTH_PER_CLIENT;
    await this.limiter.hit(`auth-failed:${clientOf(req)}`, limit, WINDOW_MS, Date.now());
  }

  async countRequest(principal: AdminPrincipal): Promise<void> {
    const key = principal.kind === 'bootstrap' ? 'bootstrap' : principal.keyId;
    const limit = this.config.env.ADMIN_RATE_LIMIT_PER_KEY;
    if (!(await this.limiter.hit(`key:${key}`, limit, WINDOW_MS, Date.now()))) {
      throw new AdminRateLimited();
    }
  }
}
