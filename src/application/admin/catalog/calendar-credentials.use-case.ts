import { Inject, Injectable } from '@nestjs/common';
import { err, ok, Result } from '../../../domain/shared/result';
import {
  CALENDAR_CREDENTIAL_CHANGES,
  CalendarCredentialChanges,
} from '../../ports/calendar-credential-changes.port';
import { CLOCK, Clock } from '../../ports/clock.port';
import { CompanyScope } from '../admin-actor';
import { NotConfigured, NotFound } from '../admin.errors';
import { UNIT_OF_WORK, UnitOfWork } from '../../ports/unit-of-work.port';
import { CALENDAR_ADMIN, CalendarAdmin, CredentialView } from '../ports/calendar-admin.port';

export interface CredentialRemoved {
  readonly id: string;
  /** Mappings naming the credential: kept, inactive, until re-mapped to another credential. */
  readonly inactiveMappings: number;
}

/**
 * A leaked Cal.com key must be unusable at once: removing a credential wipes its secrets, and
 * rotating replaces them in place. Either way the cached key and the circuit breaker of that
 * credential are dropped, so the very next calendar call reads the new state.
 */
@Injectable()
export class CalendarCredentialsUseCase {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(CALENDAR_ADMIN) private readonly calendar: CalendarAdmin,
    @Inject(CALENDAR_CREDENTIAL_CHANGES) private readonly changes: CalendarCredentialChanges,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async remove(scope: CompanyScope, id: string): Promise<Result<CredentialRemoved, NotFound>> {
    const now = this.clock.now();
    const removed = await this.uow.run(async (tx) => {
      const done = await tx.calendar.removeCredential(scope.companyId, id, now);
      if (!done) return null;
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: 'calcom_credential.removed',
        entity: 'calcom_credential',
        entityId: id,
        details: { inactiveMappings: done.mappings },
        at: now,
      });
      return done;
    });
    if (!removed) return err(new NotFound('CALCOM_CREDENTIAL'));
    this.changes.changed(id);
    return ok({ id, inactiveMappings: removed.mappings });
  }

  async rotate(
    scope: CompanyScope,
    id: string,
    secrets: { apiKey: string; webhookSecret: string | null },
  ): Promise<Result<CredentialView, NotFound | NotConfigured>> {
    if (!this.calendar.canStoreSecrets()) {
      return err(
        new NotConfigured(
          'CALCOM.ENCRYPTION_KEY_MISSING',
          'ENCRYPTION_KEY is not configured, so Cal.com credentials cannot be stored.',
        ),
      );
    }
    const now = this.clock.now();
    const rotated = await this.uow.run(async (tx) => {
      const view = await tx.calendar.rotateCredential(scope.companyId, id, secrets, now);
      if (!view) return null;
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: 'calcom_credential.rotated',
        entity: 'calcom_credential',
        entityId: id,
        details: { webhookSecret: secrets.webhookSecret !== null },
        at: now,
      });
      return view;
    });
    if (!rotated) return err(new NotFound('CALCOM_CREDENTIAL'));
    this.changes.changed(id);
    return ok(rotated);
  }
}
