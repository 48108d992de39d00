import { Inject, Injectable } from '@nestjs/common';
import { CountryCode } from 'libphonenumber-js/max';
import { Appointment } from '../../domain/appointment/appointment';
import { AppointmentStatus } from '../../domain/appointment/appointment-status';
import { isoWeekdayOf } from '../../domain/shared/local-date';
import {
  DateAmbiguous,
  resolveGermanDate,
  resolveGermanTime,
  toIsoDate,
  wallClockAt,
} from '../../domain/language';
import { normaliseCallerNumber } from '../../domain/salon/caller-phone';
import { matchServiceName } from '../../domain/salon/service-name-matcher';
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

/** The caller's number is withheld, so their appointments cannot be found. */
export interface CallerUnknown {
  readonly kind: 'refused';
  readonly reason: 'CALLER_UNKNOWN';
}

/** Why the caller's appointments cannot be looked up as asked. */
export type LookupRefusal = CallerUnknown | WhenNotUnderstood;

/**
 * The caller's upcoming appointments: found by the number they call from, narrowed by whatever
 * they said (name, day, time, service, or the id from an earlier answer).
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
    const scope = { companyId: salon.companyId };
    const phone = normaliseCallerNumber(call.callerNumber, salon.country as CountryCode);
    if (!phone.ok) return err({ kind: 'refused', reason: 'CALLER_UNKNOWN' });
    let customers = await this.customers.findByPhone(scope, phone.value);
    if (args.name?.trim())
      customers = customers.filter((c) => sameName(c.name, args.name as string));
    const found = await this.appointments.upcomingForCustomers(
      scope,
      customers.map((c) => c.id),
      now,
      statuses,
    );
    const filters = this.filters(salon, args, now);
    if (!filters.ok) return filters;
    return ok(found.filter((a) => filters.value.every((keep) => keep(a))));
  }

  private filters(
    salon: BranchContext,
    args: PhoneFunctionArgs,
    now: Date,
  ): Result<Array<(a: Appointment) => boolean>, WhenNotUnderstood> {
    const zone = salon.branch.timeZone;
    const keep: Array<(a: Appointment) => boolean> = [];
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
      const service = matchServiceName(args.service, salon.services);
      if (service.kind === 'match') keep.push((a) => a.serviceId === service.service.id);
      if (service.kind === 'ambiguous') {
        const ids = new Set(service.candidates.map((c) => c.id));
        keep.push((a) => ids.has(a.serviceId));
      }
    }
    return ok(keep);
  }
}

const notUnderstood = (error: DomainError): WhenNotUnderstood => ({
  kind: 'refused',
  reason: 'WHEN_NOT_UNDERSTOOD',
  error,
});
