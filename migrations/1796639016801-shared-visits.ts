import { MigrationInterface, QueryRunner } from 'typeorm';

const PLACE_HOLD =
  'place_hold(uuid, uuid, varchar, uuid, uuid, timestamptz, timestamptz, timestamptz, timestamptz[], timestamptz[])';
const PLACE_SHARED_HOLD =
  'place_hold(uuid, uuid, varchar, uuid, uuid, timestamptz, timestamptz, timestamptz, timestamptz[], timestamptz[], uuid[], jsonb)';
const LOCK_BUSY_TIMES = 'lock_busy_times(uuid[], timestamptz[], timestamptz[], timestamptz)';
const REPLACED = [
  'insert_appointment(jsonb, jsonb, boolean)',
  'book_by_phone(jsonb, jsonb, jsonb, boolean, varchar, jsonb, timestamptz)',
];

/**
 * place_hold as the busy-day-locks migration left it; `shared`: each busy step under its own
 * stylist (p_staffs, NULL: all under p_staff) and the assignment kept with the hold.
 */
const placeHold = (shared: boolean) => `
      CREATE FUNCTION place_hold(
        p_id uuid, p_company uuid, p_call varchar, p_staff uuid, p_service uuid,
        p_start timestamptz, p_expires timestamptz, p_now timestamptz,
        p_starts timestamptz[], p_ends timestamptz[]${shared ? ', p_staffs uuid[], p_assignment jsonb' : ''}
      ) RETURNS varchar LANGUAGE plpgsql AS $$
      DECLARE
        in_the_way varchar;
        staffs uuid[] := ${shared ? 'COALESCE(p_staffs, ' : '('}array_fill(p_staff, ARRAY[cardinality(p_starts)]));
      BEGIN
        -- A hold lives three minutes and only offers a slot: its commit need not wait for the
        -- disk. A crash may forget the last moment's holds (their callers then hear "taken"
        -- when they book); bookings keep their synchronous commit. place_hold is only ever its
        -- own transaction.
        PERFORM set_config('synchronous_commit', 'off', true);
        -- The locks come first, so every row this writes or waits for is written under them.
        ${shared ? 'PERFORM lock_busy_times(staffs, p_starts, p_ends, p_now);' : 'PERFORM lock_busy_time(p_staff, p_starts, p_ends, p_now);'}
        WITH own AS (
          UPDATE holds SET released_at = p_now
           WHERE company_id = p_company AND call_id = p_call AND released_at IS NULL
          RETURNING id)
        UPDATE busy_blocks SET active = false
         WHERE active AND hold_id IN (SELECT id FROM own);
        BEGIN
          INSERT INTO holds(id, company_id, call_id, staff_id, service_id, starts_at, expires_at
                            ${shared ? ', assignment' : ''})
          VALUES (p_id, p_company, p_call, p_staff, p_service, p_start, p_expires
                  ${shared ? ', p_assignment' : ''});
          INSERT INTO busy_blocks(company_id, staff_id, kind, during, hold_id, expires_at)
          SELECT p_company, r.st, 'hold', tstzrange(r.s, r.e, '[)'), p_id, p_expires
            FROM unnest(staffs, p_starts, p_ends) AS r(st, s, e);
        EXCEPTION WHEN exclusion_violation THEN
          -- Only the new hold is undone; the earlier ones stay released, as the call moved on.
          SELECT b.kind INTO in_the_way
            FROM busy_blocks b, unnest(staffs, p_starts, p_ends) AS r(st, s, e)
           WHERE b.staff_id = r.st AND b.active AND b.during && tstzrange(r.s, r.e, '[)')
           LIMIT 1;
          RETURN COALESCE(in_the_way, 'appointment');
        END;
        RETURN NULL;
      END $$`;

