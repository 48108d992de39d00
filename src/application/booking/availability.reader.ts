import { Inject, Injectable } from '@nestjs/common';
import { AvailabilityEngine } from '../../domain/availability/availability-engine';
import { Service } from '../../domain/salon/service';
import { Staff } from '../../domain/salon/staff';
import { TimeRange } from '../../domain/shared/time-range';
import {
  APPOINTMENT_REPOSITORY,
  AppointmentRepository,
} from '../ports/appointment.repository.port';
import { BranchContext } from '../ports/salon-catalog.port';

const DAY = 24 * 60 * 60_000;

export interface AvailabilityOptions {
  /** This call's own hold does not block it. */
  readonly askingCallId?: string | null;
  /** A rescheduled appointment does not block its own move. */
  readonly excludeAppointmentId?: string;
}

/** Loads what occupies the stylists and builds the domain's availability engine on it. */
@Injectable()
export class AvailabilityReader {
  constructor(
    @Inject(APPOINTMENT_REPOSITORY) private readonly appointments: AppointmentRepository,
  ) {}

  async engine(
    salon: BranchContext,
    service: Service,
    now: Date,
    options: AvailabilityOptions = {},
    stylists: readonly Staff[] = salon.staff.filter((s) => s.offers(service.id)),
  ): Promise<AvailabilityEngine> {
    // Busy times from a day before now to past the horizon: alternatives may roll forward.
    const range = TimeRange.of(
      new Date(now.getTime() - DAY),
      new Date(now.getTime() + (service.bookingHorizonDays + 2) * DAY),
    );
    const busy = await this.appointments.busyIntervals(
      { companyId: salon.companyId },
      stylists.map((s) => s.id),
      range,
      now,
      {
        askingCallId: options.askingCallId ?? undefined,
        excludeAppointmentId: options.excludeAppointmentId,
      },
    );
    return AvailabilityEngine.for({
      branch: salon.branch,
      service,
      now,
      stylists: stylists.map((staff) => ({ staff, busy: busy.get(staff.id) ?? [] })),
    });
  }
}
