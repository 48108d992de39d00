import { OpenWhen, readOpenWhen, toIsoDate, resolveGermanDateTime } from '../../domain/language';
import { isoWeekdayOf } from '../../domain/shared/local-date';
import { serviceKey } from '../../domain/salon/service-name-matcher';
import { matchServiceList, servicesOf } from '../../domain/salon/service-list-matcher';
import { planVisit } from '../../domain/salon/visit';
import { matchStylistName } from '../../domain/salon/stylist-name-matcher';
import { Service } from '../../domain/salon/service';
import { doesAll, doesSome, Staff } from '../../domain/salon/staff';
import { nearestWorkingDay, workingOnAny } from '../../domain/salon/working-day';
import { LocalDate, localDateOf } from '../../domain/shared/local-date';
import { err, ok, Result } from '../../domain/shared/result';
import { BranchContext } from '../ports/salon-catalog.port';
import {
  ServiceUnclear,
  SeveralServices,
  StylistNotOffering,
  StylistUnclear,
  WhenRefusal,
  WishRefusal,
} from './wish-refusal';

/** Words that mean "any stylist". */
const ANYONE = new Set(
  [
    '',
    'egal',
    'irgendwer',
    'irgendjemand',
    'beliebig',
    'any',
    'anyone',
    'keine',
    'keiner',
    'niemand',
    'none',
    'wer frei ist',
    'ist mir egal',
    'keine praeferenz',
    'keine vorliebe',
    'egal wer',
  ].map((w) => serviceKey(w)),
);

/** A yes for staff_only, or a stylist said as "nur Clara", "unbedingt bei Clara", "bloß Clara". */
const YES = new Set(['ja', 'yes', 'true', '1', 'nur', 'unbedingt', 'ausschliesslich', 'bloss']);
const INSISTING = /(^|[^\p{L}])(nur|unbedingt|ausschlie(ß|ss)lich|blo(ß|ss))([^\p{L}]|$)/iu;

function insists(staffOnly: string | undefined, staff: string | undefined): boolean {
  const said = (staffOnly ?? '').trim().toLowerCase().replace(/ß/g, 'ss');
  return YES.has(said) || INSISTING.test(staff ?? '');
}

/** How far after the days asked a day is looked for on which someone who does it works. */
const NEAREST_WORKING_DAY_WITHIN = 28;

/** Service, stylist (undefined: anyone) and start of a wish. */
export interface Wish {
  readonly service: Service;
  readonly stylist: Staff | undefined;
  /** The caller insisted on the stylist, so nobody else is offered instead. */
  readonly onlyStylist: boolean;
  readonly start: Date;
}

/**
 * Turns what the caller said (service, stylist, day and time) into salon objects, or into the
 * refusal the agent has to ask back about. Never guesses.
 */
export class SpokenRequestReader {
  constructor(private readonly salon: BranchContext) {}

  /** The service said, or the visit of the services said; none is ever dropped. */
  service(spoken: string | undefined): Result<Service, ServiceUnclear | SeveralServices> {
    const found = matchServiceList(spoken ?? '', this.salon.services);
    if (found.kind === 'match') return ok(found.service);
    if (found.kind === 'several') {
      // All understood: one visit of them, in the order said, unless they cannot be one.
      const services = servicesOf(found.parts);
      const visit = services && planVisit(services);
      if (visit?.ok) return ok(visit.value);
      return err({ kind: 'refused', reason: 'SEVERAL_SERVICES', parts: found.parts });
    }
    return err({ kind: 'refused', reason: 'SERVICE_UNCLEAR', match: found });
  }

  /**
   * undefined: any stylist. `partOfVisit`: a stylist who does only some of a visit's services
   * is taken for those where the branch shares visits among stylists (not when the caller
   * insisted on them: then nobody else may do the rest). `days`: the days asked, so that a
   * stylist not doing it points only to those who do and work then.
   */
  stylist(
    spoken: string | undefined,
    service?: Service,
    partOfVisit = false,
    days: readonly LocalDate[] = [],
  ): Result<Staff | undefined, StylistUnclear | StylistNotOffering> {
    const key = serviceKey(spoken ?? '');
    if (ANYONE.has(key)) return ok(undefined);
    const staff = this.salon.staff;
    const found = matchStylistName(spoken ?? '', staff);
    if (found.kind !== 'match') {
      const team = staff.map((s) => s.name);
      return err({ kind: 'refused', reason: 'STYLIST_UNCLEAR', match: found, team });
    }
    const stylist = found.stylist;
    if (service && !doesAll(stylist, service)) {
      if (partOfVisit && doesSome(stylist, service) && this.salon.branch.sharesVisit(service)) {
        return ok(stylist);
      }
      const notDone = service.parts.filter((p) => !stylist.offers(p.id)).map((p) => p.name);
      return err({
        kind: 'refused',
        reason: 'STYLIST_NOT_OFFERING',
        stylist,
        service,
        ...this.whoDoes(service, days),
        ...(service.isVisit ? { notDone } : {}),
      });
    }
    return ok(stylist);
  }

