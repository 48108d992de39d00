import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../ports/clock.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { appointmentsAnswer } from './appointment-answers';
import { CallContext } from './call-context';
import { CallerAppointmentsFinder } from './caller-appointments.finder';
import { FunctionAnswer } from './function-answer';
import { PhoneFunctionArgs } from './phone-functions';

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
  ): Promise<FunctionAnswer> {
    const found = await this.finder.find(salon, call, args, this.clock.now());
    if (!found.ok) return found.error;
    return appointmentsAnswer(salon, found.value);
  }
}
