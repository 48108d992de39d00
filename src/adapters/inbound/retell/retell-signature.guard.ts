import {
  CanActivate,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  Optional,
} from '@nestjs/common';
import { RETELL_KEYS, RetellKeys } from '../../../application/ports/retell-keys.port';
import { CodedHttpException } from '../../../common/coded-http.exception';
import type { RequestWithRawBody } from '../../../common/http-edge';
import { readRetellCall, RetellCallFacts } from './retell-call';
import { checkRetellSignature } from './retell-signature';
import { RetellSettings } from './retell-settings';
import { RetellTenantResolver } from './retell-tenant.resolver';
import { isRecord } from '../../../common/is-record';

const refused = (message: string) =>
  new CodedHttpException(HttpStatus.UNAUTHORIZED, 'RETELL.BAD_SIGNATURE', message);

/** The call facts a request names, wherever its kind of body keeps them. */
function callFactsOf(request: RequestWithRawBody): RetellCallFacts {
  const body: unknown = request.body;
  if (!isRecord(body)) return {};
  if (isRecord(body.call_inbound)) return readRetellCall(body.call_inbound);
  const facts = readRetellCall(body.call);
  const branchHeader = request.headers['x-salon-branch-id'];
  return facts.branchIdHint === undefined && typeof branchHeader === 'string'
    ? { ...facts, branchIdHint: branchHeader.trim().slice(0, 64) }
    : facts;
}

/**
 * Only Retell may drive the phone functions. A salon with its own Retell account has its own
 * key: the request's salon (found from the body, which the signature covers) picks the key,
 * else the service-wide RETELL_API_KEY applies. Freshness uses the real clock (Date.now()), not
 * the injected Clock: FIXED_NOW pins business time for demos, but a signature is checked
 * against the moment Retell sent it. Without any key every request is refused (fail closed).
 */
@Injectable()
export class RetellSignatureGuard implements CanActivate {
  constructor(
    private readonly settings: RetellSettings,
    private readonly tenants: RetellTenantResolver,
    @Optional() @Inject(RETELL_KEYS) private readonly keys?: RetellKeys,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.settings.verifySignatures) return true;
    const request = context.switchToHttp().getRequest<RequestWithRawBody>();
    const apiKey = (await this.tenantKey(request)) ?? this.settings.apiKey;
    if (!apiKey) throw refused('Retell signature verification is not configured.');
    const problem = checkRetellSignature(
      request.rawBody ?? Buffer.alloc(0),
      request.headers['x-retell-signature'],
      apiKey,
      Date.now(),
    );
    if (problem) throw refused(`Retell signature ${problem}.`);
    return true;
  }

  private async tenantKey(request: RequestWithRawBody): Promise<string | null> {
    if (!this.keys) return null;
    const branch = await this.tenants.branchFor(callFactsOf(request)).catch(() => null);
    return branch ? this.keys.keyForCompany(branch.companyId) : null;
  }
}
