import { Inject, Injectable } from '@nestjs/common';
import { BookAppointmentUseCase } from '../../../application/booking/book-appointment.use-case';
import { CallContext } from '../../../application/booking/call-context';
import { CancelAppointmentUseCase } from '../../../application/booking/cancel-appointment.use-case';
import { CheckAvailabilityUseCase } from '../../../application/booking/check-availability.use-case';
import { CheckCustomerUseCase } from '../../../application/booking/check-customer.use-case';
import { answer, FunctionAnswer } from './answers/function-answer';
import { GetCurrentContextUseCase } from '../../../application/booking/get-current-context.use-case';
import { GetServiceInfoUseCase } from '../../../application/info/get-service-info.use-case';
import { LeaveMessageUseCase } from '../../../application/info/leave-message.use-case';
import { ListAppointmentsUseCase } from '../../../application/booking/list-appointments.use-case';
import { PhoneFunctionArgs, PhoneFunctionName } from '../../../application/booking/phone-functions';
import { RescheduleAppointmentUseCase } from '../../../application/booking/reschedule-appointment.use-case';
import { PHONE_TRAFFIC, PhoneTraffic } from '../../../application/calls/phone-traffic';
import { SALON_CATALOG, SalonCatalog } from '../../../application/ports/salon-catalog.port';
import { CLOCK, Clock } from '../../../application/ports/clock.port';
import { speakingAt } from './answers/spoken-salon';
import { presentBookAppointment } from './answers/book-appointment.presenter';
import { presentForgetMyNumber } from './answers/forget-my-number.presenter';
import { ForgetMyNumberUseCase } from '../../../application/booking/forget-my-number.use-case';
import { presentCancelAppointment } from './answers/cancel-appointment.presenter';
import { presentCheckAvailability } from './answers/check-availability.presenter';
import { presentCheckCustomer } from './answers/check-customer.presenter';
import { presentCurrentContext } from './answers/current-context.presenter';
import { presentListAppointments } from './answers/list-appointments.presenter';
import { presentRescheduleAppointment } from './answers/reschedule-appointment.presenter';
import { presentServiceInfo } from './answers/service-info.presenter';
import { presentLeaveMessage } from './answers/leave-message.presenter';

export const PHONE_FUNCTIONS = Symbol('PhoneFunctions');

/** What the edge asks of the phone functions: the answer the agent is given. */
export interface PhoneFunctions {
  run(name: PhoneFunctionName, ctx: CallContext, args: PhoneFunctionArgs): Promise<FunctionAnswer>;
}

/**
 * Loads the branch (unless the edge did), hands it to the use case the agent named, counted as
 * live-call traffic, and presents what happened as the answer the agent speaks.
 */
@Injectable()
export class PhoneFunctionsDispatcher implements PhoneFunctions {
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
    private readonly serviceInfo: GetServiceInfoUseCase,
    private readonly forgetNumber: ForgetMyNumberUseCase,
    private readonly leaveMessage: LeaveMessageUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
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
    const branch = call.salon ?? (await this.catalog.branchContext(call.branchId));
    if (!branch || branch.companyId !== call.companyId) {
      return answer('RETELL.UNKNOWN_SALON', 'Diesen Salon kann ich gerade leider nicht finden.');
    }
    // Answers say the year of a day only where it is not this one in the branch.
    const salon = speakingAt(branch, this.clock.now());
    switch (name) {
      case 'get_current_context':
        return presentCurrentContext(this.currentContext.execute(salon));
      case 'check_customer':
        return presentCheckCustomer(await this.checkCustomer.execute(salon, call));
      case 'check_availability':
        return presentCheckAvailability(
          salon,
          await this.checkAvailability.execute(salon, call, args),
        );
      case 'book_appointment':
        return presentBookAppointment(salon, await this.book.execute(salon, call, args));
      case 'list_appointments':
        return presentListAppointments(salon, await this.list.execute(salon, call, args));
      case 'cancel_appointment':
        return presentCancelAppointment(salon, await this.cancel.execute(salon, call, args));
      case 'reschedule_appointment':
        return presentRescheduleAppointment(
          salon,
          await this.reschedule.execute(salon, call, args),
        );
      case 'get_service_info':
        return presentServiceInfo(this.serviceInfo.execute(salon, args));
      case 'forget_my_number':
        return presentForgetMyNumber(await this.forgetNumber.execute(salon, call));
      case 'leave_message':
      case 'request_callback':
        return presentLeaveMessage(
          salon,
          await this.leaveMessage.execute(
            salon,
            call,
            args,
            name === 'request_callback' ? 'callback' : 'message',
          ),
        );
    }
  }
}
