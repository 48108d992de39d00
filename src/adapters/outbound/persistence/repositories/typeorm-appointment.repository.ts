import { Between, EntityManager, FindOptionsWhere, In, MoreThan } from 'typeorm';
import {
  AppointmentRepository,
  TenantScope,
} from '../../../../application/ports/appointment.repository.port';
import { Appointment } from '../../../../domain/appointment/appointment';
import { AppointmentStatus } from '../../../../domain/appointment/appointment-status';
import { SlotTaken } from '../../../../domain/availability/availability.errors';
import { BusyInterval } from '../../../../domain/availability/busy-interval';
import { StylistStep } from '../../../../domain/salon/visit-assignment';
import { Result } from '../../../../domain/shared/result';
import { TimeRange } from '../../../../domain/shared/time-range';
import { readCompactBusy } from '../compact-busy-text';
import { AppointmentPhaseOrmEntity } from '../entities/appointment-phase.orm-entity';
import { AppointmentOrmEntity } from '../entities/appointment.orm-entity';
import { AppointmentMapper } from '../mappers/appointment.mapper';
import { IdRow } from '../shared.rows';
import { refusingOverlaps } from './slot-taken.translation';
import { BusyTextRow } from './typeorm-appointment.rows';

export class TypeOrmAppointmentRepository implements AppointmentRepository {
  constructor(private readonly m: EntityManager) {}

  async add(scope: TenantScope, a: Appointment, now: Date): Promise<Result<void, SlotTaken>> {
    const { appointment, phases } = AppointmentMapper.columnRecords(scope.companyId, a);
    const busy = a.busySteps();
    // One statement, written whole or refused whole, under the day locks of every stylist of
    // it (see the busy-day-locks and shared-visits migrations), which also stop expired holds
    // over this time from blocking.
    return refusingOverlaps(
      this.m,
      busy,
      (m) =>
        m.query(
          `WITH locked AS (SELECT lock_busy_times($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4))
           SELECT insert_appointment($5::jsonb, $6::jsonb, $7) FROM locked`,
          [
            busy.map((b) => b.staffId),
            busy.map((b) => b.range.start),
            busy.map((b) => b.range.end),
            now,
            JSON.stringify(appointment),
            JSON.stringify(phases),
            a.status !== 'cancelled',
          ],
        ),
      { singleStatement: true },
    );
  }

  async save(scope: TenantScope, a: Appointment, now: Date): Promise<Result<void, SlotTaken>> {
    return refusingOverlaps(this.m, a.busySteps(), async (m) => {
      const stored = await m
        .getRepository(AppointmentPhaseOrmEntity)
        .findBy({ appointmentId: a.id });
      const row = AppointmentMapper.toRow(scope.companyId, a);
      const updated = await m
        .createQueryBuilder()
        .update(AppointmentOrmEntity)
        .set({
          staffId: row.staffId,
          startsAt: row.startsAt,
          endsAt: row.endsAt,
          status: row.status,
          // A cancellation gives its key up (see Appointment.cancel).
          idempotencyKey: row.idempotencyKey,
          syncState: row.syncState,
          syncAttempts: row.syncAttempts,
          lastSyncError: row.lastSyncError,
          version: () => 'version + 1',
        })
        .where('id = :id AND company_id = :companyId', { id: a.id, companyId: scope.companyId })
        .execute();
      if (updated.affected !== 1) throw new Error(`appointment ${a.id} not found for update`);
      if (samePhases(stored, a)) {
        for (const p of AppointmentMapper.phaseRows(a)) {
          await m.getRepository(AppointmentPhaseOrmEntity).update(
            { id: p.id },
            {
              syncState: p.syncState,
              calcomBookingId: p.calcomBookingId,
              calcomBookingUid: p.calcomBookingUid,
            },
          );
        }
      } else {
        // A move: the old phases and their busy blocks go, the new ones are checked afresh,
        // all under the locks of every stylist of either on the days of both.
        await lockBusyTime(m, [...(await blockedBy(m, a.id)), ...a.busySteps()], now);
        await m.getRepository(AppointmentPhaseOrmEntity).delete({ appointmentId: a.id });
        await this.writePhases(m, scope, a);
      }
    });
  }

  findById(scope: TenantScope, id: string): Promise<Appointment | null> {
    return this.findOne({ id, companyId: scope.companyId });
  }

  async findByIdLocked(scope: TenantScope, id: string): Promise<Appointment | null> {
    return (await lockAppointmentRow(this.m, id, scope.companyId))
      ? this.findById(scope, id)
      : null;
  }

  async findByIdempotencyKey(scope: TenantScope, key: string): Promise<Appointment | null> {
    // Asked before every phone booking and almost always absent: a bare probe first.
    const rows: IdRow[] = await this.m.query(
      `SELECT id FROM appointments WHERE company_id = $1 AND idempotency_key = $2`,
      [scope.companyId, key],
    );
    return rows.length === 0 ? null : this.findOne({ id: rows[0].id, companyId: scope.companyId });
  }

  /**
   * By a unique key, with its phases. find() rather than findOne(): findOne's row limit makes
   * TypeORM read ids first and then the rows, two round trips where one does.
   */
  private async findOne(where: FindOptionsWhere<AppointmentOrmEntity>) {
    const [row] = await this.m.getRepository(AppointmentOrmEntity).find({
      where,
      relations: { phases: true },
    });
    return row ? AppointmentMapper.toDomain(row) : null;
  }

