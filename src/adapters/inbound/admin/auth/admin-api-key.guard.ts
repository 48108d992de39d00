import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticateAdminUseCase } from '../../../../application/admin/access/authenticate-admin.use-case';
import { NotFound } from '../../../../application/admin/admin.errors';
import {
  COMPANY_DIRECTORY,
  CompanyDirectory,
} from '../../../../application/admin/ports/company-directory.port';
import { CodedRefusal } from './coded-refusal';
import { BOOTSTRAP_ONLY } from './admin-auth.decorators';
import { AdminRequest, presentedKey } from './admin-request';
import { AdminRateLimits } from './admin-rate-limits';
import { AdminRefusal } from '../admin-refusal';
import { invalidId } from '../admin-validation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Rate limits come around the key check: an address with too many failed authentications gets
 * 429 before its key is looked at; a valid key over its requests a minute gets 429 before the
 * route runs (see AdminRateLimits). No key, a wrong or a revoked key: 401. A company key on a bootstrap-only route: 403. A route
 * naming another company than the key's (or one that does not exist): 404, never its data; a
 * company id that is no UUID: 400.
 */
@Injectable()
export class AdminApiKeyGuard implements CanActivate {
  constructor(
    private readonly authenticate: AuthenticateAdminUseCase,
    @Inject(COMPANY_DIRECTORY) private readonly companies: CompanyDirectory,
    private readonly reflector: Reflector,
    private readonly limits: AdminRateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AdminRequest>();
    await this.limits.refuseGuessingClient(req);
    const principal = await this.authenticate.execute(presentedKey(req));
    if (!principal) {
      await this.limits.failedAuthentication(req);
      throw new CodedRefusal(
        HttpStatus.UNAUTHORIZED,
        'AUTH.UNAUTHORIZED',
        'A valid API key is required.',
      );
    }
    await this.limits.countRequest(principal);
    req.adminPrincipal = principal;
    const bootstrapOnly = this.reflector.getAllAndOverride<boolean>(BOOTSTRAP_ONLY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (bootstrapOnly && principal.kind !== 'bootstrap') {
      throw new CodedRefusal(
        HttpStatus.FORBIDDEN,
        'AUTH.BOOTSTRAP_ONLY',
        'Only the bootstrap key may do this.',
      );
    }
    const param: unknown = req.params?.companyId;
    if (param === undefined) return true;
    const companyId = typeof param === 'string' ? param : '';
    if (!UUID.test(companyId)) throw invalidId('companyId');
    const visible =
      principal.kind === 'bootstrap'
        ? (await this.companies.find(companyId)) !== null
        : principal.companyId === companyId;
    if (!visible) throw new AdminRefusal(new NotFound('COMPANY'));
    req.adminScope = { companyId, actor: principal.actor };
    return true;
  }
}
