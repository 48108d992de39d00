import { doesAll, doesSome } from '../../domain/salon/staff';
import { Inject, Injectable } from '@nestjs/common';
import { Unavailable } from '../../domain/availability/availability.errors';
import {
  AlternativesOptions,
  AvailabilityEngine,
} from '../../domain/availability/availability-engine';
import { FreeStart } from '../../domain/availability/free-start';
import { OfferCandidates } from '../../domain/availability/offer-choice';
import { addLocalDays, LocalDate, wallTimeToInstant } from '../../domain/shared/local-date';
import { Service } from '../../domain/salon/service';
import { Staff } from '../../domain/salon/staff';
import { Result } from '../../domain/shared/result';
import { TimeRange } from '../../domain/shared/time-range';
import { ServiceStylist } from '../../domain/salon/visit-assignment';
import {
  APPOINTMENT_REPOSITORY,
  AppointmentRepository,
} from '../ports/appointment.repository.port';
import { BranchContext } from '../ports/salon-catalog.port';

const DAY = 24 * 60 * 60_000;
/** Days on either side of the wish whose busy times are read first; most answers need no more. */
const WINDOW_DAYS = 7;
const ALTERNATIVES = 2;

export interface AvailabilityOptions {
  /** This call's own hold does not block it. */
  readonly askingCallId?: string | null;
  /** A rescheduled appointment does not block its own move. */
  readonly excludeAppointmentId?: string;
}

/**
 * Availability around one wish. Busy times are read from a week before the wish to a week
 * after it, and the engine judges only those days, so it never calls free a day it has not
 * read. Only when that window cannot settle the alternatives (too few, or a closer one could
 * lie outside it) is the whole booking horizon read.
 */
export class WishAvailability {
  private readonly whole: (() => Promise<AvailabilityEngine>) | null;

  constructor(
    private readonly near: AvailabilityEngine,
    readWhole: (() => Promise<AvailabilityEngine>) | null,
  ) {
    // Read once: the alternatives' wider rounds ask again and the horizon has not changed.
    let read: Promise<AvailabilityEngine> | undefined;
    this.whole = readWhole && (() => (read ??= readWhole()));
  }

  /**
   * The engine that judges every day from `from` to `to`: the days read around the wish when
   * they hold them all, else the whole horizon (read once).
   */
  async covering(from: LocalDate, to: LocalDate = from): Promise<AvailabilityEngine> {
    const near = this.near;
    const first = from < near.today ? near.today : from;
    const last = to > near.horizonEnd ? near.horizonEnd : to;
    if (!this.whole || (first >= near.firstDate && last <= near.lastDate)) return near;
    return this.whole();
  }

  /** The whole horizon, when only the days around the wish were read; else null. */
  async wider(): Promise<AvailabilityEngine | null> {
    return this.whole ? this.whole() : null;
  }

  /**
   * Free for the stylist asked for, or anyone; a visit nobody can do whole at `start` is shared
   * among stylists where the branch allows it (see AvailabilityEngine.checkVisitStart).
   */
  check(start: Date, stylist?: Staff): Result<FreeStart, Unavailable> {
    if (this.near.sharesVisits) {
      return this.near.checkVisitStart(start, { split: true, stylistId: stylist?.id });
    }
    return stylist ? this.near.checkStart(start, stylist.id) : this.near.checkAnyStylist(start);
  }

  /** The offers instead of the wish (the domain's rules; two unless `count` says otherwise). */
  async alternatives(wish: Date, wanted: AlternativesOptions = {}): Promise<FreeStart[]> {
    const options = { ...wanted, count: wanted.count ?? ALTERNATIVES };
    if (!this.whole) return this.near.alternatives(wish, options);
    return (
      this.near.alternativesIfCertain(wish, options) ??
      (await this.whole()).alternatives(wish, options)
    );
  }

