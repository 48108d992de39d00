import { Inject, Injectable } from '@nestjs/common';
import { Appointment } from '../../../domain/appointment/appointment';
import { SlotTaken } from '../../../domain/availability/availability.errors';
import { DomainError } from '../../../domain/shared/domain-error';
import { err, ok, Result } from '../../../domain/shared/result';
import { serviceOfAppointment } from '../../booking/appointment-service';
import { AvailabilityReader } from '../../booking/availability.reader';
import { ChangedMeanwhile, lockAsRead } from '../../booking/changed-meanwhile';
import { SlotBookingService } from '../../booking/slot-booking.service';
import {
  APPOINTMENT_REPOSITORY,
  AppointmentRepository,
} from '../../ports/appointment.repository.port';
import { CLOCK, Clock } from '../../ports/clock.port';
import { CUSTOMER_REPOSITORY, CustomerRepository } from '../../ports/customer.repository.port';
import { SALON_CATALOG, SalonCatalog } from '../../ports/salon-catalog.port';
import { SyncAction } from '../../ports/sync-outbox.port';
import { NO_SYNC_KICKS, SYNC_KICKER, SyncKicker } from '../../ports/sync-queue.port';
import { UNIT_OF_WORK, UnitOfWork } from '../../ports/unit-of-work.port';
import { CompanyScope } from '../admin-actor';
import { Conflict, NotFound } from '../admin.errors';
import { STAFF_ADMIN, StaffAdmin } from '../ports/staff-admin.port';
import { appointmentView, AppointmentView } from './appointment.view';

export interface StaffBooking {
  readonly staffId: string;
  readonly serviceId: string;
  readonly customerId: string;
  readonly start: Date;
}

/** Thrown inside the transaction so that everything it wrote rolls back. */
class Refused extends Error {
  constructor(readonly refusal: SlotTaken) {
    super(refusal.code);
  }
}

/**
 * Bookings made by salon staff. Same rules and guarantees as the phone path: the availability
 * engine decides, the database's no-overlap constraint has the last word, and every change
 * writes its outbox entry and audit entry in its own transaction.
 */
