import { Inject, Injectable } from '@nestjs/common';
import type { AvailabilityEngine } from '../../domain/availability/availability-engine';
import {
  daysWithRoom,
  freeStartsWithin,
  MinuteWindow,
  nearestDayWithRoom,
  nextDayWithRoom,
  previousDayWithRoom,
  whyNoRoom,
} from '../../domain/availability/open-day';
import { startsAroundWindow } from '../../domain/availability/starts-around-window';
import { OpenWhen } from '../../domain/language';
import { Service } from '../../domain/salon/service';
import { doesAll, Staff } from '../../domain/salon/staff';
import { addLocalDays, LocalDate, wallTimeToInstant } from '../../domain/shared/local-date';
import { CLOCK, Clock } from '../ports/clock.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { AvailabilityReader, stylistsFor, WishAvailability } from './availability.reader';
import { CalendarCheck, CalendarVerdict } from './calendar-check';
import { CallContext } from './call-context';
import { CallHolds } from './call-holds';
import { ConfirmedAvailabilityService } from './confirmed-availability.service';
import { confirmedSpread, firstConfirmed } from './confirmed-spread';
import {
  commonReason,
  startsOffered,
  withoutStarts,
  NearestDay,
  OpenAvailabilityOutcome,
  OpenFound,
} from './open-availability.outcomes';

/** An open question as understood: the service (a parameter: visits may ask too), who, when. */
export interface OpenQuestion {
  readonly service: Service;
  readonly stylist: Staff | undefined;
  readonly when: OpenWhen;
}

/** Starts offered for a day; two for the nearest day offered instead. */
const OFFERED = 3;
const OFFERED_INSTEAD = 2;
/** Days with room a week answer lists (and asks Cal.com about): a week, Sunday included. */
const MAX_DAYS = 7;
/** Days with room whose every start Cal.com refused before "earliest" gives up. */
const EARLIEST_DAYS_TRIED = 3;
/** Answers are read again this often when other calls hold every start offered meanwhile. */
const ATTEMPTS = 3;
const DAY_MS = 86_400_000;

type Found = OpenFound;

/** What one search needs: the question, the stylists whose starts count, the calendars. */
interface Search extends OpenQuestion {
  /** Whose starts; undefined: anyone's, shared among stylists where the branch allows it. */
  readonly staffIds: readonly string[] | undefined;
  readonly window: MinuteWindow | undefined;
  readonly availability: WishAvailability;
  readonly calendar: CalendarCheck;
}

/**
 * "Haben Sie am Freitag etwas frei?", "Wann ist der nächste freie Termin bei Anna?", "Wann hat
 * Anna diese Woche Zeit?": free starts spread over the day (or part) asked, the first start of
 * each day asked, or the earliest ones; each start free in the local calendar (notice, horizon,
 * closed days, absences, other calls' holds) and not refused by Cal.com within the live budget.
 * The first start offered is held for the call. An empty answer says why and offers the
 * nearest day with room.
 */
