import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../ports/clock.port';
import { BranchContext } from '../ports/salon-catalog.port';
import { appointmentFacts } from './booking-answers';
import { CallContext } from './call-context';
import { CallerAppointmentsFinder } from './caller-appointments.finder';
import { answer, FunctionAnswer } from './function-answer';
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
    const appointments = found.value.slice(0, 10).map((a) => appointmentFacts(salon, a));
    if (appointments.length === 0) {
      return answer(
        'APPOINTMENT.NONE',
        'Ich finde unter Ihrer Nummer keinen kommenden Termin.',
        { appointments },
        true,
      );
    }
    const spoken = appointments.map((a) => `${a.service} am ${a.slot.spoken}`);
    const intro =
      appointments.length === 1
        ? 'Sie haben einen Termin:'
        : `Sie haben ${appointments.length} Termine:`;
    return answer('OK', `${intro} ${spoken.join('; ')}.`, { appointments });
  }
}
