import { Inject, Injectable } from '@nestjs/common';
import { err, ok, Result } from '../../../domain/shared/result';
import { CLOCK, Clock } from '../../ports/clock.port';
import { AUDIT_LOG, AuditLog } from '../../ports/audit-log.port';
import { Conflict, NotFound } from '../admin.errors';
import { Page, PageRequest } from '../page';
import { COMPANY_DIRECTORY, CompanyDirectory, CompanyView } from '../ports/company-directory.port';

@Injectable()
export class CompaniesUseCase {
  constructor(
    @Inject(COMPANY_DIRECTORY) private readonly companies: CompanyDirectory,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(actor: string, name: string, slug: string): Promise<Result<CompanyView, Conflict>> {
    const created = await this.companies.create(name, slug);
    if (!created) {
      return err(new Conflict('COMPANY.SLUG_TAKEN', `A company with slug "${slug}" exists.`));
    }
    await this.audit.record({
      companyId: created.id,
      actor,
      action: 'company.created',
      entity: 'company',
      entityId: created.id,
      at: this.clock.now(),
    });
    return ok(created);
  }

  list(page: PageRequest): Promise<Page<CompanyView>> {
    return this.companies.list(page);
  }

  async find(id: string): Promise<Result<CompanyView, NotFound>> {
    const company = await this.companies.find(id);
    return company ? ok(company) : err(new NotFound('COMPANY'));
  }
}
