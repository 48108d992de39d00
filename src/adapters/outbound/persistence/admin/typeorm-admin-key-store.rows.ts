import { KeyRole } from '../../../../application/admin/access/key-role';
import { AdminKeyView } from '../../../../application/admin/ports/admin-key-store.port';

export interface KeyRow {
  id: string;
  company_id: string;
  name: string;
  key_prefix: string;
  key_hash: string;
  role: KeyRole;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** A page of keys, each row carrying the count of all. */
export type KeyPageRow = KeyRow & { total: number };

export const COLUMNS = `id, company_id, name, key_prefix, key_hash, role, created_by, created_at,
  last_used_at, revoked_at`;

export const toAdminKeyView = (r: KeyRow): AdminKeyView => ({
  id: r.id,
  companyId: r.company_id,
  name: r.name,
  prefix: r.key_prefix,
  role: r.role,
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});
