import { Inject, Injectable } from '@nestjs/common';
import { err, ok, Result } from '../../../domain/shared/result';
import { CompanyScope } from '../admin-actor';
import { InvalidInput } from '../admin.errors';
import { Page, PageRequest } from '../page';
import { AUDIT_TRAIL, AuditFilter, AuditTrail } from '../ports/audit-trail.port';
import { auditEntryView, AuditEntryView } from './audit-entry.view';

/** Who changed what in a company, and when; what the company's key or the bootstrap key may see. */
@Injectable()
export class AuditLogUseCase {
  constructor(@Inject(AUDIT_TRAIL) private readonly trail: AuditTrail) {}

  async list(
    scope: CompanyScope,
    filter: AuditFilter,
    page: PageRequest,
  ): Promise<Result<Page<AuditEntryView>, InvalidInput>> {
    if (filter.from && filter.to && filter.from.getTime() >= filter.to.getTime()) {
      return err(
        new InvalidInput('VALIDATION.FAILED', 'The time range is empty.', {
          fields: [{ field: 'to', problems: ['to must be later than from'] }],
        }),
      );
    }
    const found = await this.trail.list(scope.companyId, filter, page);
    return ok({ ...found, items: found.items.map(auditEntryView) });
  }
}
