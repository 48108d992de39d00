import { Module } from '@nestjs/common';
import { AvailabilityReader } from './application/booking/availability.reader';
import { BookAppointmentUseCase } from './application/booking/book-appointment.use-case';
import { CallerAppointmentsFinder } from './application/booking/caller-appointments.finder';
import { CancelAppointmentUseCase } from './application/booking/cancel-appointment.use-case';
import { CallHolds } from './application/booking/call-holds';
import { CheckAvailabilityUseCase } from './application/booking/check-availability.use-case';
import { OpenAvailabilityUseCase } from './application/booking/open-availability.use-case';
import { CheckCustomerUseCase } from './application/booking/check-customer.use-case';
import { ForgetMyNumberUseCase } from './application/booking/forget-my-number.use-case';
import { GetCurrentContextUseCase } from './application/booking/get-current-context.use-case';
import { GetServiceInfoUseCase } from './application/info/get-service-info.use-case';
import { LeaveMessageUseCase } from './application/info/leave-message.use-case';
import { CallerMessagesUseCase } from './application/info/caller-messages.use-case';
import { MailModule } from './adapters/outbound/mail/mail.module';
import { ConfirmedAvailabilityService } from './application/booking/confirmed-availability.service';
import { ListAppointmentsUseCase } from './application/booking/list-appointments.use-case';
import { SlotBookingService } from './application/booking/slot-booking.service';
import { RescheduleAppointmentUseCase } from './application/booking/reschedule-appointment.use-case';
import {
  PHONE_FUNCTIONS,
  PhoneFunctionsDispatcher,
} from './adapters/inbound/retell/phone-functions.dispatcher';
import { PersistenceModule } from './adapters/outbound/persistence/persistence.module';

/** The phone functions' use cases, over the persistence ports. */
@Module({
  imports: [PersistenceModule, MailModule],
  providers: [
    AvailabilityReader,
    ConfirmedAvailabilityService,
    SlotBookingService,
    CallerAppointmentsFinder,
    GetCurrentContextUseCase,
    GetServiceInfoUseCase,
    LeaveMessageUseCase,
    CallerMessagesUseCase,
    CheckCustomerUseCase,
    ForgetMyNumberUseCase,
    CallHolds,
    OpenAvailabilityUseCase,
    CheckAvailabilityUseCase,
    BookAppointmentUseCase,
    ListAppointmentsUseCase,
    CancelAppointmentUseCase,
    RescheduleAppointmentUseCase,
    { provide: PHONE_FUNCTIONS, useClass: PhoneFunctionsDispatcher },
  ],
  exports: [
    PHONE_FUNCTIONS,
    AvailabilityReader,
    SlotBookingService,
    BookAppointmentUseCase,
    CancelAppointmentUseCase,
    RescheduleAppointmentUseCase,
    CallerMessagesUseCase,
  ],
})
export class BookingModule {}
