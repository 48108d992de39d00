import { Inject, Injectable } from '@nestjs/common';
import { Appointment } from '../../domain/appointment/appointment';
import { CLOCK, Clock } from '../ports/clock.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { CallContext } from './call-context';
import { CallerAppointmentsFinder, LookupRefusal } from './caller-appointments.finder';
import { PhoneFunctionArgs } from './phone-functions';

/** The caller's upcoming appointments that fit what they said, in order (maybe none). */
export interface AppointmentsFound {
  readonly kind: 'appointments';
  readonly appointments: readonly Appointment[];
}

export type ListAppointmentsOutcome = AppointmentsFound | LookupRefusal;

@Injectable()
export class ListAppointmentsUseCase {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly finder: CallerAppointmentsFinder,
  ) {}

  async execute(
    salon: BranchContext,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<ListAppointmentsOutcome> {
    const found = await this.finder.find(salon, call, args, this.clock.now());
    if (!found.ok) return found.error;
    return { kind: 'appointments', appointments: found.value };
  }
}
