import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../../domain/shared/domain-error';
import { err, ok, Result } from '../../../domain/shared/result';
import { CALENDAR_GATEWAY, type CalendarGateway } from '../../ports/calendar-gateway.port';
import { CLOCK, Clock } from '../../ports/clock.port';
import { CompanyScope } from '../admin-actor';
import { Conflict, InvalidInput, NotConfigured, NotFound } from '../admin.errors';
import { Page, PageRequest } from '../page';
import { UNIT_OF_WORK, UnitOfWork } from '../../ports/unit-of-work.port';
import {
  CALENDAR_ADMIN,
  CalendarAdmin,
  CredentialView,
  MappingData,
  MappingView,
  NewCredential,
} from '../ports/calendar-admin.port';
import { CALENDAR_HOST_CHECK, CalendarHostCheck } from '../ports/calendar-host-check.port';
import { SERVICE_ADMIN, ServiceAdmin } from '../ports/service-admin.port';
import { STAFF_ADMIN, StaffAdmin } from '../ports/staff-admin.port';
import { checkEventTypeBuffer, type BufferCheck } from './event-type-buffer.check';

/** A stored mapping, and how its event type's buffer compares with the salon file. */
export interface SavedMapping extends MappingView {
  readonly bufferCheck: BufferCheck;
}

/** Cal.com accounts and which event type mirrors which service (segment) of which stylist. */
@Injectable()
export class CalendarMappingsUseCase {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(CALENDAR_ADMIN) private readonly calendar: CalendarAdmin,
    @Inject(SERVICE_ADMIN) private readonly services: ServiceAdmin,
    @Inject(STAFF_ADMIN) private readonly staff: StaffAdmin,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR_HOST_CHECK) private readonly hosts: CalendarHostCheck,
    @Inject(CALENDAR_GATEWAY) private readonly gateway: CalendarGateway,
  ) {}

  async addCredential(
    scope: CompanyScope,
    credential: NewCredential,
  ): Promise<Result<CredentialView, NotConfigured | InvalidInput>> {
    // A tenant's base URL is where the service will send its customers and its Cal.com key.
    const hostRefusal =
      credential.baseUrl === null ? null : await this.hosts.refusal(credential.baseUrl);
    if (hostRefusal !== null) {
      return err(
        new InvalidInput('VALIDATION.FAILED', 'The request has invalid or unknown fields.', {
          fields: [{ field: 'baseUrl', problems: [`baseUrl ${hostRefusal}`] }],
        }),
      );
    }
    if (!this.calendar.canStoreSecrets()) {
      return err(
        new NotConfigured(
          'CALCOM.ENCRYPTION_KEY_MISSING',
          'ENCRYPTION_KEY is not configured, so Cal.com credentials cannot be stored.',
        ),
      );
    }
    return this.uow.run(async (tx) => {
      const stored = await tx.calendar.addCredential(scope.companyId, credential);
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: 'calcom_credential.stored',
        entity: 'calcom_credential',
        entityId: stored.id,
        at: this.clock.now(),
      });
      return ok(stored);
    });
  }

  listCredentials(scope: CompanyScope, page: PageRequest): Promise<Page<CredentialView>> {
    return this.calendar.listCredentials(scope.companyId, page);
  }

  /**
   * Stores the mapping, and tells whether the event type's own buffer after each booking agrees
   * with the service's (read once, now: see checkEventTypeBuffer). A difference is a warning,
   * not a refusal: the salon may be about to change either side.
   */
  async addMapping(
    scope: CompanyScope,
    mapping: MappingData,
  ): Promise<Result<SavedMapping, DomainError>> {
    if (!(await this.calendar.credentialExists(scope.companyId, mapping.credentialId))) {
      return err(new NotFound('CALCOM_CREDENTIAL'));
    }
    const service = await this.services.find(scope.companyId, mapping.serviceId);
    if (!service) return err(new NotFound('SERVICE'));
    if (!(await this.staff.find(scope.companyId, mapping.staffId))) {
      return err(new NotFound('STAFF'));
    }
    const segment = mapping.segmentSequence;
    if (segment !== null && (segment >= service.segments.length || segment < 0)) {
      return err(new NotFound('SEGMENT'));
    }
    const bufferCheck = await checkEventTypeBuffer(this.gateway, service, mapping);
    return this.uow.run(async (tx) => {
      const stored = await tx.calendar.addMapping(scope.companyId, mapping);
      if (!stored) {
        return err(
          new Conflict('CALCOM_MAPPING.EXISTS', 'This service, segment and stylist are mapped.'),
        );
      }
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: 'calcom_mapping.created',
        entity: 'calcom_mapping',
        entityId: stored.id,
        // The audit log keeps the warning visible after the answer.
        details: { bufferCheck },
        at: this.clock.now(),
      });
      return ok({ ...stored, bufferCheck });
    });
  }

  listMappings(scope: CompanyScope, page: PageRequest): Promise<Page<MappingView>> {
    return this.calendar.listMappings(scope.companyId, page);
  }

  removeMapping(scope: CompanyScope, id: string): Promise<Result<{ id: string }, NotFound>> {
    return this.uow.run(async (tx) => {
      if (!(await tx.calendar.removeMapping(scope.companyId, id))) {
        return err(new NotFound('CALCOM_MAPPING'));
      }
      await tx.audit.record({
        companyId: scope.companyId,
        actor: scope.actor,
        action: 'calcom_mapping.removed',
        entity: 'calcom_mapping',
        entityId: id,
        at: this.clock.now(),
      });
      return ok({ id });
    });
  }
}
