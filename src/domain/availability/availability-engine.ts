import { doesAll, doesSome } from '../salon/staff';
import { Branch } from '../salon/branch';
import { addLocalDays, LocalDate, wallTimeToInstant } from '../shared/local-date';
import { Service } from '../salon/service';
import { Staff } from '../salon/staff';
import { err, ok, Result } from '../shared/result';
import { TimeRange } from '../shared/time-range';
import { AlternativesOptions, chooseOffers, offerCandidates } from './alternative-offers';
import { WishAnchor, wishAnchor } from './alternative-search';
import {
  BeyondHorizon,
  ClosedDay,
  InThePast,
  OutsideOpeningHours,
  OutsideWorkingHours,
  RunsPastOpeningHours,
  ServiceNotOffered,
  SlotTaken,
  TooShortNotice,
  Unavailable,
  UnknownStylist,
} from './availability.errors';
import { BusyInterval } from './busy-interval';
import { FreeStart } from './free-start';
import { OfferCandidates } from './offer-choice';
import { VisitSharing } from './visit-sharing';
import { withinWindows } from './within-windows';
import { ServiceStylist } from '../salon/visit-assignment';

export type { AlternativesOptions } from './alternative-offers';
import { StylistTimeline } from './stylist-timeline';

export interface StylistCalendar {
  readonly staff: Staff;
  /** Appointments, other calls' live holds, calendar busy times; absences come from `staff`. */
  readonly busy: readonly BusyInterval[];
}

export interface AvailabilityQuery {
  readonly branch: Branch;
  readonly service: Service;
  readonly stylists: readonly StylistCalendar[];
  readonly now: Date;
  /** Defaults to the service's booking horizon. */
  readonly horizonDays?: number;
  /**
   * The first local date whose busy times are known; earlier days are not judged (no free
   * starts, and a start there is refused as beyond what was read). Defaults to today.
   */
  readonly fromDate?: LocalDate;
}

const MINUTE = 60_000;

/**
 * Processing-time availability (SPEC rule 1): a start is free when every staff-busy step of the
 * service (buffer included) lies in the stylist's working time and overlaps none of their busy
 * intervals, and the whole span lies inside one opening window. Intervals are half-open.
 */
export class AvailabilityEngine {
  private readonly timelines: readonly StylistTimeline[];
  private readonly sharing: VisitSharing;
  private readonly busySteps: ReadonlyArray<{ readonly from: number; readonly to: number }>;
  private readonly spanMs: number;
  private readonly durationMs: number;
  /** The first instant that respects the service's minimum notice. */
  readonly earliestMs: number;
  /** The last local date inside the booking horizon. */
  readonly lastDate: LocalDate;
  /** The first local date judged (see AvailabilityQuery.fromDate). */
  readonly firstDate: LocalDate;
  /** The branch's local date at `now`. */
  readonly today: LocalDate;
  /** The last local date of the service's own booking horizon (read or not). */
  readonly horizonEnd: LocalDate;
  /** The horizon ends before the service's own: later days exist but were not read. */
  private readonly cutsHorizon: boolean;

  private constructor(
    readonly branch: Branch,
    readonly service: Service,
    stylists: readonly StylistCalendar[],
    private readonly nowMs: number,
    horizonDays: number,
    fromDate: LocalDate | undefined,
  ) {
    this.timelines = stylists.map((s) => new StylistTimeline(s.staff, s.busy));
    this.sharing = new VisitSharing(branch, service, this.timelines);
    this.busySteps = service
      .busyOffsets()
      .map((o) => ({ from: o.from * MINUTE, to: o.to * MINUTE }));
    this.spanMs = service.spanMinutes * MINUTE;
    this.durationMs = service.durationMinutes * MINUTE;
    this.earliestMs = nowMs + service.minNoticeMinutes * MINUTE;
    const today = branch.localDateOf(new Date(nowMs));
    this.today = today;
    this.horizonEnd = addLocalDays(today, service.bookingHorizonDays);
    this.lastDate = addLocalDays(today, horizonDays);
    this.firstDate = fromDate !== undefined && fromDate > today ? fromDate : today;
    this.cutsHorizon = horizonDays < service.bookingHorizonDays;
  }

