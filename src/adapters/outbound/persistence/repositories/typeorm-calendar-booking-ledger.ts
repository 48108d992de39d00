import { EntityManager } from 'typeorm';
import type {
  CalendarBookingLedger,
  LedgerEntry,
  LedgerState,
} from '../../../../application/ports/calendar-booking-ledger.port';
import { COLUMNS, LedgerRow, toLedgerEntry } from './typeorm-calendar-booking-ledger.rows';

export class TypeOrmCalendarBookingLedger implements CalendarBookingLedger {
  constructor(private readonly m: EntityManager) {}

  async recordLive(e: Omit<LedgerEntry, 'state' | 'lastError'>): Promise<void> {
    await this.m.query(
      `INSERT INTO calendar_bookings(company_id, appointment_id, phase_id, credential_ref,
         event_type_id, booking_id, booking_uid, starts_at, ends_at, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'live')
       ON CONFLICT (booking_uid) DO NOTHING`,
      [
        e.companyId,
        e.appointmentId,
        e.phaseId,
        e.credentialRef,
        e.eventTypeId,
        e.bookingId,
        e.bookingUid,
        e.start,
        e.end,
      ],
    );
  }

  async forAppointment(companyId: string, appointmentId: string): Promise<LedgerEntry[]> {
    const rows: LedgerRow[] = await this.m.query(
      `SELECT ${COLUMNS} FROM calendar_bookings
        WHERE company_id = $1 AND appointment_id = $2 ORDER BY created_at`,
      [companyId, appointmentId],
    );
    return rows.map(toLedgerEntry);
  }

  async findByUid(bookingUid: string): Promise<LedgerEntry | null> {
    const rows: LedgerRow[] = await this.m.query(
      `SELECT ${COLUMNS} FROM calendar_bookings WHERE booking_uid = $1`,
      [bookingUid],
    );
    return rows.length > 0 ? toLedgerEntry(rows[0]) : null;
  }

  async mark(bookingUid: string, state: LedgerState, lastError?: string): Promise<void> {
    await this.m.query(
      `UPDATE calendar_bookings SET state = $2, last_error = COALESCE($3, last_error), updated_at = now()
        WHERE booking_uid = $1`,
      [bookingUid, state, lastError?.slice(0, 500) ?? null],
    );
  }

  async liveBetween(companyId: string, from: Date, to: Date): Promise<LedgerEntry[]> {
    const rows: LedgerRow[] = await this.m.query(
      `SELECT ${COLUMNS} FROM calendar_bookings
        WHERE company_id = $1 AND state <> 'cancelled' AND starts_at >= $2 AND starts_at < $3
        ORDER BY starts_at`,
      [companyId, from, to],
    );
    return rows.map(toLedgerEntry);
  }

  async firstCreate(phaseId: string): Promise<boolean> {
    const rows: unknown[] = await this.m.query(
      `INSERT INTO calendar_create_intents(phase_id) VALUES ($1)
       ON CONFLICT (phase_id) DO NOTHING RETURNING phase_id`,
      [phaseId],
    );
    return rows.length === 1;
  }

  async withdrawFirstCreate(phaseId: string): Promise<void> {
    await this.m.query(`DELETE FROM calendar_create_intents WHERE phase_id = $1`, [phaseId]);
  }

  async tryLease(appointmentId: string, holder: string, ttlMs: number): Promise<boolean> {
    const rows: unknown[] = await this.m.query(
      `INSERT INTO calendar_sync_leases(appointment_id, holder, expires_at)
       VALUES ($1, $2, now() + ($3 || ' milliseconds')::interval)
       ON CONFLICT (appointment_id) DO UPDATE
          SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
        WHERE calendar_sync_leases.expires_at < now() OR calendar_sync_leases.holder = EXCLUDED.holder
       RETURNING appointment_id`,
      [appointmentId, holder, String(ttlMs)],
    );
    return rows.length === 1;
  }

  async releaseLease(appointmentId: string, holder: string): Promise<void> {
    await this.m.query(
      `DELETE FROM calendar_sync_leases WHERE appointment_id = $1 AND holder = $2`,
      [appointmentId, holder],
    );
  }
}
