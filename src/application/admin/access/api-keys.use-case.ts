import { Inject, Injectable } from '@nestjs/common';
import { err, ok, Result } from '../../../domain/shared/result';
import { CLOCK, Clock } from '../../ports/clock.port';
import { CompanyScope } from '../admin-actor';
import { NotFound } from '../admin-errors';
import { Page, PageRequest } from '../page';
import { ADMIN_KEY_STORE, AdminKeyStore, AdminKeyView } from '../ports/admin-key-store.port';
import { ADMIN_UNIT_OF_WORK, AdminUnitOfWork } from '../ports/admin-unit-of-work.port';
import { issueKey } from './api-key';

export interface CreatedKey extends AdminKeyView {
  /** Shown once; only its hash is stored. */
  readonly key: string;
}

@Injectable()
export class ApiKeysUseCase {
  constructor(
    @Inject(ADMIN_UNIT_OF_WORK) private readonly uow: AdminUnitOfWork,
    @Inject(ADMIN_KEY_STORE) private readonly keys: AdminKeyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  create(scope: CompanyScope, name: string): Promise<CreatedKey> {
    const issued = issueKey();
    return this.uow.run(async (tx) => {
      const stored = await tx.keys.add({
        companyId: scope.companyId,
        name,
        prefix: issued.prefix,
        hash: issued.hash,
      });
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: 'admin_key.created',
        entity: 'admin_api_key',
        entityId: stored.id,
        details: { prefix: stored.prefix },
        at: this.clock.now(),
      });
      return { ...stored, key: issued.key };
    });
  }

  list(scope: CompanyScope, page: PageRequest): Promise<Page<AdminKeyView>> {
    return this.keys.list(scope.companyId, page);
  }

  revoke(scope: CompanyScope, id: string): Promise<Result<AdminKeyView, NotFound>> {
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      const revoked = await tx.keys.revoke(scope.companyId, id, now);
      if (!revoked) return err(new NotFound('API_KEY'));
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: 'admin_key.revoked',
        entity: 'admin_api_key',
        entityId: id,
        at: now,
      });
      return ok(revoked);
    });
  }
}