  static for(query: AvailabilityQuery): AvailabilityEngine {
    const horizon = query.horizonDays ?? query.service.bookingHorizonDays;
    return new AvailabilityEngine(
      query.branch,
      query.service,
      query.stylists,
      query.now.getTime(),
      horizon,
      query.fromDate,
    );
  }

  get staffIds(): string[] {
    return this.timelines.map((t) => t.staff.id);
  }

  /** Is `start` free for this stylist, and if not, the first reason why. */
  checkStart(start: Date, staffId: string): Result<FreeStart, Unavailable> {
    const timeline = this.timelines.find((t) => t.staff.id === staffId);
    if (!timeline) return err(new UnknownStylist(staffId));
    const refusal = this.salonRefusal(start.getTime()) ?? this.stylistRefusal(timeline, start);
    return refusal ? err(refusal) : ok(this.freeStart(timeline, start.getTime()));
  }

  /** Free with any stylist (in the given order); else the first stylist's reason. */
  checkAnyStylist(start: Date): Result<FreeStart, Unavailable> {
    const offering = this.timelines.filter((t) => doesAll(t.staff, this.service));
    const checks = (offering.length > 0 ? offering : this.timelines).map((t) =>
      this.checkStart(start, t.staff.id),
    );
    return checks.find((c) => c.ok) ?? checks[0] ?? err(new ServiceNotOffered());
  }

  /**
   * A visit at `start`: with one stylist whenever someone (the one asked for, if any) does it
   * all; else, when `split` allows, with a stylist per service (see chooseStylists). A stylist
   * asked for who does only some of the services does those, others the rest. The refusal is
   * the one-stylist refusal (the shared visit is a way out, not a different question), except
   * where no one stylist works then but stylists sharing it would, were they not taken: then
   * it is taken.
   */
  checkVisitStart(
    start: Date,
    opts: { readonly split: boolean; readonly stylistId?: string },
  ): Result<FreeStart, Unavailable> {
    const asked = opts.stylistId;
    const single = asked ? this.checkStart(start, asked) : this.checkAnyStylist(start);
    if (single.ok || !opts.split || !this.service.isVisit) return single;
    if (this.salonRefusal(start.getTime())) return single;
    const pinned = asked ? this.timelines.find((t) => t.staff.id === asked) : undefined;
    if (asked && (!pinned || doesAll(pinned.staff, this.service))) return single;
    const assignment = this.sharing.plan(start, pinned);
    if (pinned && !assignment) return err(this.sharing.ownPartRefusal(start, pinned));
    if (!assignment) return this.sharedTakenRefusal(start, single);
    return ok(this.sharedStart(start.getTime(), assignment));
  }

  /**
   * `single`, unless no one stylist works then: taken when sharing is only kept off by
   * conflicts; else which services nobody who does them works for then.
   */
  private sharedTakenRefusal(
    start: Date,
    single: Result<FreeStart, Unavailable>,
  ): Result<FreeStart, Unavailable> {
    if (single.ok || single.error instanceof SlotTaken) return single;
    const refusal = this.sharing.takenRefusal(start) ?? this.sharing.nobodyAtWorkRefusal(start);
    return refusal ? err(refusal) : single;
  }

  /**
   * Whether `assignment` (a shared visit, as held or booked before) can take `start`: the
   * salon's rules, and each stylist offering their service and free for its busy steps.
   */
  checkShared(start: Date, assignment: readonly ServiceStylist[]): Result<FreeStart, Unavailable> {
    const refusal = this.salonRefusal(start.getTime()) ?? this.sharing.refusalOf(start, assignment);
    if (refusal) return err(refusal);
    const staffOf = (id: string) => assignment.find((a) => a.serviceId === id)!.staffId;
    const inOrder = this.service.parts.map((p) => ({ serviceId: p.id, staffId: staffOf(p.id) }));
    return ok(this.sharedStart(start.getTime(), inOrder));
  }

