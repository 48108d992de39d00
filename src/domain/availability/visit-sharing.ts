import { Branch } from '../salon/branch';
import { PlacedSegment, Service } from '../salon/service';
import { ServiceStylist } from '../salon/visit-assignment';
import { LocalDate } from '../shared/local-date';
import { TimeRange } from '../shared/time-range';
import {
  NobodyAtWorkFor,
  OutsideWorkingHours,
  ServiceNotOffered,
  SlotTaken,
  Unavailable,
  UnknownStylist,
} from './availability.errors';
import { StylistTimeline } from './stylist-timeline';
import { chooseStylists } from './stylist-choice';
import { withinWindows } from './within-windows';

/**
 * The stylists' side of a visit shared among them (the salon's rules are the engine's): who can
 * do which service at a start, each free for that service's own busy steps (its buffer
 * included) in their working time, and why a given sharing or stylist cannot.
 */
export class VisitSharing {
  /** Working windows by stylist and local date: asked for at every start of a day. */
  private readonly windows = new Map<string, readonly TimeRange[]>();

  constructor(
    private readonly branch: Branch,
    private readonly service: Service,
    /** In the order the search prefers them. */
    private readonly timelines: readonly StylistTimeline[],
  ) {}

  /**
   * Who does which service at `start` (see chooseStylists); `pinned` does every service they
   * offer. Undefined when some service has nobody, or one stylist would do it all. `date`:
   * the start's local date, when the caller knows it already.
   */
  plan(
    start: Date,
    pinned?: StylistTimeline,
    date: LocalDate = this.branch.localDateOf(start),
  ): ServiceStylist[] | undefined {
    const steps = this.busyStepsAt(start);
    const options = this.service.parts.map((part) => {
      const own = steps.filter((p) => p.serviceId === part.id);
      const pool = pinned?.staff.offers(part.id) ? [pinned] : this.timelines;
      return pool
        .filter((tl) => tl.staff.offers(part.id) && !this.stepsRefusal(tl, date, own))
        .map((tl) => tl.staff.id);
    });
    const chosen = chooseStylists(
      options,
      this.timelines.map((t) => t.staff.id),
    );
    if (!chosen || new Set(chosen).size < 2) return undefined;
    return this.service.parts.map((part, i) => ({ serviceId: part.id, staffId: chosen[i] }));
  }

  /** Why `assignment` cannot take `start`: the first of its stylists who cannot; else none. */
  refusalOf(start: Date, assignment: readonly ServiceStylist[]): Unavailable | undefined {
    const steps = this.busyStepsAt(start);
    const date = this.branch.localDateOf(start);
    for (const part of this.service.parts) {
      const staffId = assignment.find((a) => a.serviceId === part.id)?.staffId;
      const timeline = this.timelines.find((t) => t.staff.id === staffId);
      if (!timeline) return new UnknownStylist(staffId ?? '');
      if (!timeline.staff.offers(part.id)) return new ServiceNotOffered();
      const own = steps.filter((p) => p.serviceId === part.id);
      const refusal = this.stepsRefusal(timeline, date, own);
      if (refusal) return refusal;
    }
    return undefined;
  }

  /**
   * Why a stylist asked for, who does part of the visit, cannot take it: what stands in the way
   * of their own steps, else that nobody can do the rest then (taken).
   */
  ownPartRefusal(start: Date, stylist: StylistTimeline): Unavailable {
    const own = this.busyStepsAt(start).filter((p) => stylist.staff.offers(p.serviceId));
    return (
      this.stepsRefusal(stylist, this.branch.localDateOf(start), own) ??
      new SlotTaken('appointment')
    );
  }

  /**
   * Why nobody can share the visit at `start` when every service has a stylist working then
   * (other bookings, holds or absences stand in the way): that conflict. Undefined when some
   * service has nobody at work then, so sharing was never a way.
   */
  takenRefusal(start: Date): SlotTaken | undefined {
    const steps = this.busyStepsAt(start);
    const date = this.branch.localDateOf(start);
    let taken: SlotTaken | undefined;
    for (const part of this.service.parts) {
      const own = steps.filter((p) => p.serviceId === part.id);
      const refusals = this.timelines
        .filter((tl) => tl.staff.offers(part.id))
        .map((tl) => this.stepsRefusal(tl, date, own));
      if (refusals.some((r) => r === undefined)) continue;
      const conflicts = refusals.filter((r): r is SlotTaken => r instanceof SlotTaken);
      if (conflicts.length === 0) return undefined;
      // Another booking or hold says more than someone away.
      const first = conflicts.find((c) => c.conflictKind !== 'absence') ?? conflicts[0];
      if (!taken || (taken.conflictKind === 'absence' && first.conflictKind !== 'absence')) {
        taken = first;
      }
    }
    return taken;
  }

  /**
   * The services of the visit that nobody who does them works for at `start` (their steps lie
   * outside every such stylist's working time), as a refusal; undefined when each has someone.
   */
  nobodyAtWorkRefusal(start: Date): NobodyAtWorkFor | undefined {
    const steps = this.busyStepsAt(start);
    const date = this.branch.localDateOf(start);
    const unstaffed = this.service.parts.filter((part) => {
      const own = steps.filter((p) => p.serviceId === part.id);
      return this.timelines
        .filter((tl) => tl.staff.offers(part.id))
        .every((tl) => this.stepsRefusal(tl, date, own) instanceof OutsideWorkingHours);
    });
    if (unstaffed.length === 0) return undefined;
    const wholeDay = unstaffed.every((part) =>
      this.timelines
        .filter((tl) => tl.staff.offers(part.id))
        .every((tl) => this.workingWindows(tl, date).length === 0),
    );
    return new NobodyAtWorkFor(
      unstaffed.map((p) => p.id),
      wholeDay,
    );
  }

  private workingWindows(timeline: StylistTimeline, date: LocalDate): readonly TimeRange[] {
    const key = `${timeline.staff.id}|${date}`;
    let found = this.windows.get(key);
    if (!found) {
      found = timeline.staff.workingWindowsOn(date, this.branch);
      this.windows.set(key, found);
    }
    return found;
  }

  private busyStepsAt(start: Date): PlacedSegment[] {
    return this.service.layoutAt(start).filter((p) => p.staffBusy);
  }

  /** Outside the stylist's working time, or in the way of another busy time; else none. */
  private stepsRefusal(
    timeline: StylistTimeline,
    date: LocalDate,
    steps: readonly PlacedSegment[],
  ): Unavailable | undefined {
    const working = this.workingWindows(timeline, date);
    if (!steps.every((p) => withinWindows(p.range.startMs, p.range.endMs, working))) {
      return new OutsideWorkingHours();
    }
    for (const p of steps) {
      const kind = timeline.conflictWith(p.range.startMs, p.range.endMs);
      if (kind) return new SlotTaken(kind);
    }
    return undefined;
  }
}
