import { Inject, Injectable } from '@nestjs/common';
import { err, ok, Result } from '../../../domain/shared/result';
import { CLOCK, Clock } from '../../ports/clock.port';
import { CompanyScope } from '../admin-actor';
import { NotFound } from '../admin.errors';
import { UNIT_OF_WORK, UnitOfWork } from '../../ports/unit-of-work.port';
import { COMPANY_RETENTION, CompanyRetention, erasedAfter } from './company-retention';

export interface CompanyClosedView {
  readonly id: string;
  readonly closedAt: string;
  /** From then on the scheduled sweep erases the company with everything it owns. */
  readonly eraseAfter: string;
  readonly revokedKeys: number;
}

/**
 * Closing a company (offboarding): its phone numbers stop answering and its keys are revoked
 * at once; its data stays for the configured retention (for exports and disputes), then a
 * scheduled sweep erases it. Closing again answers the first closing.
 */
@Injectable()
export class CloseCompanyUseCase {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(COMPANY_RETENTION) private readonly retention: CompanyRetention,
  ) {}

  async close(scope: CompanyScope): Promise<Result<CompanyClosedView, NotFound>> {
    const now = this.clock.now();
    const closed = await this.uow.run(async (tx) => {
      const done = await tx.closure.close(scope.companyId, now);
      if (done?.newly) {
        await tx.audit.record({
          companyId: scope.companyId,
          actor: scope.actor,
          action: 'company.closed',
          entity: 'company',
          entityId: scope.companyId,
          details: {
            revokedKeys: done.revokedKeys,
            eraseAfter: erasedAfter(done.closedAt, this.retention).toISOString(),
          },
          at: now,
        });
      }
      return done;
    });
    if (!closed) return err(new NotFound('COMPANY'));
    return ok({
      id: scope.companyId,
      closedAt: closed.closedAt.toISOString(),
      eraseAfter: erasedAfter(closed.closedAt, this.retention).toISOString(),
      revokedKeys: closed.revokedKeys,
    });
  }
}