  /** A visit the branch lets stylists share (see checkVisitStart). */
  get sharesVisits(): boolean {
    return this.branch.sharesVisit(this.service);
  }

  /**
   * Every free start of a local date on the slot grid, by start, then stylist order. Asked for
   * anyone (no `staffIds`) about a visit the branch lets stylists share, a start no one stylist
   * can take is offered shared where stylists can (as checkVisitStart would plan it).
   */
  freeStartsOfDay(date: LocalDate, staffIds?: readonly string[]): FreeStart[] {
    const timelines = this.timelines.filter(
      (t) => doesAll(t.staff, this.service) && (!staffIds || staffIds.includes(t.staff.id)),
    );
    const sharing = this.sharesVisits && !staffIds;
    // Asked for one stylist who does only part of the visit: the starts where they do their part.
    const pinned = staffIds?.length === 1 ? this.partTaker(staffIds[0]) : undefined;
    if (date > this.lastDate || date < this.firstDate) return [];
    if (timelines.length === 0 && !sharing && !pinned) return [];
    const working = timelines.map((t) => t.staff.workingWindowsOn(date, this.branch));
    const step = this.branch.slotGranularityMinutes * MINUTE;
    const found: FreeStart[] = [];
    // The grid starts at each window's opening, so starts keep their wall-clock minutes on DST days.
    for (const window of this.branch.openingWindowsOn(date)) {
      for (let t = window.startMs; t + this.spanMs <= window.endMs; t += step) {
        if (t < this.earliestMs) continue;
        const before = found.length;
        timelines.forEach((timeline, i) => {
          if (this.stylistCanTake(timeline, working[i], t)) found.push(this.freeStart(timeline, t));
        });
        if ((sharing || pinned) && found.length === before) {
          const assignment = this.sharing.plan(new Date(t), pinned, date);
          if (assignment) found.push(this.sharedStart(t, assignment));
        }
      }
    }
    return found;
  }

  /**
   * Whether the stylist does some but not all services of a visit stylists may share: asked for,
   * their starts are the shared ones in which they do their part (see freeStartsOfDay).
   */
  doesPartOf(staffId: string | undefined): boolean {
    return staffId !== undefined && this.partTaker(staffId) !== undefined;
  }

  private partTaker(staffId: string): StylistTimeline | undefined {
    if (!this.sharesVisits) return undefined;
    const timeline = this.timelines.find((t) => t.staff.id === staffId);
    if (!timeline || doesAll(timeline.staff, this.service)) return undefined;
    return doesSome(timeline.staff, this.service) ? timeline : undefined;
  }

  /** The stylists who offer the service, in the salon's order. */
  staffIdsOffering(): string[] {
    return this.timelines.filter((t) => doesAll(t.staff, this.service)).map((t) => t.staff.id);
  }

  /**
   * The starts offered instead of a wish (SPEC rule 3, see chooseOffers): nearest first, the
   * asked stylist's first; another stylist free at the very time asked; offers clearly apart.
   */
  alternatives(wish: Date, options: AlternativesOptions = {}): FreeStart[] {
    const anchor = wishAnchor(this, wish.getTime());
    return chooseOffers(this, wish.getTime(), anchor, options).value;
  }

  /**
   * The alternatives, but only when the days this engine judges are sure to hold them: every
   * start the choice consulted is closer to the wish than any day left out at either end, and
   * the choice found all it looked for. Null when a wider read could choose otherwise.
   */
  alternativesIfCertain(wish: Date, options: AlternativesOptions = {}): FreeStart[] | null {
    return this.ifCertain(wish, (anchor, cut) =>
      chooseOffers(this, wish.getTime(), anchor, options, cut),
    );
  }

  /** Starts to choose the offers from again when some turn out unusable (see offerCandidates). */
  candidates(wish: Date, options: AlternativesOptions = {}): OfferCandidates {
    const anchor = wishAnchor(this, wish.getTime());
    return offerCandidates(this, wish.getTime(), anchor, options).value;
  }

  /** The candidates, when the days this engine judges are sure to hold them (as above). */
  candidatesIfCertain(wish: Date, options: AlternativesOptions = {}): OfferCandidates | null {
    return this.ifCertain(wish, (anchor, cut) =>
      offerCandidates(this, wish.getTime(), anchor, options, cut),
    );
  }

