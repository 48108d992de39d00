import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { RETELL_KEYS, RetellKeys } from '../../../application/ports/retell-keys.port';
import { CodedHttpException } from '../../../common/coded-http.exception';
import type { RequestWithRawBody } from '../../../common/http-edge';
import { RetellRequestTenant } from './retell-request-tenant';
import { checkRetellSignature } from './retell-signature';
import { RetellSignatureFailures } from './retell-signature-failures';
import { RetellSettings } from './retell-settings';

const refused = (message: string) =>
  new CodedHttpException(HttpStatus.UNAUTHORIZED, 'RETELL.BAD_SIGNATURE', message);

/**
 * Only Retell may drive the phone functions. A salon with its own Retell account has its own
 * key: the request's salon (found from the body, which the signature covers) picks the key,
 * else the service-wide RETELL_API_KEY applies. Freshness uses the real clock (Date.now()), not
 * the injected Clock: FIXED_NOW pins business time for demos, but a signature is checked
 * against the moment Retell sent it. Without any key every request is refused (fail closed).
 * Every failure counts against the client's address and the salon the body names; an address
 * that failed too often for that salon, or far too often overall, is refused (429) before the
 * signature is computed (RetellSignatureFailures).
 */
@Injectable()
export class RetellSignatureGuard implements CanActivate {
  constructor(
    private readonly settings: RetellSettings,
    private readonly tenant: RetellRequestTenant,
    private readonly failures: RetellSignatureFailures,
    @Inject(RETELL_KEYS) private readonly keys: RetellKeys,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.settings.verifySignatures) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithRawBody>();
    const response = http.getResponse<Response>();
    this.failures.refuseFailingAddress(request, response);
    const branch = await this.tenant.branchOf(request);
    const companyId = branch?.companyId ?? null;
    await this.failures.refuseFailingSalon(request, response, companyId);
    const tenantKey = companyId ? await this.keys.keyForCompany(companyId) : null;
    const apiKey = tenantKey ?? this.settings.apiKey;
    const problem = apiKey
      ? checkRetellSignature(
          request.rawBody ?? Buffer.alloc(0),
          request.headers['x-retell-signature'],
          apiKey,
          Date.now(),
        )
      : 'verification is not configured';
    if (!problem) return true;
    await this.failures.failed(request, companyId);
    throw refused(`Retell signature ${problem}.`);
  }
}
