import { Inject, Injectable } from '@nestjs/common';
import { err, ok, Result } from '../../../domain/shared/result';
import {
  APPOINTMENT_REPOSITORY,
  AppointmentRepository,
} from '../../ports/appointment.repository.port';
import { CompanyScope } from '../admin-actor';
import { NotFound } from '../admin.errors';
import { Page, PageRequest } from '../page';
import {
  APPOINTMENT_QUERY,
  AppointmentFilter,
  AppointmentQuery,
} from '../ports/appointment-query.port';
import { appointmentView, AppointmentView } from './appointment.view';

@Injectable()
export class AppointmentListingUseCase {
  constructor(
    @Inject(APPOINTMENT_QUERY) private readonly query: AppointmentQuery,
    @Inject(APPOINTMENT_REPOSITORY) private readonly appointments: AppointmentRepository,
  ) {}

  async list(
    scope: CompanyScope,
    filter: AppointmentFilter,
    page: PageRequest,
  ): Promise<Page<AppointmentView>> {
    const found = await this.query.list(scope.companyId, filter, page);
    return { ...found, items: found.items.map(appointmentView) };
  }

  async find(scope: CompanyScope, id: string): Promise<Result<AppointmentView, NotFound>> {
    const a = await this.appointments.findById(scope, id);
    return a ? ok(appointmentView(a)) : err(new NotFound('APPOINTMENT'));
  }
}