@Injectable()
export class OpenAvailabilityUseCase {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reader: AvailabilityReader,
    private readonly confirmed: ConfirmedAvailabilityService,
    private readonly holds: CallHolds,
  ) {}

  async execute(
    salon: BranchContext,
    call: CallContext,
    question: OpenQuestion,
  ): Promise<OpenAvailabilityOutcome> {
    const now = this.clock.now();
    const { service, when } = question;
    // A week question judges a first start on each day: more stylist-days, one budget. The
    // budget and Cal.com's answers are shared by every attempt, as SlotInquiry's are.
    const stylists = readFor(salon, question);
    const maxStylistDays =
      when.kind === 'days' ? MAX_DAYS * Math.max(1, stylists.length) : undefined;
    const calendar = this.confirmed.calendarFor(salon, service, { maxStylistDays });
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const found = await this.find(salon, call, question, now, calendar, stylists);
      const offered = startsOffered(found);
      if (offered.length === 0 || !call.callId) {
        return { ...found, hold: null } as OpenAvailabilityOutcome;
      }
      // The first start another call has not taken meanwhile is held; those taken before it
      // are not read out.
      for (const [i, start] of offered.entries()) {
        const hold = await this.holds.place(salon, call.callId, question.service, start, now);
        if (hold) {
          return { ...withoutStarts(found, offered.slice(0, i)), hold } as OpenAvailabilityOutcome;
        }
      }
      // Other calls held every start offered between reading and holding: read again, which
      // spreads the starts over what is left of the time asked.
    }
    // Round after round taken: offer what is free now, said as not reserved, rather than
    // starts other calls hold.
    const found = await this.find(salon, call, question, now, calendar, stylists);
    const unreserved = startsOffered(found).length > 0 ? { unreserved: true as const } : {};
    return { ...found, hold: null, ...unreserved } as OpenAvailabilityOutcome;
  }

  private async find(
    salon: BranchContext,
    call: CallContext,
    question: OpenQuestion,
    now: Date,
    calendar: CalendarCheck,
    stylists: readonly Staff[],
  ): Promise<Found> {
    const { service, stylist, when } = question;
    const zone = salon.branch.timeZone;
    const today = salon.branch.localDateOf(now);
    const from = when.kind === 'day' ? when.date : when.kind === 'days' ? when.dates[0] : today;
    const wish = wallTimeToInstant(from, when.window?.fromMinute ?? 0, zone);
    // Anyone, for a visit stylists may share: a start no one can do whole is offered shared.
    const anyone = !stylist && salon.branch.sharesVisit(service);
    const availability = await this.reader.around(
      salon,
      service,
      now,
      wish,
      { askingCallId: call.callId },
      stylists,
    );
    const search: Search = {
      ...question,
      staffIds: anyone ? undefined : stylist ? [stylist.id] : stylists.map((s) => s.id),
      window: when.window,
      availability,
      calendar,
    };
    if (when.kind === 'day') return this.day(search, when.date);
    if (when.kind === 'days') return this.days(search, when.dates);
    return this.earliest(search, today);
  }

  private async day(search: Search, date: LocalDate): Promise<Found> {
    const engine = await search.availability.covering(date);
    const starts = freeStartsWithin(engine, date, search.window, search.staffIds);
    const offered = await confirmedSpread(starts, search.calendar, OFFERED);
    if (offered.starts.length > 0) {
      return { kind: 'open-day', ...answered(search), date, ...offered };
    }
    const reason =
      starts.length > 0 ? 'fully-booked' : whyNoRoom(engine, date, search.window, search.stylist);
    // A part of the day that missed the opening hours is answered with the whole day below.
    const around =
      search.window && reason !== 'outside-hours'
        ? await this.aroundPart(search, engine, date, search.window)
        : undefined;
    const instead = around ?? (await this.nearest(search, date, reason === 'outside-hours'));
    return {
      kind: 'none-that-day',
      ...answered(search),
      date,
      reason,
      nearest: instead?.day,
      verdicts: [...offered.verdicts, ...(instead?.verdicts ?? [])],
    };
  }

  private async days(search: Search, dates: readonly LocalDate[]): Promise<Found> {
    const engine = await search.availability.covering(dates[0], dates[dates.length - 1]);
    const withRoom = daysWithRoom(engine, dates, search.window, search.staffIds).slice(0, MAX_DAYS);
    const firsts = await Promise.all(
      withRoom.map((d) => firstConfirmed(d.starts, search.calendar)),
    );
    const days = withRoom.flatMap((d, i) => {
      const first = firsts[i];
      return first ? [{ date: d.date, first: first.first }] : [];
    });
    const verdicts = firsts.flatMap((f) => (f ? [f.verdict] : []));
    if (days.length > 0) return { kind: 'open-week', ...answered(search), days, verdicts };
    const reasons = dates.map((d) => whyNoRoom(engine, d, search.window, search.stylist));
    const reason = withRoom.length > 0 ? 'fully-booked' : commonReason(reasons);
    const instead = await this.afterDays(search, dates, reason === 'outside-hours');
    return {
      kind: 'none-those-days',
      ...answered(search),
      dates,
      reason,
      nearest: instead?.day,
      verdicts: [...verdicts, ...(instead?.verdicts ?? [])],
    };
  }

  /**
   * The first days with room from today on: the days read around now, then (only when those
   * have none) the rest of the horizon.
   */
  private async earliest(search: Search, today: LocalDate): Promise<Found> {
    const near = await search.availability.covering(today);
    const rounds: Array<[() => Promise<AvailabilityEngine | null>, LocalDate]> = [
      [async () => near, today],
      [() => search.availability.wider(), addLocalDays(near.lastDate, 1)],
    ];
    let tried = 0;
    const verdicts: CalendarVerdict[] = [];
    for (const [read, from] of rounds) {
      const engine = await read();
      if (!engine) continue;
      for (let date = from; date <= engine.lastDate; date = addLocalDays(date, 1)) {
        const starts = freeStartsWithin(engine, date, search.window, search.staffIds);
        if (starts.length === 0) continue;
        const offered = await confirmedSpread(starts, search.calendar, OFFERED);
        verdicts.push(...offered.verdicts);
        if (offered.starts.length > 0) {
          return { kind: 'earliest', ...answered(search), date, ...offered, verdicts };
        }
        // Cal.com refused every start of a day: a few more days, then no more asking.
        if (++tried >= EARLIEST_DAYS_TRIED) {
          return { kind: 'none-in-horizon', ...answered(search), verdicts };
        }
      }
    }
    return { kind: 'none-in-horizon', ...answered(search), verdicts };
  }

  /**
   * The nearest day with room, its starts confirmed, as a receptionist offers one: by distance
   * either way, the later at equal distance; among the days read around the wish, then the
   * whole horizon. `sameDay`: the part asked missed the opening hours, so the day itself
   * (whole) comes first, and no window applies.
   */
  private async nearest(search: Search, date: LocalDate, sameDay: boolean): Promise<Instead> {
    const window = sameDay ? undefined : search.window;
    const near = await search.availability.covering(date);
    for (const read of [async () => near, () => search.availability.wider()]) {
      const engine = await read();
      if (!engine) continue;
      const room = sameDay && freeStartsWithin(engine, date, undefined, search.staffIds).length > 0;
      const day = room ? date : nearestDayWithRoom(engine, date, window, search.staffIds);
      if (!day) continue;
      // An earlier day is the nearest only when the days as far after the wish were read too.
      const mirror = addLocalDays(date, (Date.parse(date) - Date.parse(day)) / DAY_MS);
      if (day < date && mirror > engine.lastDate && engine.lastDate < engine.horizonEnd) continue;
      return this.offerOn(search, engine, day, window);
    }
    return undefined;
  }

  /**
   * Several days asked and none with room: the first day after them (the caller asked from that
   * week on), and only when the horizon has none, the last day before them, said as earlier.
   * `sameDay`: the part asked missed the opening hours, so their first day with room at all.
   */
  private async afterDays(
    search: Search,
    dates: readonly LocalDate[],
    sameDay: boolean,
  ): Promise<Instead> {
    const [first, last] = [dates[0], dates[dates.length - 1]];
    const window = sameDay ? undefined : search.window;
    const near = await search.availability.covering(first, last);
    for (const read of [async () => near, () => search.availability.wider()]) {
      const engine = await read();
      if (!engine) continue;
      const within = sameDay ? daysWithRoom(engine, dates, undefined, search.staffIds) : [];
      const day = within[0]?.date ?? nextDayWithRoom(engine, last, window, search.staffIds);
      if (day) return this.offerOn(search, engine, day, window);
    }
    const whole = (await search.availability.wider()) ?? near;
    const earlier = previousDayWithRoom(whole, first, window, search.staffIds);
    const offered = earlier ? await this.offerOn(search, whole, earlier, window) : undefined;
    return offered && { ...offered, day: { ...offered.day, earlier: true } };
  }

  /**
   * The part asked has no room: the nearest start before it and the nearest after it that same
   * day, each the first Cal.com does not refuse; undefined when the day has neither.
   */
  private async aroundPart(
    search: Search,
    engine: AvailabilityEngine,
    date: LocalDate,
    window: MinuteWindow,
  ): Promise<Instead> {
    const { before, after } = startsAroundWindow(engine, date, window, search.staffIds);
    const sides = await Promise.all([
      firstConfirmed(before, search.calendar),
      firstConfirmed(after, search.calendar),
    ]);
    const found = sides.flatMap((side) => (side ? [side] : []));
    if (found.length === 0) return undefined;
    return {
      day: { date, starts: found.map((f) => f.first), aroundPart: true },
      verdicts: found.map((f) => f.verdict),
    };
  }

  /** A few confirmed starts on the day offered instead; undefined when Cal.com refuses all. */
  private async offerOn(
    search: Search,
    engine: AvailabilityEngine,
    day: LocalDate,
    window: MinuteWindow | undefined,
  ): Promise<Instead> {
    const starts = freeStartsWithin(engine, day, window, search.staffIds);
    const offered = await confirmedSpread(starts, search.calendar, OFFERED_INSTEAD);
    if (offered.starts.length === 0) return undefined;
    return { day: { date: day, starts: offered.starts }, verdicts: offered.verdicts };
  }
}

/**
 * Whose busy time the question reads: the stylist asked for when they do it all; a stylist who
 * does part of a visit shares it, so everyone who might do the rest is read too.
 */
function readFor(salon: BranchContext, { service, stylist }: OpenQuestion): readonly Staff[] {
  return stylist && doesAll(stylist, service) ? [stylist] : stylistsFor(salon, service);
}

/** The day offered instead of the days asked, and Cal.com's verdicts behind it. */
type Instead = { day: NearestDay; verdicts: CalendarVerdict[] } | undefined;

const answered = (search: Search) => ({
  service: search.service,
  stylist: search.stylist,
  window: search.when.window,
});
