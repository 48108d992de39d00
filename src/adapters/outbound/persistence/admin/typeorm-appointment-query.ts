import { EntityManager, FindOptionsWhere, LessThan, MoreThanOrEqual, And, Raw } from 'typeorm';
import { offsetOf, Page, PageRequest, pageOf } from '../../../../application/admin/page';
import {
  AppointmentFilter,
  AppointmentQuery,
} from '../../../../application/admin/ports/appointment-query.port';
import { Appointment } from '../../../../domain/appointment/appointment';
import { AppointmentOrmEntity } from '../entities/appointment.orm-entity';
import { AppointmentMapper } from '../mappers/appointment.mapper';

export class TypeOrmAppointmentQuery implements AppointmentQuery {
  constructor(private readonly m: EntityManager) {}

  async list(
    companyId: string,
    f: AppointmentFilter,
    page: PageRequest,
  ): Promise<Page<Appointment>> {
    const where: FindOptionsWhere<AppointmentOrmEntity> = { companyId };
    if (f.from && f.to) where.startsAt = And(MoreThanOrEqual(f.from), LessThan(f.to));
    else if (f.from) where.startsAt = MoreThanOrEqual(f.from);
    else if (f.to) where.startsAt = LessThan(f.to);
    if (f.status) where.status = f.status;
    if (f.syncState) where.syncState = f.syncState;
    // A stylist's appointments: their own, and the visits they share with others (a step of
    // theirs). The phases are matched apart, so every phase of the visit is still loaded.
    const sid = f.staffId;
    const ofStylist:
      Array<FindOptionsWhere<AppointmentOrmEntity>> | FindOptionsWhere<AppointmentOrmEntity> = sid
      ? [
          { ...where, staffId: sid },
          {
            ...where,
            id: Raw(
              (id) =>
                `${id} IN (SELECT appointment_id FROM appointment_phases WHERE staff_id = :sid)`,
              { sid },
            ),
          },
        ]
      : where;
    const [rows, total] = await this.m.getRepository(AppointmentOrmEntity).findAndCount({
      where: ofStylist,
      relations: { phases: true },
      order: { startsAt: 'ASC', id: 'ASC' },
      skip: offsetOf(page),
      take: page.pageSize,
    });
    return pageOf(
      rows.map((r) => AppointmentMapper.toDomain(r)),
      total,
      page,
    );
  }
}