@Injectable()
export class StaffAppointmentsUseCase {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(APPOINTMENT_REPOSITORY) private readonly appointments: AppointmentRepository,
    @Inject(CUSTOMER_REPOSITORY) private readonly customers: CustomerRepository,
    @Inject(SALON_CATALOG) private readonly catalog: SalonCatalog,
    @Inject(STAFF_ADMIN) private readonly staff: StaffAdmin,
    private readonly availability: AvailabilityReader,
    private readonly slots: SlotBookingService,
    @Inject(SYNC_KICKER) private readonly kicker: SyncKicker = NO_SYNC_KICKS,
  ) {}

  async create(
    scope: CompanyScope,
    cmd: StaffBooking,
  ): Promise<Result<AppointmentView, DomainError>> {
    const member = await this.staff.find(scope.companyId, cmd.staffId);
    if (!member || !member.active) return err(new NotFound('STAFF'));
    const salon = await this.catalog.branchContext(member.branchId);
    const service = salon?.services.find((s) => s.id === cmd.serviceId);
    const stylist = salon?.staff.find((s) => s.id === cmd.staffId);
    if (!salon || salon.companyId !== scope.companyId || !stylist) {
      return err(new NotFound('STAFF'));
    }
    if (!service) return err(new NotFound('SERVICE'));
    if (!(await this.customers.findById(scope, cmd.customerId))) {
      return err(new NotFound('CUSTOMER'));
    }
    // The phone's booking core: the start must be free in the local calendar and, for a
    // stylist mapped to Cal.com, not refused there; no alternatives are offered here.
    const booking = await this.slots.book(
      { salon, service, start: cmd.start, now: this.clock.now(), stylist, stylists: [stylist] },
      {
        appointmentFor: () =>
          Appointment.create({
            service,
            staffId: stylist.id,
            customerId: cmd.customerId,
            start: cmd.start,
            source: 'admin',
            branchId: salon.branch.id,
          }),
        write: (appointment) =>
          this.write(scope, appointment, 'create', 'appointment.booked', {
            start: appointment.start.toISOString(),
            staffId: appointment.staffId,
            serviceId: appointment.serviceId,
          }),
      },
    );
    if (booking.kind === 'not-free') return err(booking.why);
    if (booking.kind === 'write-refused') return err(booking.refusal);
    return ok(appointmentView(booking.appointment));
  }

  async cancel(scope: CompanyScope, id: string): Promise<Result<AppointmentView, DomainError>> {
    const target = await this.appointments.findById(scope, id);
    if (!target) return err(new NotFound('APPOINTMENT'));
    const cancelled = target.cancel();
    if (!cancelled.ok) return cancelled;
    return this.commit(
      scope,
      cancelled.value,
      'cancel',
      'appointment.cancelled',
      { start: target.start.toISOString() },
      target,
    );
  }

  async move(
    scope: CompanyScope,
    id: string,
    start: Date,
  ): Promise<Result<AppointmentView, DomainError>> {
    const target = await this.appointments.findById(scope, id);
    if (!target) return err(new NotFound('APPOINTMENT'));
    const salon = target.branchId ? await this.catalog.branchContext(target.branchId) : null;
    // A visit is moved whole: its services planned again as the salon offers them now.
    const service = salon && serviceOfAppointment(salon, target);
    const stylist = salon?.staff.find((s) => s.id === target.staffId);
    if (!salon || !service) return err(new NotFound('SERVICE'));
    if (!stylist) return err(new NotFound('STAFF'));
    const now = this.clock.now();
    // A move keeps its stylist, except for a visit the branch may share: that one is planned
    // anew at the new time, as a new booking would be (one stylist preferred, else shared),
    // whether or not it is shared now. Else a visit once moved to one stylist could never go
    // back to a time when only a sharing can take it.
    const shared = target.isShared || salon.branch.sharesVisit(service);
    const availability = await this.availability.around(
      salon,
      service,
      now,
      start,
      { excludeAppointmentId: target.id },
      shared ? undefined : [stylist],
    );
    const free = availability.check(start, shared ? undefined : stylist);
    if (!free.ok) return free;
    const moved = shared
      ? target.reschedule(start, service, undefined, {
          staffId: free.value.staffId,
          assignment: free.value.assignment,
        })
      : target.reschedule(start, service);
    if (!moved.ok) return moved;
    return this.commit(
      scope,
      moved.value,
      'reschedule',
      'appointment.rescheduled',
      {
        from: target.start.toISOString(),
        to: start.toISOString(),
        previousPhases: target.phases.map((p) => ({ id: p.id, uid: p.calcomBookingUid ?? null })),
      },
      target,
    );
  }

  private async commit(
    scope: CompanyScope,
    a: Appointment,
    sync: SyncAction,
    action: string,
    details: Record<string, unknown>,
    /** The appointment as read before the change; it must still stand so when written. */
    read?: Appointment,
  ): Promise<Result<AppointmentView, DomainError>> {
    const written = await this.write(scope, a, sync, action, details, read);
    if (!written.ok) return written;
    this.kicker.kick();
    return ok(appointmentView(a));
  }

  /** The change, its outbox entry and its audit line in one transaction, or nothing. */
  private async write(
    scope: CompanyScope,
    a: Appointment,
    sync: SyncAction,
    action: string,
    details: Record<string, unknown>,
    read?: Appointment,
  ): Promise<Result<void, DomainError>> {
    const now = this.clock.now();
    try {
      await this.uow.run(async (tx) => {
        if (read) await lockAsRead(tx, scope, read);
        const written =
          sync === 'create'
            ? await tx.appointments.add(scope, a, now)
            : await tx.appointments.save(scope, a, now);
        if (!written.ok) throw new Refused(written.error);
        await tx.outbox.record(scope, a.id, sync);
        await tx.audit.record({
          companyId: scope.companyId,
          actor: scope.actor,
          action,
          entity: 'appointment',
          entityId: a.id,
          details: { ...details, source: 'admin' },
          at: now,
        });
      });
    } catch (error) {
      if (error instanceof Refused) return err(error.refusal);
      if (error instanceof ChangedMeanwhile) {
        return err(
          new Conflict(
            'APPOINTMENT.CHANGED',
            'The appointment was changed meanwhile; load it again and retry.',
          ),
        );
      }
      throw error;
    }
    return ok(undefined);
  }
}
