import { Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiUnprocessableEntityResponse,
  ApiNotFoundResponse,
} from '@nestjs/swagger';
import { CompanyScope } from '../../../../application/admin/admin-actor';
import { AppointmentListingUseCase } from '../../../../application/admin/appointments/appointment-listing.use-case';
import { StaffAppointmentsUseCase } from '../../../../application/admin/appointments/staff-appointments.use-case';
import { AdminController, ApiQueryFrom } from '../admin-controller.decorator';
import { orRefuse } from '../admin-refusal';
import { AdminBody, AdminQuery, idPipe } from '../admin-validation';
import { Scope } from '../auth/admin-auth.decorators';
import {
  AppointmentQueryDto,
  CreateAppointmentDto,
  MoveAppointmentDto,
} from '../dto/appointment.dto';
import { pageRequest } from '../dto/page.query';
import { AppointmentPageResponse, AppointmentResponse } from '../dto/appointment.response';

const taken = () =>
  ApiConflictResponse({
    description:
      'AVAILABILITY.SLOT_TAKEN, a status that cannot change, or APPOINTMENT.CHANGED (changed by someone else since it was read: load it again)',
  });
const unavailable = () =>
  ApiUnprocessableEntityResponse({ description: 'closed, outside hours, too short notice, ...' });

@AdminController('companies/:companyId/appointments', 'appointments')
export class AppointmentsController {
  constructor(
    private readonly listing: AppointmentListingUseCase,
    private readonly booking: StaffAppointmentsUseCase,
  ) {}

  @Get()
  @ApiQueryFrom(AppointmentQueryDto)
  @ApiOkResponse({
    type: AppointmentPageResponse,
    description: 'appointments, earliest first, paginated',
  })
  @ApiNotFoundResponse({ description: 'STAFF.NOT_FOUND: a staffId not of this company' })
  async list(@Scope() scope: CompanyScope, @AdminQuery() q: AppointmentQueryDto) {
    const listed = await this.listing.list(
      scope,
      {
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        staffId: q.staffId,
        status: q.status,
        syncState: q.syncState,
      },
      pageRequest(q),
    );
    return orRefuse(listed);
  }

  @Get(':appointmentId')
  @ApiOkResponse({ type: AppointmentResponse, description: 'the appointment with its phases' })
  async find(
    @Scope() scope: CompanyScope,
    @Param('appointmentId', idPipe('appointmentId')) id: string,
  ) {
    return orRefuse(await this.listing.find(scope, id));
  }

  @Post()
  @ApiBody({ type: CreateAppointmentDto })
  @ApiCreatedResponse({
    type: AppointmentResponse,
    description: 'the appointment, pending calendar sync',
  })
  @taken()
  @unavailable()
  async create(@Scope() scope: CompanyScope, @AdminBody() dto: CreateAppointmentDto) {
    return orRefuse(
      await this.booking.create(scope, {
        staffId: dto.staffId,
        serviceId: dto.serviceId,
        customerId: dto.customerId,
        start: new Date(dto.start),
      }),
    );
  }

  @Post(':appointmentId/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: AppointmentResponse, description: 'the cancelled appointment' })
  @taken()
  async cancel(
    @Scope() scope: CompanyScope,
    @Param('appointmentId', idPipe('appointmentId')) id: string,
  ) {
    return orRefuse(await this.booking.cancel(scope, id));
  }

  @Post(':appointmentId/move')
  @HttpCode(200)
  @ApiBody({ type: MoveAppointmentDto })
  @ApiOkResponse({
    type: AppointmentResponse,
    description: 'the appointment at its new time; all phases move or none',
  })
  @taken()
  @unavailable()
  async move(
    @Scope() scope: CompanyScope,
    @Param('appointmentId', idPipe('appointmentId')) id: string,
    @AdminBody() dto: MoveAppointmentDto,
  ) {
    return orRefuse(await this.booking.move(scope, id, new Date(dto.start)));
  }
}
