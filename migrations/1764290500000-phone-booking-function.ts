import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A phone booking is written in one round trip, as its own transaction: the stylist's days
 * locked, the call's holds released, the customer written when new (or given the e-mail they
 * spelled), the appointment with its phases and busy blocks, its sync outbox entry and its
 * audit line. It was nine round trips in a transaction, and every one of them after the
 * appointment insert was spent holding the stylist's lock.
 *
 * Answers NULL when booked; 'duplicate' when a twin request already booked under the same
 * idempotency key; else the kind of busy block in the way. Refused, it leaves nothing behind.
 *
 * insert_appointment writes an appointment, its phases and their busy blocks from rows shaped
 * like the tables'; its caller holds lock_busy_time for them.
 */
export class PhoneBookingFunction1764290500000 implements MigrationInterface {
  name = 'PhoneBookingFunction1764290500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION insert_appointment(p_appointment jsonb, p_phases jsonb, p_blocks boolean)
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO appointments (id, company_id, branch_id, staff_id, service_id, customer_id,
                                  starts_at, ends_at, status, source, call_id, idempotency_key,
                                  sync_state, sync_attempts, last_sync_error, version)
        SELECT a.id, a.company_id, a.branch_id, a.staff_id, a.service_id, a.customer_id,
               a.starts_at, a.ends_at, a.status, a.source, a.call_id, a.idempotency_key,
               a.sync_state, a.sync_attempts, a.last_sync_error, 1
          FROM jsonb_populate_record(NULL::appointments, p_appointment) AS a;
        INSERT INTO appointment_phases (id, appointment_id, sequence, kind, starts_at, ends_at,
                                        staff_busy, calcom_booking_id, calcom_booking_uid,
                                        sync_state)
        SELECT x.id, (p_appointment->>'id')::uuid, x.sequence, x.kind, x.starts_at, x.ends_at,
               x.staff_busy, x.calcom_booking_id, x.calcom_booking_uid, x.sync_state
          FROM jsonb_populate_recordset(NULL::appointment_phases, p_phases) AS x;
        IF p_blocks THEN
          INSERT INTO busy_blocks (company_id, staff_id, kind, during, appointment_id, phase_id)
          SELECT (p_appointment->>'company_id')::uuid, (p_appointment->>'staff_id')::uuid,
                 'appointment', tstzrange(x.starts_at, x.ends_at, '[)'),
                 (p_appointment->>'id')::uuid, x.id
            FROM jsonb_populate_recordset(NULL::appointment_phases, p_phases) AS x
           WHERE x.staff_busy;
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION book_by_phone(
        p_appointment jsonb, p_phases jsonb, p_customer jsonb, p_customer_is_new boolean,
        p_call varchar, p_audit jsonb, p_now timestamptz
      ) RETURNS varchar LANGUAGE plpgsql AS $$
      DECLARE
        company uuid := (p_appointment->>'company_id')::uuid;
        staff uuid := (p_appointment->>'staff_id')::uuid;
        starts timestamptz[];
        ends timestamptz[];
        in_the_way varchar;
        refused_by varchar;
      BEGIN
        SELECT array_agg(x.starts_at), array_agg(x.ends_at) INTO starts, ends
          FROM jsonb_populate_recordset(NULL::appointment_phases, p_phases) AS x
         WHERE x.staff_busy;
        BEGIN
          -- The locks come first, so every row this writes or waits for is written under them.
          PERFORM lock_busy_time(staff, starts, ends, p_now);
          IF p_call IS NOT NULL THEN
            WITH own AS (
              UPDATE holds SET released_at = p_now
               WHERE company_id = company AND call_id = p_call AND released_at IS NULL
              RETURNING id)
            UPDATE busy_blocks SET active = false
             WHERE active AND hold_id IN (SELECT id FROM own);
          END IF;
          IF p_customer_is_new THEN
            INSERT INTO customers (id, company_id, name, phone_e164, email, recognition_consent)
            SELECT c.id, company, c.name, c.phone_e164, c.email, c.recognition_consent
              FROM jsonb_populate_record(NULL::customers, p_customer) AS c;
          ELSIF p_customer->>'email' IS NOT NULL THEN
            UPDATE customers SET email = p_customer->>'email'
             WHERE id = (p_customer->>'id')::uuid AND company_id = company AND email IS NULL;
          END IF;
          PERFORM insert_appointment(p_appointment, p_phases, true);
          INSERT INTO sync_outbox (company_id, appointment_id, action, appointment_version)
          VALUES (company, (p_appointment->>'id')::uuid, 'create', 1);
          INSERT INTO audit_log (company_id, actor, action, entity, entity_id, details, at)
          SELECT company, l.actor, l.action, l.entity, l.entity_id, l.details, l.at
            FROM jsonb_populate_record(NULL::audit_log, p_audit) AS l;
        EXCEPTION
          WHEN exclusion_violation THEN
            -- Everything above is undone; only the kind in the way is looked up.
            SELECT b.kind INTO in_the_way
              FROM busy_blocks b, unnest(starts, ends) AS r(s, e)
             WHERE b.staff_id = staff AND b.active AND b.during && tstzrange(r.s, r.e, '[)')
             LIMIT 1;
            RETURN COALESCE(in_the_way, 'appointment');
          WHEN unique_violation THEN
            GET STACKED DIAGNOSTICS refused_by = CONSTRAINT_NAME;
            IF refused_by = 'appointments_idempotency_idx' THEN
              RETURN 'duplicate';
            END IF;
            RAISE;
        END;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION book_by_phone(jsonb, jsonb, jsonb, boolean, varchar, jsonb, timestamptz)`,
    );
    await q.query(`DROP FUNCTION insert_appointment(jsonb, jsonb, boolean)`);
  }
}