/** insert_appointment as before; `shared`: each phase's own stylist, and its blocks under them. */
const insertAppointment = (shared: boolean) => `
      CREATE OR REPLACE FUNCTION insert_appointment(
        p_appointment jsonb, p_phases jsonb, p_blocks boolean)
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO appointments (id, company_id, branch_id, staff_id, service_id, customer_id,
                                  starts_at, ends_at, status, source, call_id, idempotency_key,
                                  sync_state, sync_attempts, last_sync_error, version,
                                  visit_service_ids)
        SELECT a.id, a.company_id, a.branch_id, a.staff_id, a.service_id, a.customer_id,
               a.starts_at, a.ends_at, a.status, a.source, a.call_id, a.idempotency_key,
               a.sync_state, a.sync_attempts, a.last_sync_error, 1, a.visit_service_ids
          FROM jsonb_populate_record(NULL::appointments, p_appointment) AS a;
        INSERT INTO appointment_phases (id, appointment_id, sequence, kind, starts_at, ends_at,
                                        staff_busy, calcom_booking_id, calcom_booking_uid,
                                        sync_state, service_id, service_sequence
                                        ${shared ? ', staff_id' : ''})
        SELECT x.id, (p_appointment->>'id')::uuid, x.sequence, x.kind, x.starts_at, x.ends_at,
               x.staff_busy, x.calcom_booking_id, x.calcom_booking_uid, x.sync_state,
               x.service_id, x.service_sequence ${shared ? ', x.staff_id' : ''}
          FROM jsonb_populate_recordset(NULL::appointment_phases, p_phases) AS x;
        IF p_blocks THEN
          INSERT INTO busy_blocks (company_id, staff_id, kind, during, appointment_id, phase_id)
          SELECT (p_appointment->>'company_id')::uuid,
                 ${shared ? 'COALESCE(x.staff_id, ' : '('}(p_appointment->>'staff_id')::uuid),
                 'appointment', tstzrange(x.starts_at, x.ends_at, '[)'),
                 (p_appointment->>'id')::uuid, x.id
            FROM jsonb_populate_recordset(NULL::appointment_phases, p_phases) AS x
           WHERE x.staff_busy;
        END IF;
      END $$`;

/**
 * book_by_phone as before; `shared`: every stylist of the visit has their days locked (through
 * lock_busy_times) and the block in the way is looked up under the stylist of each phase.
 */
const bookByPhone = (shared: boolean) => `
      CREATE OR REPLACE FUNCTION book_by_phone(
        p_appointment jsonb, p_phases jsonb, p_customer jsonb, p_customer_is_new boolean,
        p_call varchar, p_audit jsonb, p_now timestamptz
      ) RETURNS varchar LANGUAGE plpgsql AS $$
      DECLARE
        company uuid := (p_appointment->>'company_id')::uuid;
        staff uuid := (p_appointment->>'staff_id')::uuid;
        staffs uuid[];
        starts timestamptz[];
        ends timestamptz[];
        in_the_way varchar;
        refused_by varchar;
      BEGIN
        SELECT array_agg(${shared ? 'COALESCE(x.staff_id, staff)' : 'staff'}),
               array_agg(x.starts_at), array_agg(x.ends_at) INTO staffs, starts, ends
          FROM jsonb_populate_recordset(NULL::appointment_phases, p_phases) AS x
         WHERE x.staff_busy;
        BEGIN
          -- The locks come first, so every row this writes or waits for is written under them.
          ${
            shared
              ? 'PERFORM lock_busy_times(staffs, starts, ends, p_now);'
              : 'PERFORM lock_busy_time(staff, starts, ends, p_now);'
          }
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
              FROM busy_blocks b, unnest(staffs, starts, ends) AS r(st, s, e)
             WHERE b.staff_id = r.st AND b.active AND b.during && tstzrange(r.s, r.e, '[)')
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
      END $$`;

