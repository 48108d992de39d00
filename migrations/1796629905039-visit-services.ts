import { MigrationInterface, QueryRunner } from 'typeorm';

const INSERT_APPOINTMENT = 'insert_appointment(jsonb, jsonb, boolean)';

/** insert_appointment as before, with the visit's services and each phase's own service. */
const insertAppointment = (visits: boolean) => {
  const visitColumn = visits ? ', visit_service_ids' : '';
  const phaseColumns = visits ? ', service_id, service_sequence' : '';
  return `
      CREATE OR REPLACE FUNCTION insert_appointment(
        p_appointment jsonb, p_phases jsonb, p_blocks boolean)
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO appointments (id, company_id, branch_id, staff_id, service_id, customer_id,
                                  starts_at, ends_at, status, source, call_id, idempotency_key,
                                  sync_state, sync_attempts, last_sync_error, version${visitColumn})
        SELECT a.id, a.company_id, a.branch_id, a.staff_id, a.service_id, a.customer_id,
               a.starts_at, a.ends_at, a.status, a.source, a.call_id, a.idempotency_key,
               a.sync_state, a.sync_attempts, a.last_sync_error, 1${visits ? ', a.visit_service_ids' : ''}
          FROM jsonb_populate_record(NULL::appointments, p_appointment) AS a;
        INSERT INTO appointment_phases (id, appointment_id, sequence, kind, starts_at, ends_at,
                                        staff_busy, calcom_booking_id, calcom_booking_uid,
                                        sync_state${phaseColumns})
        SELECT x.id, (p_appointment->>'id')::uuid, x.sequence, x.kind, x.starts_at, x.ends_at,
               x.staff_busy, x.calcom_booking_id, x.calcom_booking_uid, x.sync_state
               ${visits ? ', x.service_id, x.service_sequence' : ''}
          FROM jsonb_populate_recordset(NULL::appointment_phases, p_phases) AS x;
        IF p_blocks THEN
          INSERT INTO busy_blocks (company_id, staff_id, kind, during, appointment_id, phase_id)
          SELECT (p_appointment->>'company_id')::uuid, (p_appointment->>'staff_id')::uuid,
                 'appointment', tstzrange(x.starts_at, x.ends_at, '[)'),
                 (p_appointment->>'id')::uuid, x.id
            FROM jsonb_populate_recordset(NULL::appointment_phases, p_phases) AS x
           WHERE x.staff_busy;
        END IF;
      END $$`;
};

/**
 * Several services in one visit. The appointment keeps its services in the order planned
 * (visit_service_ids; NULL: its one service_id), and each phase the service it belongs to and
 * its place among that service's segments (NULL on older rows: the appointment's service and
 * the phase's own sequence), so the sync books each working step under the event type mapped
 * for its own service. A service may be marked as one done during another's processing time.
 */
export class VisitServices1796629905039 implements MigrationInterface {
  name = 'VisitServices1796629905039';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appointments ADD COLUMN visit_service_ids uuid[]`);
    await q.query(
      `ALTER TABLE appointment_phases
         ADD COLUMN service_id uuid REFERENCES services(id) ON DELETE CASCADE,
         ADD COLUMN service_sequence smallint CHECK (service_sequence > 0)`,
    );
    await q.query(
      `ALTER TABLE services ADD COLUMN during_processing boolean NOT NULL DEFAULT false`,
    );
    await q.query(insertAppointment(true));
    await q.query(`ALTER FUNCTION ${INSERT_APPOINTMENT} SET plan_cache_mode = force_generic_plan`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(insertAppointment(false));
    await q.query(`ALTER FUNCTION ${INSERT_APPOINTMENT} SET plan_cache_mode = force_generic_plan`);
    await q.query(`ALTER TABLE services DROP COLUMN during_processing`);
    await q.query(
      `ALTER TABLE appointment_phases DROP COLUMN service_sequence, DROP COLUMN service_id`,
    );
    await q.query(`ALTER TABLE appointments DROP COLUMN visit_service_ids`);
  }
}
