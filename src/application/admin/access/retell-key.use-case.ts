import { Inject, Injectable } from '@nestjs/common';
import { err, ok, Result } from '../../../domain/shared/result';
import { AUDIT_LOG, AuditLog } from '../../ports/audit-log.port';
import { CLOCK, Clock } from '../../ports/clock.port';
import { RETELL_KEYS, RetellKeys } from '../../ports/retell-keys.port';
import { CompanyScope } from '../admin-actor';
import { NotConfigured } from '../admin.errors';

/** A salon's own Retell key: stored encrypted, never shown again, replaceable and removable. */
@Injectable()
export class RetellKeyUseCase {
  constructor(
    @Inject(RETELL_KEYS) private readonly keys: RetellKeys,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async set(
    scope: CompanyScope,
    apiKey: string | null,
  ): Promise<Result<{ companyId: string; ownRetellKey: boolean }, NotConfigured>> {
    const stored = await this.keys.setKeyForCompany(scope.companyId, apiKey);
    if (!stored) {
      return err(
        new NotConfigured(
          'RETELL.ENCRYPTION_KEY_MISSING',
          'ENCRYPTION_KEY is not configured, so a Retell key cannot be stored.',
        ),
      );
    }
    await this.audit.record({
      companyId: scope.companyId,
      actor: scope.actor,
      action: apiKey === null ? 'retell_key.removed' : 'retell_key.stored',
      entity: 'company',
      entityId: scope.companyId,
      at: this.clock.now(),
    });
    return ok({ companyId: scope.companyId, ownRetellKey: apiKey !== null });
  }
}
