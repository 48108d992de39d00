import { FreeStart } from '../../domain/availability/free-start';
import { calendarOffers } from '../../domain/calendar/offered-starts';
import { addLocalDays, LocalDate, wallTimeToInstant } from '../../domain/shared/local-date';
import { Service } from '../../domain/salon/service';
import { TimeRange } from '../../domain/shared/time-range';
import { stylistFor } from '../../domain/salon/visit-assignment';
import { CalendarGateway } from '../ports/calendar-gateway.port';
import { CalendarTarget, eventTypeForPhase } from '../ports/calendar-mapping.port';
import { BranchContext } from '../ports/salon-catalog.port';

/** What the external calendar says about a start the local calendar calls free. */
export type CalendarVerdict =
  /** Cal.com offers every working step of it. */
  | 'offered'
  /** Cal.com does not: booked or blocked there, so it is taken. */
  | 'refused'
  /** The stylist is mapped, but Cal.com could not be asked (failure, time budget, lookup bound). */
  | 'unchecked'
  /** No mapping: the local calendar is the stylist's whole calendar. */
  | 'local';

/**
 * Stylist-days (one slots answer per mapped event type of that day) one phone function may ask
 * Cal.com about: the wish's day plus three more for other stylists and alternatives. Further
 * candidates stay unchecked; the slot cache makes repeats within its TTL free anyway.
 */
export const MAX_STYLIST_DAYS = 4;

export interface CalendarCheckDeps {
  readonly gateway: CalendarGateway | null;
  /** The stylist's mapping for the service (one of a visit's; default: the one asked about). */
  readonly targetFor: (staffId: string, serviceId?: string) => Promise<CalendarTarget | null>;
  /** Wall time this whole check may wait for Cal.com. */
  readonly budgetMs: number;
  /**
   * For a move: the appointment's current working time. Cal.com shows it busy only because of
   * the booking being moved, so it counts as free there.
   */
  readonly ownTime?: readonly TimeRange[];
  readonly nowMs?: () => number;
  /** Stylist-days it may ask about (default MAX_STYLIST_DAYS); a week question asks more days. */
  readonly maxStylistDays?: number;
}

/**
 * One phone function's questions to the external calendar. Answers are kept per stylist, day
 * and event type (whose length asked follows from the service), so each is asked at most once;
 * the gateway caches and single-flights them across calls. The first failure or the end of the
 * time budget stops all further asking: the rest of the answer comes from the local calendar.
 */
export class CalendarCheck {
  private readonly answers = new Map<string, Promise<Date[] | null>>();
  private readonly stylistDays = new Set<string>();
  private readonly deadline: number;
  private readonly now: () => number;
  private unreachable = false;

  constructor(
    private readonly salon: BranchContext,
    private readonly service: Service,
    private readonly deps: CalendarCheckDeps,
  ) {
    this.now = deps.nowMs ?? Date.now;
    this.deadline = this.now() + deps.budgetMs;
  }