/** phone_booking_facts as before; `shared`: a hold's assignment and each busy step's stylist. */
const phoneBookingFacts = (shared: boolean) => `
      CREATE OR REPLACE FUNCTION phone_booking_facts(
        p_company uuid, p_call varchar, p_now timestamptz, p_key varchar, p_phone varchar
      ) RETURNS TABLE (earlier_appointment uuid, call_holds json, number_customers json)
      LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
      BEGIN
        RETURN QUERY
        SELECT (SELECT a.id FROM appointments a
                 WHERE a.company_id = p_company AND a.idempotency_key = p_key),
               (SELECT coalesce(json_agg(h ORDER BY h.created_at), '[]')
                  FROM (SELECT h.id, h.call_id, h.staff_id, h.service_id, h.starts_at,
                               h.expires_at, h.created_at, ${shared ? 'h.assignment,' : ''}
                               json_agg(json_build_object('s', lower(b.during), 'e', upper(b.during)
                                                          ${shared ? ", 'st', b.staff_id" : ''})
                                        ORDER BY lower(b.during))
                                 FILTER (WHERE b.id IS NOT NULL) AS busy
                          FROM holds h LEFT JOIN busy_blocks b ON b.hold_id = h.id AND b.active
                         WHERE h.company_id = p_company AND h.call_id = p_call
                           AND h.released_at IS NULL AND h.expires_at > p_now
                         GROUP BY h.id) h),
               (SELECT coalesce(json_agg(c ORDER BY c.created_at, c.id), '[]')
                  FROM (SELECT c.id, c.company_id, c.name, c.phone_e164, c.email,
                               c.recognition_consent, c.created_at
                          FROM customers_with_number(p_company, p_phone) c) c);
      END $$`;

/**
 * A visit's services may be shared by several stylists, where the branch allows it
 * (branches.split_visits). The appointment keeps one row with the first service's stylist;
 * each phase names its own stylist (appointment_phases.staff_id; NULL: the appointment's, as
 * on every older row) and its busy blocks carry that stylist, so the no-overlap constraint
 * guards every stylist of the visit.
 *
 * A writer of several stylists' busy time locks their days stylist by stylist in one order
 * (lock_busy_times), so two such writers cannot deadlock, and a writer of one stylist takes
 * the same locks in the same order as before. A hold of a shared visit blocks each stylist's
 * steps and records who does what (holds.assignment), so the call's booking books exactly that.
 */
export class SharedVisits1796639016801 implements MigrationInterface {
  name = 'SharedVisits1796639016801';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE branches ADD COLUMN split_visits boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE appointment_phases ADD COLUMN staff_id uuid REFERENCES staff(id)`);
    await q.query(
      `CREATE INDEX appointment_phases_staff_idx ON appointment_phases(staff_id)
        WHERE staff_id IS NOT NULL`,
    );
    await q.query(`ALTER TABLE holds ADD COLUMN assignment jsonb`);
    await q.query(`
      CREATE FUNCTION lock_busy_times(
        p_staff uuid[], p_starts timestamptz[], p_ends timestamptz[], p_now timestamptz
      ) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        s uuid;
      BEGIN
        FOR s IN SELECT DISTINCT x FROM unnest(p_staff) AS x ORDER BY 1 LOOP
          PERFORM lock_busy_time(s,
            ARRAY(SELECT r.b FROM unnest(p_staff, p_starts) AS r(st, b) WHERE r.st = s),
            ARRAY(SELECT r.e FROM unnest(p_staff, p_ends) AS r(st, e) WHERE r.st = s),
            p_now);
        END LOOP;
      END $$`);
    await q.query(`DROP FUNCTION ${PLACE_HOLD}`);
    await q.query(placeHold(true));
    await q.query(insertAppointment(true));
    await q.query(bookByPhone(true));
    await q.query(phoneBookingFacts(true));
    for (const fn of [...REPLACED, PLACE_SHARED_HOLD, LOCK_BUSY_TIMES]) {
      await q.query(`ALTER FUNCTION ${fn} SET plan_cache_mode = force_generic_plan`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(phoneBookingFacts(false));
    await q.query(bookByPhone(false));
    await q.query(insertAppointment(false));
    await q.query(`DROP FUNCTION ${PLACE_SHARED_HOLD}`);
    await q.query(placeHold(false));
    for (const fn of [...REPLACED, PLACE_HOLD]) {
      await q.query(`ALTER FUNCTION ${fn} SET plan_cache_mode = force_generic_plan`);
    }
    await q.query(`DROP FUNCTION ${LOCK_BUSY_TIMES}`);
    await q.query(`ALTER TABLE holds DROP COLUMN assignment`);
    await q.query(`ALTER TABLE appointment_phases DROP COLUMN staff_id`);
    await q.query(`ALTER TABLE branches DROP COLUMN split_visits`);
  }
}
