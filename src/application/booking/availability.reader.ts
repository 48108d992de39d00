import { Inject, Injectable } from '@nestjs/common';
import { Unavailable } from '../../domain/availability/availability-errors';
import { AvailabilityEngine } from '../../domain/availability/availability-engine';
import { FreeStart } from '../../domain/availability/free-start';
import { Service } from '../../domain/salon/service';
import { Staff } from '../../domain/salon/staff';
import { Result } from '../../domain/shared/result';
import { TimeRange } from '../../domain/shared/time-range';
import {
  APPOINTMENT_REPOSITORY,
  AppointmentRepository,
} from '../ports/appointment.repository.port';
import { BranchContext } from '../ports/salon-catalog.port';

const DAY = 24 * 60 * 60_000;
/** Days past the wish whose busy times are read first; most answers need no more. */
const WINDOW_DAYS = 7;
const ALTERNATIVES = 2;

export interface AvailabilityOptions {
  /** This call's own hold does not block it. */
  readonly askingCallId?: string | null;
  /** A rescheduled appointment does not block its own move. */
  readonly excludeAppointmentId?: string;
}

/**
 * Availability around one wish. Busy times are read from now to a week past the wish, and the
 * engine's horizon is cut there, so it never judges a day it has not read. Only when that
 * window holds too few alternatives is the whole booking horizon read.
 */
export class WishAvailability {
  constructor(
    private readonly near: AvailabilityEngine,
    private readonly whole: (() => Promise<AvailabilityEngine>) | null,
  ) {}

  check(start: Date, stylist?: Staff): Result<FreeStart, Unavailable> {
    return stylist ? this.near.checkStart(start, stylist.id) : this.near.checkAnyStylist(start);
  }

  async alternatives(wish: Date, preferredStaffId?: string): Promise<FreeStart[]> {
    const near = this.near.alternatives(wish, { count: ALTERNATIVES, preferredStaffId });
    if (near.length >= ALTERNATIVES || !this.whole) return near;
    return (await this.whole()).alternatives(wish, { count: ALTERNATIVES, preferredStaffId });
  }
}

/** Loads what occupies the stylists and builds the domain's availability engine on it. */
@Injectable()
export class AvailabilityReader {
  constructor(
    @Inject(APPOINTMENT_REPOSITORY) private readonly appointments: AppointmentRepository,
  ) {}

  async around(
    salon: BranchContext,
    service: Service,
    now: Date,
    wish: Date,
    options: AvailabilityOptions = {},
    stylists: readonly Staff[] = salon.staff.filter((s) => s.offers(service.id)),
  ): Promise<WishAvailability> {
    const full = service.bookingHorizonDays;
    const untilWish = Math.max(0, Math.ceil((wish.getTime() - now.getTime()) / DAY));
    const days = Math.min(full, untilWish + WINDOW_DAYS);
    const near = await this.engine(salon, service, now, days, options, stylists);
    const whole =
      days < full ? () => this.engine(salon, service, now, full, options, stylists) : null;
    return new WishAvailability(near, whole);
  }

  private async engine(
    salon: BranchContext,
    service: Service,
    now: Date,
    horizonDays: number,
    options: AvailabilityOptions,
    stylists: readonly Staff[],
  ): Promise<AvailabilityEngine> {
    // A day of margin on both sides: local days and the buffer may reach past the horizon.
    const range = TimeRange.of(
      new Date(now.getTime() - DAY),
      new Date(now.getTime() + (horizonDays + 2) * DAY),
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
      horizonDays,
      stylists: stylists.map((staff) => ({ staff, busy: busy.get(staff.id) ?? [] })),
    });
  }
}
