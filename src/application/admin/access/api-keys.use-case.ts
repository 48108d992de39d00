import { Inject, Injectable } from '@nestjs/common';
import { err, ok, Result } from '../../../domain/shared/result';
import { CLOCK, Clock } from '../../ports/clock.port';
import { AdminPrincipal, CompanyScope } from '../admin-actor';
import { Forbidden, NotFound } from '../admin.errors';
import { Page, PageRequest } from '../page';
import { ADMIN_KEY_STORE, AdminKeyStore, AdminKeyView } from '../ports/admin-key-store.port';
import { UNIT_OF_WORK, TransactionPorts, UnitOfWork } from '../../ports/unit-of-work.port';
import { issueKey } from './api-key';
import { KeyRole } from './key-role';

export interface CreatedKey extends AdminKeyView {
  /** Shown once; only its hash is stored. */
  readonly key: string;
}

export interface RevokedKey extends AdminKeyView {
  /** Ids of the keys it had created (transitively) that were revoked with it. */
  readonly alsoRevoked: string[];
}

const ownerOnly = () =>
  new Forbidden('AUTH.OWNER_ONLY', 'Only an owner key or the bootstrap key may manage keys.');

/** Keys a key created die with it, so a leaked key cannot leave a living successor behind. */
@Injectable()
export class ApiKeysUseCase {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(ADMIN_KEY_STORE) private readonly keys: AdminKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The bootstrap key hands a company its owner key unless it asks for an operator; an owner
   * key creates operator keys unless it asks for another owner (which it then owns too).
   */
  create(
    by: AdminPrincipal,
    scope: CompanyScope,
    name: string,
    role?: KeyRole,
  ): Promise<Result<CreatedKey, Forbidden>> {
    if (!mayManageKeys(by)) return Promise.resolve(err(ownerOnly()));
    const createdBy = by.kind === 'company' ? by.keyId : null;
    const issued = issueKey();
    return this.uow.run(async (tx) => {
      if (createdBy && !(await tx.keys.holdActive(scope.companyId, createdBy))) {
        return err(new Forbidden('AUTH.KEY_REVOKED', 'This key has been revoked.'));
      }
      const stored = await tx.keys.add({
        companyId: scope.companyId,
        name,
        prefix: issued.prefix,
        hash: issued.hash,
        role: role ?? (createdBy ? 'operator' : 'owner'),
        createdBy,
      });
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: 'admin_key.created',
        entity: 'admin_api_key',
        entityId: stored.id,
        details: { prefix: stored.prefix, role: stored.role },
        at: this.clock.now(),
      });
      return ok({ ...stored, key: issued.key });
    });
  }

  list(scope: CompanyScope, page: PageRequest): Promise<Page<AdminKeyView>> {
    return this.keys.list(scope.companyId, page);
  }

  revoke(
    by: AdminPrincipal,
    scope: CompanyScope,
    id: string,
  ): Promise<Result<RevokedKey, NotFound | Forbidden>> {
    if (!mayManageKeys(by)) return Promise.resolve(err(ownerOnly()));
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      const revoked = await tx.keys.revoke(scope.companyId, id, now);
      if (!revoked) return err(new NotFound('API_KEY'));
      const alsoRevoked = revoked.descendants.map((k) => k.id);
      await this.audited(tx, scope, id, now, alsoRevoked.length ? { alsoRevoked } : undefined);
      for (const descendant of alsoRevoked) {
        await this.audited(tx, scope, descendant, now, { with: id });
      }
      return ok({ ...revoked.key, alsoRevoked });
    });
  }

  private audited(
    tx: TransactionPorts,
    scope: CompanyScope,
    keyId: string,
    at: Date,
    details?: Record<string, unknown>,
  ): Promise<void> {
    return tx.audit.record({
      companyId: scope.companyId,
      actor: scope.actor,
      action: 'admin_key.revoked',
      entity: 'admin_api_key',
      entityId: keyId,
      details,
      at,
    });
  }
}

function mayManageKeys(by: AdminPrincipal): boolean {
  return by.kind === 'bootstrap' || by.role === 'owner';
}
