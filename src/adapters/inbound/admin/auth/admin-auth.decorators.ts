import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { AdminPrincipal, CompanyScope } from '../../../../application/admin/admin-actor';
import { AdminRequest } from './admin-request';

export const BOOTSTRAP_ONLY = 'admin:bootstrap-only';

/** Only the bootstrap key from the environment may call this route; company keys get 403. */
export const BootstrapOnly = () => SetMetadata(BOOTSTRAP_ONLY, true);

/** The company named in the path, as this caller may see it (checked by the guard). */
export const Scope = createParamDecorator((_: unknown, ctx: ExecutionContext): CompanyScope => {
  const scope = ctx.switchToHttp().getRequest<AdminRequest>().adminScope;
  if (!scope) throw new Error('route has no :companyId');
  return scope;
});

/** Who is calling: the bootstrap key or a company's key. */
export const Principal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AdminPrincipal => {
    const principal = ctx.switchToHttp().getRequest<AdminRequest>().adminPrincipal;
    if (!principal) throw new Error('admin guard did not run');
    return principal;
  },
);