  async upcomingForCustomers(
    scope: TenantScope,
    customerIds: readonly string[],
    from: Date,
    statuses: readonly AppointmentStatus[] = ['scheduled'],
  ): Promise<Appointment[]> {
    if (customerIds.length === 0) return [];
    const rows = await this.m.getRepository(AppointmentOrmEntity).find({
      where: {
        companyId: scope.companyId,
        customerId: In([...customerIds]),
        status: In([...statuses]),
        endsAt: MoreThan(from),
      },
      relations: { phases: true },
      order: { startsAt: 'ASC' },
      take: 50,
    });
    return rows.map((r) => AppointmentMapper.toDomain(r));
  }

  async startingWithin(
    scope: TenantScope,
    range: TimeRange,
    statuses: readonly AppointmentStatus[],
  ): Promise<Appointment[]> {
    const rows = await this.m.getRepository(AppointmentOrmEntity).find({
      where: {
        companyId: scope.companyId,
        status: In([...statuses]),
        startsAt: Between(range.start, new Date(range.end.getTime() - 1)),
      },
      relations: { phases: true },
      order: { startsAt: 'ASC' },
      take: 200,
    });
    return rows.map((r) => AppointmentMapper.toDomain(r));
  }

  async busyIntervals(
    scope: TenantScope,
    staffIds: readonly string[],
    range: TimeRange,
    now: Date,
    options: { askingCallId?: string; excludeAppointmentId?: string } = {},
  ): Promise<Map<string, BusyInterval[]>> {
    const result = new Map<string, BusyInterval[]>(staffIds.map((id) => [id, []]));
    if (staffIds.length === 0) return result;
    // One row of compact text ("staff,kind,start,end;…", kind by its initial, instants in
    // epoch ms) instead of a row per interval: a busy salon has hundreds of intervals in the
    // window, and reading them row by row was the bulk of a check's work. Unordered: the
    // timelines sort. The statement is busy_text (migration 1764290600000), planned once per
    // connection.
    const [row]: BusyTextRow[] = await this.m.query(
      `SELECT busy_text($1, $2::uuid[], $3, $4, $5, $6, $7) AS busy`,
      [
        scope.companyId,
        [...staffIds],
        range.start,
        range.end,
        now,
        options.askingCallId ?? null,
        options.excludeAppointmentId ?? null,
      ],
    );
    readCompactBusy(row.busy ?? '', (b) =>
      result.get(staffIds[b.staffPosition - 1])?.push({
        kind: b.kind,
        range: TimeRange.ofMs(b.startMs, b.endMs),
      }),
    );
    return result;
  }

  private async writePhases(m: EntityManager, scope: TenantScope, a: Appointment): Promise<void> {
    await m.getRepository(AppointmentPhaseOrmEntity).insert(AppointmentMapper.phaseRows(a));
    if (a.status === 'cancelled') return;
    const busy = a.phases.filter((x) => x.staffBusy);
    await m.query(
      `INSERT INTO busy_blocks(company_id, staff_id, kind, during, appointment_id, phase_id)
       SELECT $1, p.st, 'appointment', tstzrange(p.s, p.e, '[)'), $2, p.id
         FROM unnest($3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::uuid[])
              AS p(st, s, e, id)`,
      [
        scope.companyId,
        a.id,
        busy.map((p) => a.stylistOf(p)),
        busy.map((p) => p.start),
        busy.map((p) => p.end),
        busy.map((p) => p.id),
      ],
    );
  }
}

/**
 * Locks the appointment's row until the transaction ends (the row alone: FOR UPDATE cannot reach
 * through the phases' outer join); false when there is no such appointment.
 */
export async function lockAppointmentRow(
  m: EntityManager,
  id: string,
  companyId?: string,
): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `SELECT 1 FROM appointments WHERE id = $1 AND ($2::uuid IS NULL OR company_id = $2) FOR UPDATE`,
    [id, companyId ?? null],
  );
  return rows.length > 0;
}

/**
 * Takes each stylist's locks on the days of their `steps` for the rest of the transaction, and
 * stops expired holds over them from blocking (see the busy-day-locks migration).
 */
async function lockBusyTime(
  m: EntityManager,
  steps: readonly StylistStep[],
  now: Date,
): Promise<void> {
  await m.query(`SELECT lock_busy_times($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4)`, [
    steps.map((s) => s.staffId),
    steps.map((s) => s.range.start),
    steps.map((s) => s.range.end),
    now,
  ]);
}

/** The busy time the appointment's blocks hold now, each under its stylist. */
async function blockedBy(m: EntityManager, appointmentId: string): Promise<StylistStep[]> {
  const rows: Array<{ staff_id: string; s: Date; e: Date }> = await m.query(
    `SELECT staff_id, lower(during) AS s, upper(during) AS e FROM busy_blocks
      WHERE appointment_id = $1`,
    [appointmentId],
  );
  return rows.map((r) => ({ staffId: r.staff_id, range: TimeRange.of(r.s, r.e) }));
}

function samePhases(stored: AppointmentPhaseOrmEntity[], a: Appointment): boolean {
  const next = a.toSnapshot().phases;
  if (stored.length !== next.length) return false;
  const byId = new Map(stored.map((p) => [p.id, p]));
  return next.every((p) => {
    const s = byId.get(p.id);
    return (
      s !== undefined &&
      s.startsAt.getTime() === p.start.getTime() &&
      s.endsAt.getTime() === p.end.getTime()
    );
  });
}
