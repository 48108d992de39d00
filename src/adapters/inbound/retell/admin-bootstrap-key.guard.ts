import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { CodedHttpException } from '../../../common/coded-http.exception';
import { AdminRateLimited, AdminRateLimits } from '../admin/auth/admin-rate-limits';
import { RetellSettings } from './retell-settings';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * `x-api-key` must equal ADMIN_BOOTSTRAP_KEY (compared in constant time); without that key
 * configured nobody gets in. Company-scoped admin keys replace this with the admin API. The
 * admin API's rate limits hold here too, so the key cannot be guessed through this door.
 */
@Injectable()
export class AdminBootstrapKeyGuard implements CanActivate {
  constructor(
    private readonly settings: RetellSettings,
    private readonly limits: AdminRateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    try {
      return await this.check(http.getRequest<Request>());
    } catch (error) {
      if (error instanceof AdminRateLimited) {
        http.getResponse<Response>().setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
  }

  private async check(req: Request): Promise<boolean> {
    await this.limits.refuseGuessingClient(req);
    const expected = this.settings.adminKey;
    const sent = req.headers['x-api-key'];
    if (expected && typeof sent === 'string' && timingSafeEqual(digest(sent), digest(expected))) {
      await this.limits.countRequest({ kind: 'bootstrap', actor: 'admin:bootstrap' });
      return true;
    }
    await this.limits.failedAuthentication(req);
    throw new CodedHttpException(
      HttpStatus.UNAUTHORIZED,
      'ADMIN.UNAUTHORIZED',
      'A valid x-api-key header is required.',
    );
  }
}