  private ifCertain<T>(
    wish: Date,
    find: (anchor: WishAnchor, cutMs: number) => { value: T; sure: boolean },
  ): T | null {
    const anchor = wishAnchor(this, wish.getTime());
    // Past the last open hour read, the whole horizon may still hold a later open day.
    if (anchor.pastLastOpenHour && this.cutsHorizon) return null;
    const zone = this.branch.timeZone;
    const earliestDate = this.branch.localDateOf(new Date(this.earliestMs));
    const backCut =
      this.firstDate > earliestDate
        ? anchor.ms - wallTimeToInstant(this.firstDate, 0, zone).getTime()
        : Infinity;
    const aheadCut = this.cutsHorizon
      ? wallTimeToInstant(this.lastDate, 1440, zone).getTime() - anchor.ms
      : Infinity;
    const found = find(anchor, Math.min(backCut, aheadCut));
    return found.sure ? found.value : null;
  }

  private salonRefusal(startMs: number): Unavailable | undefined {
    const date = this.branch.localDateOf(new Date(startMs));
    if (startMs < this.nowMs) return new InThePast();
    if (startMs < this.earliestMs) return new TooShortNotice();
    // Days outside what was read are never called free; the caller reads them when it asks.
    if (date > this.lastDate || date < this.firstDate) {
      return new BeyondHorizon(this.lastBookableDate());
    }
    if (this.branch.isClosedOn(date)) return new ClosedDay();
    const windows = this.branch.openingWindowsOn(date);
    if (windows.some((w) => this.spanFits(w, startMs))) return undefined;
    // Open at the start but not to the end: the caller hears when the salon closes, not that it is shut.
    const open = windows.find((w) => w.startMs <= startMs && startMs < w.endMs);
    if (!open) return new OutsideOpeningHours();
    const reopens = windows.some((w) => w.startMs >= open.endMs);
    return new RunsPastOpeningHours(new Date(open.endMs), reopens);
  }

  /** The last open day inside the service's own horizon (not only the days read). */
  private lastBookableDate(): LocalDate {
    const today = this.branch.localDateOf(new Date(this.nowMs));
    const end = addLocalDays(today, this.service.bookingHorizonDays);
    for (let d = end; d >= today; d = addLocalDays(d, -1)) {
      if (!this.branch.isClosedOn(d)) return d;
    }
    return end;
  }

  private stylistRefusal(timeline: StylistTimeline, start: Date): Unavailable | undefined {
    if (!doesAll(timeline.staff, this.service)) return new ServiceNotOffered();
    const working = timeline.staff.workingWindowsOn(this.branch.localDateOf(start), this.branch);
    const t = start.getTime();
    if (!this.busySteps.every((s) => withinWindows(t + s.from, t + s.to, working))) {
      return new OutsideWorkingHours();
    }
    for (const s of this.busySteps) {
      const kind = timeline.conflictWith(t + s.from, t + s.to);
      if (kind) return new SlotTaken(kind);
    }
    return undefined;
  }

  private stylistCanTake(
    timeline: StylistTimeline,
    working: readonly TimeRange[],
    t: number,
  ): boolean {
    return this.busySteps.every(
      (s) =>
        withinWindows(t + s.from, t + s.to, working) &&
        !timeline.conflictWith(t + s.from, t + s.to),
    );
  }

  private spanFits(window: TimeRange, startMs: number): boolean {
    return window.startMs <= startMs && startMs + this.spanMs <= window.endMs;
  }

  /** A start shared by stylists: the first service's stylist stands for it. */
  private sharedStart(t: number, assignment: readonly ServiceStylist[]): FreeStart {
    const end = new Date(t + this.durationMs);
    return { staffId: assignment[0].staffId, start: new Date(t), end, assignment };
  }

  private freeStart(timeline: StylistTimeline, t: number): FreeStart {
    return { staffId: timeline.staff.id, start: new Date(t), end: new Date(t + this.durationMs) };
  }
}