  /**
   * Who does all of `service`: of those, the ones working on a day asked; none of them working
   * then, the nearest later day one does.
   */
  private whoDoes(
    service: Service,
    days: readonly LocalDate[],
  ): Pick<StylistNotOffering, 'offeredBy' | 'days' | 'nearest' | 'noneSoon'> {
    const doers = this.salon.staff.filter((s) => doesAll(s, service));
    if (days.length === 0 || doers.length === 0) return { offeredBy: doers.map((s) => s.name) };
    const branch = this.salon.branch;
    const working = workingOnAny(doers, branch, days);
    if (working.length > 0) return { offeredBy: working.map((s) => s.name), days };
    const last = days[days.length - 1];
    const nearest = nearestWorkingDay(doers, branch, last, NEAREST_WORKING_DAY_WITHIN);
    if (!nearest) return { offeredBy: [], days, noneSoon: true };
    const by = nearest.staff.map((s) => s.name);
    return { offeredBy: [], days, nearest: { date: nearest.date, by } };
  }

  /** Service, stylist (undefined: anyone) and start of a wish, or the first question to ask. */
  wish(
    args: { service?: string; staff?: string; staffOnly?: string; date?: string; time?: string },
    now: Date,
  ): Result<Wish, WishRefusal> {
    const service = this.service(args.service);
    if (!service.ok) return service;
    // Read before the stylist (whose refusal still comes first), so that it names the day.
    const start = this.start(args.date, args.time, now);
    const asked = this.askedStylist(args, service.value, start.ok ? start.value : undefined);
    if (!asked.ok) return asked;
    if (!start.ok) return start;
    const { stylist, onlyStylist } = asked.value;
    return ok({ service: service.value, stylist, onlyStylist, start: start.value });
  }

  /**
   * The stylist named for `service` at `start` (undefined: anyone) and whether the caller
   * insisted on them; one who does part of a shared visit does that part unless insisted on.
   */
  askedStylist(
    args: { staff?: string; staffOnly?: string },
    service: Service,
    start?: Date,
  ): Result<Pick<Wish, 'stylist' | 'onlyStylist'>, StylistUnclear | StylistNotOffering> {
    const insisted = insists(args.staffOnly, args.staff);
    const day = start ? [localDateOf(start, this.salon.branch.timeZone)] : [];
    const stylist = this.stylist(args.staff, service, !insisted, day);
    if (!stylist.ok) return stylist;
    return ok({ stylist: stylist.value, onlyStylist: stylist.value !== undefined && insisted });
  }

  /**
   * An open question ("am Freitag", "nachmittags", "diese Woche", no day at all): service,
   * stylist and when; null when the caller named a time (a precise question: see wish()).
   */
  openQuestion(
    args: { service?: string; staff?: string; staffOnly?: string; date?: string; time?: string },
    now: Date,
  ): Result<{ service: Service; stylist: Staff | undefined; when: OpenWhen }, WishRefusal> | null {
    const when = readOpenWhen(args.date ?? '', args.time ?? '', {
      now,
      zone: this.salon.branch.timeZone,
    });
    if (!when) return null;
    const service = this.service(args.service);
    if (!service.ok) return service;
    // As for a wish at a time: a stylist who does part of a shared visit is asked about doing it.
    const days = when.kind === 'day' ? [when.date] : when.kind === 'days' ? when.dates : [];
    const partOfVisit = !insists(args.staffOnly, args.staff);
    const stylist = this.stylist(args.staff, service.value, partOfVisit, days);
    if (!stylist.ok) return stylist;
    return ok({ service: service.value, stylist: stylist.value, when });
  }

  /** The start the caller asked for, in the branch's zone; opening hours settle "um drei". */
  start(date: string | undefined, time: string | undefined, now: Date): Result<Date, WhenRefusal> {
    if (!date?.trim() && !time?.trim()) return err({ kind: 'refused', reason: 'WHEN_MISSING' });
    const branch = this.salon.branch;
    const resolved = resolveGermanDateTime(date ?? '', time ?? '', {
      now,
      zone: branch.timeZone,
      openingHoursFor: (d) => {
        const iso = toIsoDate(d);
        return branch.isClosedOn(iso) ? [] : branch.openingHours.windowsFor(isoWeekdayOf(iso));
      },
    });
    if (!resolved.ok) {
      return err({ kind: 'refused', reason: 'WHEN_NOT_UNDERSTOOD', error: resolved.error });
    }
    return ok(resolved.value.instant);
  }
}
