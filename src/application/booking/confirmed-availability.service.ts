import { Inject, Injectable } from '@nestjs/common';
import { ExpiringMemo } from '../../domain/shared/expiring-memo';
import { AppConfig } from '../../config/app-config';
import { CALENDAR_GATEWAY, CalendarGateway } from '../ports/calendar-gateway.port';
import {
  CALENDAR_MAPPING_REPOSITORY,
  CalendarMappingRepository,
  CalendarTarget,
} from '../ports/calendar-mapping.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { AvailabilityReader } from './availability.reader';
import { CalendarCheck, CalendarCheckDeps } from './calendar-check';
import { Service } from '../../domain/salon/service';
import { SlotInquiry, SlotQuestion } from './slot-inquiry';

/** Mappings change through the admin API only; a phone call may see one this late. */
const MAPPING_TTL_MS = 30_000;

/**
 * "Is this start free (for this stylist, or anyone), and what are the nearest alternatives":
 * asked of the local calendar (busy times, other calls' holds) and, for a stylist mapped to
 * Cal.com, of Cal.com too, within a short time budget and through its slot cache. Without
 * Cal.com configured (the local calendar stands in for it), every stylist is judged locally.
 */
@Injectable()
export class ConfirmedAvailabilityService {
  private readonly targets = new ExpiringMemo<CalendarTarget | null>(MAPPING_TTL_MS, 10_000);

  constructor(
    private readonly reader: AvailabilityReader,
    private readonly config: AppConfig,
    @Inject(CALENDAR_GATEWAY) private readonly gateway: CalendarGateway,
    @Inject(CALENDAR_MAPPING_REPOSITORY) private readonly mappings: CalendarMappingRepository,
  ) {}

  /** One phone function's inquiry about a start: its answers share one Cal.com time budget. */
  begin(question: SlotQuestion): SlotInquiry {
    const { salon, service, moving } = question;
    // Cal.com shows a moved appointment's own time busy only because of itself.
    const calendar = this.calendarFor(salon, service, { ownTime: moving?.busyIntervals() });
    return new SlotInquiry(this.reader, calendar, question);
  }

  /**
   * One phone function's questions to Cal.com about a service (one live time budget), for
   * questions that are not about one start (open questions read the calendar themselves).
   */
  calendarFor(
    salon: BranchContext,
    service: Service,
    extra: Pick<CalendarCheckDeps, 'ownTime' | 'maxStylistDays'> = {},
  ): CalendarCheck {
    return new CalendarCheck(salon, service, {
      gateway: this.config.usesCalcom ? this.gateway : null,
      targetFor: (staffId, serviceId = service.id) => this.targetFor(salon, serviceId, staffId),
      budgetMs: this.config.env.CALCOM_LIVE_CHECK_BUDGET_MS,
      ...extra,
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
