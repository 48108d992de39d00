import type { Request } from 'express';
import { AdminPrincipal, CompanyScope } from '../../../../application/admin/admin-actor';

/** A request the admin guard let through. */
export interface AdminRequest extends Request {
  adminPrincipal?: AdminPrincipal;
  adminScope?: CompanyScope;
}

/** `x-api-key: <key>` or `Authorization: Bearer <key>`. */
export function presentedKey(req: Request): string | undefined {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header.length > 0) return header.trim();
  const auth = req.headers.authorization;
  const bearer = typeof auth === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  return bearer?.[1];
}