  /** Candidates to choose offers from again when some are refused elsewhere (Cal.com). */
  async candidates(wish: Date, wanted: AlternativesOptions): Promise<OfferCandidates> {
    if (!this.whole) return this.near.candidates(wish, wanted);
    return (
      this.near.candidatesIfCertain(wish, wanted) ?? (await this.whole()).candidates(wish, wanted)
    );
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
    stylists: readonly Staff[] = stylistsFor(salon, service),
  ): Promise<WishAvailability> {
    const full = service.bookingHorizonDays;
    const today = salon.branch.localDateOf(now);
    const lastDate = addLocalDays(today, full);
    // A wish beyond the horizon is read as one on its last day: its nearest bookable starts lie
    // there, and a window starting after the horizon's end would be no time at all.
    const wishDate = minDate(salon.branch.localDateOf(wish), lastDate);
    const window = {
      fromDate: addLocalDays(wishDate, -WINDOW_DAYS),
      days: Math.min(full, daysBetween(today, wishDate) + WINDOW_DAYS),
    };
    const near = await this.engine(salon, service, now, window, options, stylists);
    const cut = window.days < full || window.fromDate > today;
    const whole = cut
      ? () => this.engine(salon, service, now, { days: full }, options, stylists)
      : null;
    return new WishAvailability(near, whole);
  }

  /**
   * Whether a start this call holds may be booked: judged by the salon's rules alone (opening
   * and working hours, notice, horizon, closed days, as they are now), without reading anyone's
   * busy time. The hold's own busy blocks have kept every other writer off that time since
   * check_availability found it free, and should the hold lapse meanwhile, the database refuses
   * an overlapping booking at the write. Alternatives need around().
   */
  checkHeldStart(
    salon: BranchContext,
    service: Service,
    now: Date,
    start: Date,
    stylist: Staff,
  ): Result<FreeStart, Unavailable> {
    return rulesOnlyEngine(salon, service, now, start, [stylist]).checkStart(start, stylist.id);
  }

  /** checkHeldStart for a visit this call holds shared among stylists, as it was held. */
  checkHeldShared(
    salon: BranchContext,
    service: Service,
    now: Date,
    start: Date,
    assignment: readonly ServiceStylist[],
  ): Result<FreeStart, Unavailable> {
    const ids = new Set(assignment.map((a) => a.staffId));
    const stylists = salon.staff.filter((s) => ids.has(s.id));
    return rulesOnlyEngine(salon, service, now, start, stylists).checkShared(start, assignment);
  }

  private async engine(
    salon: BranchContext,
    service: Service,
    now: Date,
    window: { fromDate?: LocalDate; days: number },
    options: AvailabilityOptions,
    stylists: readonly Staff[],
  ): Promise<AvailabilityEngine> {
    const zone = salon.branch.timeZone;
    const from = window.fromDate ? wallTimeToInstant(window.fromDate, 0, zone) : now;
    // A day of margin on both sides: local days and the buffer may reach past the window.
    const range = TimeRange.of(
      new Date(Math.max(from.getTime(), now.getTime()) - DAY),
      new Date(now.getTime() + (window.days + 2) * DAY),
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
      horizonDays: window.days,
      fromDate: window.fromDate,
      stylists: stylists.map((staff) => ({ staff, busy: busy.get(staff.id) ?? [] })),
    });
  }
}

/**
 * An engine for the day of `start` that knows the salon's rules but nobody's busy time: for a
 * start a hold already keeps free (see checkHeldStart).
 */
function rulesOnlyEngine(
  salon: BranchContext,
  service: Service,
  now: Date,
  start: Date,
  stylists: readonly Staff[],
): AvailabilityEngine {
  const wishDate = salon.branch.localDateOf(start);
  return AvailabilityEngine.for({
    branch: salon.branch,
    service,
    now,
    horizonDays: Math.min(
      service.bookingHorizonDays,
      daysBetween(salon.branch.localDateOf(now), wishDate),
    ),
    fromDate: wishDate,
    stylists: stylists.map((staff) => ({ staff, busy: [] })),
  });
}

/**
 * Whose busy time a question about `service` reads: who does it all, and for a visit the
 * branch may share among stylists, everyone who does one of its services.
 */
export function stylistsFor(salon: BranchContext, service: Service): Staff[] {
  if (salon.branch.sharesVisit(service)) return salon.staff.filter((s) => doesSome(s, service));
  return salon.staff.filter((s) => doesAll(s, service));
}

const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);

/** Whole local days from one date to a later one (0 for the same day). */
function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY));
}
