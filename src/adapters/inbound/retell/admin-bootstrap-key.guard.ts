import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { CodedHttpException } from '../../../common/coded-http.exception';
import { RetellSettings } from './retell-settings';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * `x-api-key` must equal ADMIN_BOOTSTRAP_KEY (compared in constant time); without that key
 * configured nobody gets in. Company-scoped admin keys replace this with the admin API.
 */
@Injectable()
export class AdminBootstrapKeyGuard implements CanActivate {
  constructor(private readonly settings: RetellSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.settings.adminKey;
    const sent = context.switchToHttp().getRequest<Request>().headers['x-api-key'];
    if (expected && typeof sent === 'string' && timingSafeEqual(digest(sent), digest(expected))) {
      return true;
    }
    throw new CodedHttpException(
      HttpStatus.UNAUTHORIZED,
      'ADMIN.UNAUTHORIZED',
      'A valid x-api-key header is required.',
    );
  }
}
