import { MigrationInterface, QueryRunner } from 'typeorm';

/** The functions on the live-call path, with the argument types that name them. */
const LIVE_CALL_FUNCTIONS = [
  'lock_busy_time(uuid, timestamptz[], timestamptz[], timestamptz)',
  'place_hold(uuid, uuid, varchar, uuid, uuid, timestamptz, timestamptz, timestamptz, timestamptz[], timestamptz[])',
  'insert_appointment(jsonb, jsonb, boolean)',
  'book_by_phone(jsonb, jsonb, jsonb, boolean, varchar, jsonb, timestamptz)',
];

/**
 * The live-call path's hot statements are planned once per connection, not once per call.
 *
 * Postgres plans a statement sent with parameters anew on every execution. For the busy read
 * and the booking's first read that planning cost more than running them: under the call
 * bench's load the busy read spent 0.34 ms planning per execution against 0.49 ms running, the
 * booking's facts 1.1 ms against 0.6 ms. Statements inside a PL/pgSQL function keep their
 * prepared form for the connection's life; with plan_cache_mode forced to generic they also
 * keep their plan, instead of Postgres choosing a fresh plan for each call's values (which it
 * kept doing for the busy read, judging the generic plan dearer).
 *
 * Generic plans are safe here because every statement concerned looks rows up by key (company,
 * stylist, call, idempotency key, number) through the same index whatever the values; the
 * generic plans were checked to match the per-value ones. The setting is scoped to these
 * functions: the admin API's optional filters still get plans made for their values.
 */
export class PlansKeptPerConnection1764290600000 implements MigrationInterface {
  name = 'PlansKeptPerConnection1764290600000';

  async up(q: QueryRunner): Promise<void> {
    // The busy read of availability: one row of compact text, "staff,kind,start,end;…" with the
    // stylist as its position in p_staff, kind by its initial and instants in epoch ms. A
    // call's own live holds do not block it; a moved appointment does not block itself.
    await q.query(`
      CREATE FUNCTION busy_text(
        p_company uuid, p_staff uuid[], p_from timestamptz, p_to timestamptz, p_now timestamptz,
        p_call varchar, p_exclude uuid
      ) RETURNS text LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
      DECLARE
        busy text;
      BEGIN
        SELECT string_agg(concat_ws(',', array_position(p_staff, b.staff_id), left(b.kind, 1),
                 (date_part('epoch', lower(b.during)) * 1000)::bigint,
                 (date_part('epoch', upper(b.during)) * 1000)::bigint), ';')
          INTO busy
          FROM busy_blocks b
         WHERE b.company_id = p_company AND b.staff_id = ANY(p_staff) AND b.active
           AND b.during && tstzrange(p_from, p_to, '[)')
           AND (b.kind <> 'hold' OR (b.expires_at > p_now AND b.hold_id <> ALL (ARRAY(
                 SELECT id FROM holds
                  WHERE company_id = p_company AND call_id = p_call AND released_at IS NULL))))
           AND (p_exclude IS NULL OR b.appointment_id IS DISTINCT FROM p_exclude);
        RETURN busy;
      END $$`);
    // The company's customers on one number (readers order them: oldest first, by created_at
    // and id). Plain SQL, so Postgres inlines it into the statements that read from it.
    await q.query(`
      CREATE FUNCTION customers_with_number(p_company uuid, p_phone varchar)
      RETURNS SETOF customers LANGUAGE sql STABLE AS $$
        SELECT * FROM customers c WHERE c.company_id = p_company AND c.phone_e164 = p_phone
      $$`);
    // A booking's first reads: an earlier booking under its idempotency key, the call's live
    // holds with their active busy time (oldest first), the customers on the caller's number
    // (oldest first).
    await q.query(`
      CREATE FUNCTION phone_booking_facts(
        p_company uuid, p_call varchar, p_now timestamptz, p_key varchar, p_phone varchar
      ) RETURNS TABLE (earlier_appointment uuid, call_holds json, number_customers json)
      LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
      BEGIN
        RETURN QUERY
        SELECT (SELECT a.id FROM appointments a
                 WHERE a.company_id = p_company AND a.idempotency_key = p_key),
               (SELECT coalesce(json_agg(h ORDER BY h.created_at), '[]')
                  FROM (SELECT h.id, h.call_id, h.staff_id, h.service_id, h.starts_at,
                               h.expires_at, h.created_at,
                               json_agg(json_build_object('s', lower(b.during), 'e', upper(b.during))
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
      END $$`);
    for (const fn of LIVE_CALL_FUNCTIONS) {
      await q.query(`ALTER FUNCTION ${fn} SET plan_cache_mode = force_generic_plan`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of LIVE_CALL_FUNCTIONS) {
      await q.query(`ALTER FUNCTION ${fn} RESET plan_cache_mode`);
    }
    await q.query(
      `DROP FUNCTION phone_booking_facts(uuid, varchar, timestamptz, varchar, varchar)`,
    );
    await q.query(`DROP FUNCTION customers_with_number(uuid, varchar)`);
    await q.query(
      `DROP FUNCTION busy_text(uuid, uuid[], timestamptz, timestamptz, timestamptz, varchar, uuid)`,
    );
  }
}