  async judge(free: FreeStart): Promise<CalendarVerdict> {
    if (!this.deps.gateway) return 'local';
    // The steps the sync books in Cal.com, each under its own stylist (a shared visit's) and
    // event type: for a visit, the one mapped for the step's own service at its place among
    // that service's segments. A stylist without a mapping is judged by the local calendar.
    const targets = new Map<string, CalendarTarget | null>();
    // One stylist: unmapped for the visit's own service, they are judged locally throughout. A
    // shared visit's stylist is asked about each service of theirs that is mapped.
    const gated = !free.assignment;
    const targetOf = async (staffId: string, serviceId: string) => {
      const base = `${staffId}|`;
      if (gated || serviceId === this.service.id) {
        if (!targets.has(base)) targets.set(base, await this.deps.targetFor(staffId));
        if (!targets.get(base)) return null;
        if (serviceId === this.service.id) return targets.get(base)!;
      }
      const key = `${staffId}|${serviceId}`;
      if (!targets.has(key)) targets.set(key, await this.deps.targetFor(staffId, serviceId));
      return targets.get(key)!;
    };
    const steps: Array<{
      staffId: string;
      target: CalendarTarget;
      range: TimeRange;
      eventTypeId: number;
    }> = [];
    for (const p of this.service.layoutAt(free.start)) {
      if (!p.staffBusy || p.isBuffer) continue;
      const staffId = stylistFor(free.assignment, p.serviceId, free.staffId);
      const target = await targetOf(staffId, p.serviceId);
      const eventTypeId = target && eventTypeForPhase(target, p.serviceSequence);
      if (target && typeof eventTypeId === 'number') {
        steps.push({ staffId, target, range: p.range, eventTypeId });
      }
    }
    if (steps.length === 0) return 'local';
    // Each event type is asked once, for the shortest step booked under it (Cal.com's
    // `duration`; the gateway keeps only starts with that much room by Cal.com's own windows).
    // A longer step is covered by consecutive windows; the shortest length keeps Cal.com's grid
    // of starts (spaced by the length asked when the event type sets no interval) finest.
    const shortest = new Map<string, number>();
    const typeKey = (s: (typeof steps)[number]) => `${s.staffId}|${s.eventTypeId}`;
    for (const s of steps) {
      shortest.set(typeKey(s), Math.min(shortest.get(typeKey(s)) ?? Infinity, s.range.minutes));
    }
    const lengthOf = (s: (typeof steps)[number]) => shortest.get(typeKey(s))!;
    const offered = await Promise.all(
      steps.map((s) =>
        this.startsOn(s.target, s.staffId, s.eventTypeId, s.range.start, lengthOf(s)),
      ),
    );
    const own = this.deps.ownTime ?? [];
    const refused = (s: (typeof steps)[number], i: number) =>
      offered[i] !== null && !calendarOffers(offered[i], s.range, lengthOf(s), own);
    if (steps.some(refused)) {
      return 'refused';
    }
    return offered.includes(null) ? 'unchecked' : 'offered';
  }

  private startsOn(
    target: CalendarTarget,
    staffId: string,
    eventTypeId: number,
    at: Date,
    minutes: number,
  ): Promise<Date[] | null> {
    const day = this.salon.branch.localDateOf(at);
    const key = `${staffId}|${day}|${eventTypeId}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.ask(target, staffId, eventTypeId, day, minutes);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private async ask(
    target: CalendarTarget,
    staffId: string,
    eventTypeId: number,
    day: LocalDate,
    minutes: number,
  ): Promise<Date[] | null> {
    const stylistDay = `${staffId}|${day}`;
    if (!this.stylistDays.has(stylistDay)) {
      if (this.stylistDays.size >= (this.deps.maxStylistDays ?? MAX_STYLIST_DAYS)) return null;
      this.stylistDays.add(stylistDay);
    }
    const left = this.deadline - this.now();
    if (this.unreachable || left <= 0) return null;
    const zone = this.salon.branch.timeZone;
    const asked = this.deps.gateway!.availableStarts({
      credentialRef: target.credentialRef,
      scope: { companyId: this.salon.companyId, branchId: this.salon.branch.id, staffId },
      eventTypeId,
      range: TimeRange.of(
        wallTimeToInstant(day, 0, zone),
        wallTimeToInstant(addLocalDays(day, 1), 0, zone),
      ),
      timeZone: zone,
      // Without it, an event type offering several lengths answers for its default one, and a
      // start free for a shorter booking is not free for a longer step the sync books there.
      lengthMinutes: minutes,
    });
    const starts = await within(asked, left);
    if (starts === null) this.unreachable = true;
    return starts;
  }
}

/**
 * Whether Cal.com vouched for what an answer states: true when every mapped stylist involved was
 * confirmed (or refused) by Cal.com, false when one could not be asked; undefined when no mapped
 * stylist was involved (unmapped stylists are judged locally only).
 */
export function calendarVerified(verdicts: readonly CalendarVerdict[]): boolean | undefined {
  const asked = verdicts.filter((v) => v !== 'local');
  if (asked.length === 0) return undefined;
  return !asked.includes('unchecked');
}

/**
 * The starts, or null when the calendar failed (typed calendar errors, and anything else: a
 * phone call never fails on it) or did not answer in time. A late answer still fills the cache.
 */
async function within(asked: Promise<Date[]>, ms: number): Promise<Date[] | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([asked.catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}
