import { Inject, Injectable } from '@nestjs/common';
import { Service } from '../../../domain/salon/service';
import { priceOf } from '../../../domain/salon/service-price';
import { DomainError } from '../../../domain/shared/domain-error';
import { err, ok, Result } from '../../../domain/shared/result';
import { CLOCK, Clock } from '../../ports/clock.port';
import { CompanyScope } from '../admin-actor';
import { Conflict, NotFound } from '../admin.errors';
import { Page, PageRequest } from '../page';
import { UNIT_OF_WORK, UnitOfWork } from '../../ports/unit-of-work.port';
import { SERVICE_ADMIN, ServiceAdmin, ServiceData, ServiceView } from '../ports/service-admin.port';

/** Services with segments and spoken synonyms; the domain's Service decides what is valid. */
@Injectable()
export class ServicesUseCase {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(SERVICE_ADMIN) private readonly services: ServiceAdmin,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  create(scope: CompanyScope, data: ServiceData): Promise<Result<ServiceView, DomainError>> {
    return this.write(scope, undefined, data);
  }

  async update(
    scope: CompanyScope,
    id: string,
    change: Partial<ServiceData>,
  ): Promise<Result<ServiceView, DomainError>> {
    const current = await this.services.find(scope.companyId, id);
    if (!current) return err(new NotFound('SERVICE'));
    const { id: _id, companyId: _c, ...data } = current;
    return this.write(scope, id, { ...data, ...change });
  }

  async find(scope: CompanyScope, id: string): Promise<Result<ServiceView, NotFound>> {
    const found = await this.services.find(scope.companyId, id);
    return found ? ok(found) : err(new NotFound('SERVICE'));
  }

  list(scope: CompanyScope, page: PageRequest): Promise<Page<ServiceView>> {
    return this.services.list(scope.companyId, page);
  }

  private async write(
    scope: CompanyScope,
    id: string | undefined,
    data: ServiceData,
  ): Promise<Result<ServiceView, DomainError>> {
    const service = Service.create({
      id: id ?? 'new',
      name: data.name,
      synonyms: data.synonyms,
      segments: data.segments.map((s) => ({ minutes: s.minutes, staffBusy: s.staffBusy })),
      bufferAfterMinutes: data.bufferAfterMinutes,
      minNoticeMinutes: data.minNoticeMinutes,
      bookingHorizonDays: data.bookingHorizonDays,
      description: data.description,
      price: priceOf(data.priceMinCents, data.priceMaxCents),
    });
    if (!service.ok) return service;
    const { description, price } = service.value;
    const normalised: ServiceData = {
      ...data,
      name: service.value.name,
      synonyms: [...new Set(service.value.synonyms)],
      description,
      priceMinCents: price?.minCents ?? null,
      priceMaxCents: price?.maxCents ?? null,
    };
    return this.uow.run(async (tx) => {
      const saved = await tx.services.save(scope.companyId, id, normalised);
      if (!saved) {
        return err(
          new Conflict('SERVICE.NAME_TAKEN', `A service named "${normalised.name}" exists.`),
        );
      }
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: id ? 'service.updated' : 'service.created',
        entity: 'service',
        entityId: saved.id,
        at: this.clock.now(),
      });
      return ok(saved);
    });
  }
}
