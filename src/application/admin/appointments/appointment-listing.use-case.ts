import { Inject, Injectable } from '@nestjs/common';
import { err, ok, Result } from '../../../domain/shared/result';
import {
  APPOINTMENT_REPOSITORY,
  AppointmentRepository,
} from '../../ports/appointment.repository.port';
import { CompanyScope } from '../admin-actor';
import { NotFound } from '../admin.errors';
import { Page, PageRequest } from '../page';
import { STAFF_ADMIN, StaffAdmin } from '../ports/staff-admin.port';
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
    @Inject(STAFF_ADMIN) private readonly staff: StaffAdmin,
  ) {}

  /** A stylist to filter by who is not the company's is not found, as everywhere else. */
  async list(
    scope: CompanyScope,
    filter: AppointmentFilter,
    page: PageRequest,
  ): Promise<Result<Page<AppointmentView>, NotFound>> {
    if (filter.staffId && !(await this.staff.find(scope.companyId, filter.staffId))) {
      return err(new NotFound('STAFF'));
    }
    const found = await this.query.list(scope.companyId, filter, page);
    return ok({ ...found, items: found.items.map(appointmentView) });
  }

  async find(scope: CompanyScope, id: string): Promise<Result<AppointmentView, NotFound>> {
    const a = await this.appointments.findById(scope, id);
    return a ? ok(appointmentView(a)) : err(new NotFound('APPOINTMENT'));
  }
}
