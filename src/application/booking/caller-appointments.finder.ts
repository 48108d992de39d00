import { Inject, Injectable } from '@nestjs/common';
import { CountryCode } from 'libphonenumber-js/max';
import { Appointment } from '../../domain/appointment/appointment';
import { AppointmentStatus } from '../../domain/appointment/appointment-status';
import { isoWeekdayOf, wallTimeToInstant } from '../../domain/shared/local-date';
import { TimeRange } from '../../domain/shared/time-range';
import { sameFullName } from '../../domain/salon/full-name.match';
import {
  DateAmbiguous,
  resolveGermanDate,
  resolveGermanTime,
  toIsoDate,
  wallClockAt,
} from '../../domain/language';
import { normaliseCallerNumber } from '../../domain/salon/caller-phone';
import { matchServiceList, servicesOf } from '../../domain/salon/service-list-matcher';
import { DomainError } from '../../domain/shared/domain-error';
import { err, ok, Result } from '../../domain/shared/result';
import {
  APPOINTMENT_REPOSITORY,
  AppointmentRepository,
} from '../ports/appointment.repository.port';
import { CUSTOMER_REPOSITORY, CustomerRepository } from '../ports/customer.repository.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { CallContext } from './call-context';
import { sameName } from './customer-for-booking';
import { PhoneFunctionArgs } from './phone-functions';
import { WhenNotUnderstood } from './wish-refusal';

/**
 * A fact the search by name and day still lacks: no name, a first or last name alone (one
 * word), no day, or several days ("nächste Woche") where one is needed.
 */
export type MissingFact = 'name' | 'full-name' | 'date' | 'one-day';

/**
 * The number finds nothing (withheld, or another number than the booking's): the appointment
 * is found by the whole name and one day, and not both were said. Decided from what was said
 * alone, before anything is looked up, so the question back tells nothing about the data.
 */
export interface NameAndDateNeeded {
  readonly kind: 'refused';
  readonly reason: 'NAME_AND_DATE_NEEDED';
  /** The caller's number is withheld (rather than finding nothing). */
  readonly withheld: boolean;
  /** What to ask for: only what was not said (at most one name fact and one day fact). */
  readonly missing: readonly MissingFact[];
}

/**
 * Name and day found no appointment of exactly one customer. "None" and "several people's"
 * answer alike, so a caller cannot learn who has appointments; `more` names what the caller
 * has not said yet (time, service), derived from the question, not from the data.
 */
export interface NotIdentified {
  readonly kind: 'refused';
  readonly reason: 'NOT_IDENTIFIED';
  readonly more: ReadonlyArray<'time' | 'service'>;
}

/** Why the caller's appointments cannot be looked up as asked. */
export type LookupRefusal = NameAndDateNeeded | NotIdentified | WhenNotUnderstood;

type Keep = (a: Appointment) => boolean;

/**
 * The caller's upcoming appointments: found by the number they call from, narrowed by whatever
 * they said (name, day, time, service, or the id from an earlier answer). When the number finds
 * none (withheld, or a call from another phone), by the whole name and the day instead: two
 * facts, and only appointments of one customer (see NotIdentified).
 */
@Injectable()
export class CallerAppointmentsFinder {
  constructor(
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(APPOINTMENT_REPOSITORY) private readonly appointments: AppointmentRepository,
  ) {}

  async find(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
    now: Date,
    statuses: readonly AppointmentStatus[] = ['scheduled'],
  ): Promise<Result<Appointment[], LookupRefusal>> {
    const filters = this.filters(salon, args, now);
    if (!filters.ok) return filters;
    const keep = (a: Appointment) => filters.value.every((k) => k(a));
    const phone = normaliseCallerNumber(call.callerNumber, salon.country as CountryCode);
    if (phone.ok) {
      const found = (await this.byNumber(salon, phone.value, args, now, statuses)).filter(keep);
      // A name said finds nothing under this number: by name and day (which asks for the day).
      if (found.length > 0 || !args.name?.trim()) return ok(found);
    }
    return this.byNameAndDay(salon, args, now, statuses, keep, !phone.ok);
  }

  private async byNumber(
    salon: BranchContext,
    phone: string,
    args: PhoneFunctionArgs,
    now: Date,
    statuses: readonly AppointmentStatus[],
  ): Promise<Appointment[]> {
    const scope = { companyId: salon.companyId };
    let customers = await this.customers.findByPhone(scope, phone);
    if (args.name?.trim())
      customers = customers.filter((c) => sameName(c.name, args.name as string));
    return this.appointments.upcomingForCustomers(
      scope,
      customers.map((c) => c.id),
      now,
      statuses,
    );
  }

