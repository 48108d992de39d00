import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BranchContext, SalonCatalog } from '../../../../application/ports/salon-catalog.port';
import { BranchOrmEntity } from '../entities/branch.orm-entity';
import { BranchPhoneNumberOrmEntity } from '../entities/branch-phone-number.orm-entity';
import { CompanyOrmEntity } from '../entities/company.orm-entity';
import { ServiceOrmEntity } from '../entities/service.orm-entity';
import { StaffOrmEntity } from '../entities/staff.orm-entity';
import { ExpiringMemo } from '../../../../domain/shared/expiring-memo';
import { SalonMapper } from '../mappers/salon.mapper';

/** How long a branch's set-up is reused; a call asks for it several times a minute. */
const CONTEXT_TTL_MS = 5_000;

@Injectable()
export class TypeOrmSalonCatalog implements SalonCatalog {
  // Concurrent and repeated calls share one load; set-up changes show within CONTEXT_TTL_MS.
  private readonly contexts = new ExpiringMemo<BranchContext | null>(CONTEXT_TTL_MS, 500);
  // Unknown numbers are not remembered: a salon set up a moment later answers at once.
  private readonly numbers = new ExpiringMemo<string | null>(
    CONTEXT_TTL_MS,
    5000,
    (id) => id !== null,
  );

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  branchContext(branchId: string): Promise<BranchContext | null> {
    return this.contexts.get(branchId, () => this.loadBranchContext(branchId));
  }

  /** Drops cached set-up, e.g. after an operator changed hours, staff or numbers. */
  forget(branchId?: string): void {
    this.contexts.delete(branchId);
    this.numbers.delete();
  }

  branchIdForAnsweredNumber(phoneE164: string): Promise<string | null> {
    return this.numbers.get(phoneE164, async () => {
      const row = await this.dataSource
        .getRepository(BranchPhoneNumberOrmEntity)
        .findOneBy({ phoneE164 });
      return row?.branchId ?? null;
    });
  }

  async branchIdForAgent(agentId: string): Promise<string | null> {
    const rows = await this.dataSource.getRepository(BranchOrmEntity).find({
      where: { retellAgentId: agentId },
      select: { id: true },
      take: 2,
    });
    // One agent serving two branches cannot tell them apart: the number has to decide.
    return rows.length === 1 ? rows[0].id : null;
  }

  private async loadBranchContext(branchId: string): Promise<BranchContext | null> {
    const branch = await this.dataSource.getRepository(BranchOrmEntity).findOne({
      where: { id: branchId },
      relations: { openingHours: true, closedDates: true },
    });
    // An inactive branch is not offered on the phone, nor bookable; its appointments stay.
    if (!branch || !branch.active) return null;
    const [company, staff, services] = await Promise.all([
      this.dataSource.getRepository(CompanyOrmEntity).findOneByOrFail({ id: branch.companyId }),
      this.dataSource.getRepository(StaffOrmEntity).find({
        where: { branchId, active: true },
        relations: { services: true, workingHours: true, absences: true },
        order: { name: 'ASC' },
      }),
      this.dataSource.getRepository(ServiceOrmEntity).find({
        where: { companyId: branch.companyId, active: true },
        relations: { segments: true, synonyms: true },
        order: { name: 'ASC' },
      }),
    ]);
    // A closed company's numbers no longer answer: the phone path finds no salon there.
    if (company.closedAt) return null;
    return {
      companyId: branch.companyId,
      companyName: company.name,
      country: branch.country,
      branch: SalonMapper.branch(branch),
      staff: staff.map((s) => SalonMapper.staff(s)),
      services: services.map((s) => SalonMapper.service(s)),
      contact: { email: branch.email, transferNumber: branch.transferNumber },
    };
  }
}
