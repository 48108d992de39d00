import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { CodedHttpException } from '../../../common/coded-http.exception';
import type { RequestWithRawBody } from '../../../common/http-edge';
import { checkRetellSignature } from './retell-signature';
import { RetellSettings } from './retell-settings';

const refused = (message: string) =>
  new CodedHttpException(HttpStatus.UNAUTHORIZED, 'RETELL.BAD_SIGNATURE', message);

/**
 * Only Retell may drive the phone functions. Freshness uses the real clock (Date.now()), not
 * the injected Clock: FIXED_NOW pins business time for demos, but a signature is checked
 * against the moment Retell sent it. Without an API key every request is refused (fail closed).
 */
@Injectable()
export class RetellSignatureGuard implements CanActivate {
  constructor(private readonly settings: RetellSettings) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.settings.verifySignatures) return true;
    const apiKey = this.settings.apiKey;
    if (!apiKey) throw refused('Retell signature verification is not configured.');
    const request = context.switchToHttp().getRequest<RequestWithRawBody>();
    const problem = checkRetellSignature(
      request.rawBody ?? Buffer.alloc(0),
      request.headers['x-retell-signature'],
      apiKey,
      Date.now(),
    );
    if (problem) throw refused(`Retell signature ${problem}.`);
    return true;
  }
}