  /** The whole name and one day: the appointments of exactly one customer, or none. */
  private async byNameAndDay(
    salon: BranchContext,
    args: PhoneFunctionArgs,
    now: Date,
    statuses: readonly AppointmentStatus[],
    keep: Keep,
    withheld: boolean,
  ): Promise<Result<Appointment[], LookupRefusal>> {
    const name = args.name?.trim();
    const day = this.singleDay(salon, args.date, now);
    const missing = missingFacts(name, args.date, day);
    if (!name || !day || missing.length > 0) {
      return err({ kind: 'refused', reason: 'NAME_AND_DATE_NEEDED', withheld, missing });
    }
    const scope = { companyId: salon.companyId };
    const zone = salon.branch.timeZone;
    const range = TimeRange.of(wallTimeToInstant(day, 0, zone), wallTimeToInstant(day, 1440, zone));
    const onDay = (await this.appointments.startingWithin(scope, range, statuses)).filter(
      (a) => a.end.getTime() > now.getTime() && keep(a),
    );
    const owners = await this.customers.findByIds(scope, [
      ...new Set(onDay.map((a) => a.customerId)),
    ]);
    const named = new Set(owners.filter((c) => sameFullName(c.name, name)).map((c) => c.id));
    const found = onDay.filter((a) => named.has(a.customerId));
    if (found.length === 0 || new Set(found.map((a) => a.customerId)).size > 1) {
      const more = (['time', 'service'] as const).filter((fact) => !args[fact]?.trim());
      return err({ kind: 'refused', reason: 'NOT_IDENTIFIED', more });
    }
    return ok(found);
  }

  /** The one day said; a range of days ("nächste Woche") is no fact that identifies. */
  private singleDay(salon: BranchContext, said: string | undefined, now: Date) {
    if (!said?.trim()) return undefined;
    const date = resolveGermanDate(said, { now, zone: salon.branch.timeZone });
    return date.ok ? toIsoDate(date.value) : undefined;
  }

  private filters(
    salon: BranchContext,
    args: PhoneFunctionArgs,
    now: Date,
  ): Result<Keep[], WhenNotUnderstood> {
    const zone = salon.branch.timeZone;
    const keep: Keep[] = [];
    if (args.appointmentId?.trim()) keep.push((a) => a.id === args.appointmentId?.trim());
    if (args.date?.trim()) {
      const date = resolveGermanDate(args.date, { now, zone });
      // "nächste Woche": the caller's appointments on any of the days it names.
      if (!date.ok && !(date.error instanceof DateAmbiguous)) {
        return err(notUnderstood(date.error));
      }
      const named = date.ok ? [date.value] : (date.error as DateAmbiguous).days;
      const days = named.map(toIsoDate);
      keep.push((a) => days.includes(toIsoDate(wallClockAt(a.start, zone).date)));
      if (args.time?.trim()) {
        const iso = days[0];
        const windows = salon.branch.openingHours.windowsFor(isoWeekdayOf(iso));
        const time = resolveGermanTime(args.time, { openingWindows: windows, zone });
        if (!time.ok) return err(notUnderstood(time.error));
        keep.push((a) => {
          const t = wallClockAt(a.start, zone).time;
          return t.hour === time.value.hour && t.minute === time.value.minute;
        });
      }
    } else if (args.time?.trim()) {
      const time = resolveGermanTime(args.time, { zone });
      if (time.ok) {
        keep.push((a) => {
          const t = wallClockAt(a.start, zone).time;
          return t.hour % 12 === time.value.hour % 12 && t.minute === time.value.minute;
        });
      }
    }
    if (args.service?.trim()) {
      // A visit is found by any of its services, and by all of them said together.
      const service = matchServiceList(args.service, salon.services);
      if (service.kind === 'match') keep.push((a) => a.serviceIds.includes(service.service.id));
      if (service.kind === 'ambiguous') {
        const ids = new Set(service.candidates.map((c) => c.id));
        keep.push((a) => a.serviceIds.some((id) => ids.has(id)));
      }
      const visit = service.kind === 'several' ? servicesOf(service.parts) : undefined;
      if (visit) keep.push((a) => visit.every((s) => a.serviceIds.includes(s.id)));
    }
    return ok(keep);
  }
}

/** Which of the two facts are still to be asked for, from the words said alone. */
function missingFacts(
  name: string | undefined,
  saidDay: string | undefined,
  day: string | undefined,
): MissingFact[] {
  const missing: MissingFact[] = [];
  if (!name) missing.push('name');
  else if (!isFullName(name)) missing.push('full-name');
  if (!saidDay?.trim()) missing.push('date');
  else if (!day) missing.push('one-day');
  return missing;
}

/**
 * A first or last name alone ("Anna", "Frau Müller", "Müller-Lüdenscheidt") is one word
 * besides a salutation; a whole name has at least two.
 */
const isFullName = (name: string): boolean =>
  name
    .split(/[\s,;]+/u)
    .filter((w) => /\p{L}/u.test(w) && !SALUTATIONS.has(w.toLowerCase().replace(/\.$/, '')))
    .length >= 2;

const SALUTATIONS = new Set(['frau', 'herr', 'herrn', 'fr', 'hr', 'dr', 'prof']);

const notUnderstood = (error: DomainError): WhenNotUnderstood => ({
  kind: 'refused',
  reason: 'WHEN_NOT_UNDERSTOOD',
  error,
});
