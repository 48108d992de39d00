import { Inject, Injectable } from '@nestjs/common';
import { PHONE_TRAFFIC, PhoneTraffic } from '../calls/phone-traffic';
import { SALON_CATALOG, SalonCatalog } from '../ports/salon-catalog.port';
import { BookAppointmentUseCase } from './book-appointment.use-case';
import { CallContext } from './call-context';
import { CancelAppointmentUseCase } from './cancel-appointment.use-case';
import { CheckAvailabilityUseCase } from './check-availability.use-case';
import { CheckCustomerUseCase } from './check-customer.use-case';
import { answer, FunctionAnswer } from './function-answer';
import { GetCurrentContextUseCase } from './get-current-context.use-case';
import { ListAppointmentsUseCase } from './list-appointments.use-case';
import { PhoneFunctionArgs, PhoneFunctionName, PhoneFunctions } from './phone-functions';
import { RescheduleAppointmentUseCase } from './reschedule-appointment.use-case';

/**
 * Loads the branch (unless the edge did) and hands it to the use case the agent named, counted
 * as live-call traffic.
 */
@Injectable()
export class PhoneFunctionsService implements PhoneFunctions {
  constructor(
    @Inject(SALON_CATALOG) private readonly catalog: SalonCatalog,
    private readonly currentContext: GetCurrentContextUseCase,
    private readonly checkCustomer: CheckCustomerUseCase,
    private readonly checkAvailability: CheckAvailabilityUseCase,
    private readonly book: BookAppointmentUseCase,
    private readonly list: ListAppointmentsUseCase,
    private readonly cancel: CancelAppointmentUseCase,
    private readonly reschedule: RescheduleAppointmentUseCase,
    @Inject(PHONE_TRAFFIC) private readonly traffic: PhoneTraffic,
  ) {}

  run(
    name: PhoneFunctionName,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<FunctionAnswer> {
    // Background work gives way while a caller waits for this answer.
    return this.traffic.during(() => this.answer(name, call, args));
  }

  private async answer(
    name: PhoneFunctionName,
    call: CallContext,
    args: PhoneFunctionArgs,
  ): Promise<FunctionAnswer> {
    const salon = call.salon ?? (await this.catalog.branchContext(call.branchId));
    if (!salon || salon.companyId !== call.companyId) {
      return answer('RETELL.UNKNOWN_SALON', 'Diesen Salon kann ich gerade leider nicht finden.');
    }
    switch (name) {
      case 'get_current_context':
        return this.currentContext.execute(salon);
      case 'check_customer':
        return this.checkCustomer.execute(salon, call);
      case 'check_availability':
        return this.checkAvailability.execute(salon, call, args);
      case 'book_appointment':
        return this.book.execute(salon, call, args);
      case 'list_appointments':
        return this.list.execute(salon, call, args);
      case 'cancel_appointment':
        return this.cancel.execute(salon, call, args);
      case 'reschedule_appointment':
        return this.reschedule.execute(salon, call, args);
    }
  }
}
