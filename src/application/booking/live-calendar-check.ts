import { Inject, Injectable } from '@nestjs/common';
import { Service } from '../../domain/salon/service';
import { ExpiringMemo } from '../../domain/shared/expiring-memo';
import { TimeRange } from '../../domain/shared/time-range';
import { AppConfig } from '../../config/app-config';
import { CALENDAR_GATEWAY, CalendarGateway } from '../ports/calendar-gateway.port';
import {
  CALENDAR_MAPPING_REPOSITORY,
  CalendarMappingRepository,
  CalendarTarget,
} from '../ports/calendar-mapping.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { CalendarCheck } from './calendar-check';

/** Mappings change through the admin API only; a phone call may see one this late. */
const MAPPING_TTL_MS = 30_000;

/**
 * Starts a CalendarCheck per phone function. Without Cal.com configured (the local calendar
 * stands in for it and offers nothing), every stylist is judged on the local calendar alone.
 */
@Injectable()
export class LiveCalendarCheck {
  private readonly targets = new ExpiringMemo<CalendarTarget | null>(MAPPING_TTL_MS, 10_000);

  constructor(
    private readonly config: AppConfig,
    @Inject(CALENDAR_GATEWAY) private readonly gateway: CalendarGateway,
    @Inject(CALENDAR_MAPPING_REPOSITORY) private readonly mappings: CalendarMappingRepository,
  ) {}

  /** `ownTime`: for a move, the appointment's current working time (free for itself). */
  begin(salon: BranchContext, service: Service, ownTime?: readonly TimeRange[]): CalendarCheck {
    return new CalendarCheck(salon, service, {
      gateway: this.config.usesCalcom ? this.gateway : null,
      targetFor: (staffId) => this.targetFor(salon, service.id, staffId),
      budgetMs: this.config.env.CALCOM_LIVE_CHECK_BUDGET_MS,
      ownTime,
    });
  }

  /** The stylist's mapping for this service, read at most every MAPPING_TTL_MS. */
  private targetFor(
    salon: BranchContext,
    serviceId: string,
    staffId: string,
  ): Promise<CalendarTarget | null> {
    return this.targets.get(`${salon.companyId}|${salon.branch.id}|${serviceId}|${staffId}`, () =>
      this.mappings.targetFor(
        { companyId: salon.companyId },
        { serviceId, staffId, branchId: salon.branch.id },
      ),
    );
  }
}
