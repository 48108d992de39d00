import { Appointment } from '../../../../domain/appointment/appointment';
import { AppointmentStatus } from '../../../../domain/appointment/appointment-status';
import { AppointmentSource } from '../../../../domain/appointment/appointment-snapshot';
import { SyncState } from '../../../../domain/appointment/sync-state';
import { AppointmentPhaseOrmEntity } from '../entities/appointment-phase.orm-entity';
import { AppointmentOrmEntity } from '../entities/appointment.orm-entity';

/** Rows ↔ domain. The ORM entity never leaves the persistence adapter. */
export class AppointmentMapper {
  static toDomain(row: AppointmentOrmEntity): Appointment {
    return Appointment.restore({
      id: row.id,
      staffId: row.staffId,
      serviceId: row.serviceId,
      ...(row.visitServiceIds?.length ? { visitServiceIds: row.visitServiceIds } : {}),
      customerId: row.customerId,
      branchId: row.branchId,
      start: row.startsAt,
      end: row.endsAt,
      status: row.status as AppointmentStatus,
      source: row.source as AppointmentSource,
      callId: row.callId ?? undefined,
      idempotencyKey: row.idempotencyKey ?? undefined,
      syncState: row.syncState as SyncState,
      syncAttempts: row.syncAttempts,
      lastSyncError: row.lastSyncError ?? undefined,
      phases: [...(row.phases ?? [])]
        .sort((a, b) => a.sequence - b.sequence)
        .map((p) => ({
          id: p.id,
          appointmentId: row.id,
          sequence: p.sequence,
          start: p.startsAt,
          end: p.endsAt,
          staffBusy: p.staffBusy,
          isBuffer: p.kind === 'buffer',
          calcomBookingId: p.calcomBookingId ?? undefined,
          calcomBookingUid: p.calcomBookingUid ?? undefined,
          syncState: p.syncState as SyncState,
          serviceId: p.serviceId ?? undefined,
          serviceSequence: p.serviceSequence ?? undefined,
          ...(p.staffId ? { staffId: p.staffId } : {}),
        })),
    });
  }

  static toRow(
    companyId: string,
    a: Appointment,
  ): Omit<AppointmentOrmEntity, 'createdAt' | 'updatedAt' | 'phases' | 'version'> {
    const s = a.toSnapshot();
    if (!s.branchId) throw new Error(`appointment ${s.id} has no branch`);
    return {
      id: s.id,
      companyId,
      branchId: s.branchId,
      staffId: s.staffId,
      serviceId: s.serviceId,
      visitServiceIds: s.visitServiceIds ? [...s.visitServiceIds] : null,
      customerId: s.customerId,
      startsAt: s.start,
      endsAt: s.end,
      status: s.status,
      source: s.source,
      callId: s.callId ?? null,
      idempotencyKey: s.idempotencyKey ?? null,
      syncState: s.syncState,
      syncAttempts: s.syncAttempts,
      lastSyncError: s.lastSyncError?.slice(0, 500) ?? null,
    };
  }

  static phaseRows(a: Appointment): Array<Omit<AppointmentPhaseOrmEntity, 'appointment'>> {
    return a.toSnapshot().phases.map((p) => ({
      id: p.id,
      appointmentId: p.appointmentId,
      sequence: p.sequence,
      kind: p.isBuffer ? 'buffer' : p.staffBusy ? 'work' : 'processing',
      startsAt: p.start,
      endsAt: p.end,
      staffBusy: p.staffBusy,
      calcomBookingId: p.calcomBookingId ?? null,
      calcomBookingUid: p.calcomBookingUid ?? null,
      syncState: p.syncState,
      serviceId: p.serviceId ?? null,
      serviceSequence: p.serviceId ? (p.serviceSequence ?? null) : null,
      staffId: p.staffId ?? null,
    }));
  }

  /**
   * The appointment and its phases as JSON objects keyed by column, for the database functions
   * that read them with jsonb_populate_record (insert_appointment, book_by_phone).
   */
  static columnRecords(
    companyId: string,
    a: Appointment,
  ): { appointment: Record<string, unknown>; phases: Array<Record<string, unknown>> } {
    const r = AppointmentMapper.toRow(companyId, a);
    return {
      appointment: {
        id: r.id,
        company_id: r.companyId,
        branch_id: r.branchId,
        staff_id: r.staffId,
        service_id: r.serviceId,
        visit_service_ids: r.visitServiceIds,
        customer_id: r.customerId,
        starts_at: r.startsAt,
        ends_at: r.endsAt,
        status: r.status,
        source: r.source,
        call_id: r.callId,
        idempotency_key: r.idempotencyKey,
        sync_state: r.syncState,
        sync_attempts: r.syncAttempts,
        last_sync_error: r.lastSyncError,
      },
      phases: AppointmentMapper.phaseRows(a).map((p) => ({
        id: p.id,
        sequence: p.sequence,
        kind: p.kind,
        starts_at: p.startsAt,
        ends_at: p.endsAt,
        staff_busy: p.staffBusy,
        calcom_booking_id: p.calcomBookingId,
        calcom_booking_uid: p.calcomBookingUid,
        sync_state: p.syncState,
        service_id: p.serviceId,
        service_sequence: p.serviceSequence,
        staff_id: p.staffId,
      })),
    };
  }
}
