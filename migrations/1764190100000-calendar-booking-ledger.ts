import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bookings we made in the external calendar, kept apart from appointment_phases: a
 * reschedule replaces the phase rows (new ids) and the old bookings must still be found to be
 * cancelled. No foreign key to appointments, so bookings of a deleted appointment stay visible
 * for reconciliation. `calendar_sync_leases` lets one job at a time sync an appointment.
 */
export class CalendarBookingLedger1764190100000 implements MigrationInterface {
  name = 'CalendarBookingLedger1764190100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_bookings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        appointment_id uuid NOT NULL,
        phase_id uuid NOT NULL,
        credential_ref varchar(100) NOT NULL,
        event_type_id bigint NOT NULL,
        booking_id bigint NOT NULL,
        booking_uid varchar(100) NOT NULL UNIQUE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        state varchar(16) NOT NULL DEFAULT 'live' CHECK (state IN ('live', 'cancelling', 'cancelled')),
        last_error varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX calendar_bookings_appointment_idx ON calendar_bookings(appointment_id)`,
    );
    await q.query(
      `CREATE INDEX calendar_bookings_open_idx ON calendar_bookings(company_id, starts_at) WHERE state <> 'cancelled'`,
    );
    await q.query(`
      CREATE TABLE calendar_sync_leases (
        appointment_id uuid PRIMARY KEY,
        holder varchar(100) NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS calendar_sync_leases`);
    await q.query(`DROP TABLE IF EXISTS calendar_bookings`);
  }
}
