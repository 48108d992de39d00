import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../../ports/clock.port';
import { AdminPrincipal } from '../admin-actor';
import { ADMIN_KEY_STORE, AdminKeyStore } from '../ports/admin-key-store.port';
import { hashKey, prefixOf, sameSecret } from './api-key';

/** The bootstrap key (from the environment) is handed in by the edge, which reads the config. */
export const ADMIN_BOOTSTRAP_SECRET = Symbol('AdminBootstrapSecret');

/** Who a presented key belongs to; null for no, a wrong or a revoked key. */
@Injectable()
export class AuthenticateAdminUseCase {
  constructor(
    @Inject(ADMIN_KEY_STORE) private readonly keys: AdminKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ADMIN_BOOTSTRAP_SECRET) private readonly bootstrapKey: string | null,
  ) {}

  async execute(presented: string | undefined): Promise<AdminPrincipal | null> {
    if (!presented || presented.length > 200) return null;
    if (this.bootstrapKey && sameSecret(presented, this.bootstrapKey)) {
      return { kind: 'bootstrap', actor: 'admin:bootstrap' };
    }
    const prefix = prefixOf(presented);
    if (!prefix) return null;
    const stored = await this.keys.findByPrefix(prefix);
    if (!stored || stored.revokedAt || !sameSecret(hashKey(presented), stored.hash)) return null;
    await this.keys.touch(stored.id, this.clock.now());
    return {
      kind: 'company',
      companyId: stored.companyId,
      keyId: stored.id,
      role: stored.role,
      actor: `admin:${stored.id}`,
    };
  }
}
