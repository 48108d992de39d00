import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first place_hold; 1764290400000 replaces it with one that locks days, not stylists. */
export const PLACE_HOLD_WITH_STYLIST_LOCK = `
      CREATE FUNCTION place_hold(
        p_id uuid, p_company uuid, p_call varchar, p_staff uuid, p_service uuid,
        p_start timestamptz, p_expires timestamptz, p_now timestamptz,
        p_starts timestamptz[], p_ends timestamptz[]
      ) RETURNS varchar LANGUAGE plpgsql AS $$
      DECLARE
        in_the_way varchar;
      BEGIN
        -- A hold lives three minutes and only offers a slot: its commit need not wait for the
        -- disk. A crash may forget the last moment's holds (their callers then hear "taken"
        -- when they book); bookings keep their synchronous commit. place_hold is only ever its
        -- own transaction.
        PERFORM set_config('synchronous_commit', 'off', true);
        -- Writers of one stylist's busy time take turns (see STYLIST_LOCK in the repository).
        PERFORM pg_advisory_xact_lock(hashtextextended('busy:' || p_staff::text, 0));
        WITH own AS (
          UPDATE holds SET released_at = p_now
           WHERE company_id = p_company AND call_id = p_call AND released_at IS NULL
          RETURNING id)
        UPDATE busy_blocks SET active = false
         WHERE active AND hold_id IN (SELECT id FROM own);
        UPDATE busy_blocks SET active = false
         WHERE active AND kind = 'hold' AND staff_id = p_staff AND expires_at <= p_now;
        BEGIN
          WITH h AS (
            INSERT INTO holds(id, company_id, call_id, staff_id, service_id, starts_at, expires_at)
            VALUES (p_id, p_company, p_call, p_staff, p_service, p_start, p_expires)
            RETURNING id, company_id, staff_id, expires_at)
          INSERT INTO busy_blocks(company_id, staff_id, kind, during, hold_id, expires_at)
          SELECT h.company_id, h.staff_id, 'hold', tstzrange(r.s, r.e, '[)'), h.id, h.expires_at
            FROM h, unnest(p_starts, p_ends) AS r(s, e);
        EXCEPTION WHEN exclusion_violation THEN
          -- Only the new hold is undone; the earlier ones stay released, as the call moved on.
          SELECT b.kind INTO in_the_way
            FROM busy_blocks b, unnest(p_starts, p_ends) AS r(s, e)
           WHERE b.staff_id = p_staff AND b.active AND b.during && tstzrange(r.s, r.e, '[)')
           LIMIT 1;
          RETURN COALESCE(in_the_way, 'appointment');
        END;
        RETURN NULL;
      END $$`;

/**
 * A hold is placed in one round trip on the live-call path: the call's earlier holds and the
 * stylist's expired ones stop blocking (two indexed statements: live holds are indexed by
 * stylist and expiry, which every check and booking asks about), then the new hold and its busy
 * blocks are written whole or not at all. Answers NULL when placed, else the kind of block in
 * the way.
 */
export class PlaceHoldFunction1764290000000 implements MigrationInterface {
  name = 'PlaceHoldFunction1764290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX busy_blocks_live_holds_idx ON busy_blocks (staff_id, expires_at)
        WHERE active AND kind = 'hold'`,
    );
    await q.query(PLACE_HOLD_WITH_STYLIST_LOCK);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION place_hold(uuid, uuid, varchar, uuid, uuid, timestamptz, timestamptz, timestamptz, timestamptz[], timestamptz[])`,
    );
    await q.query(`DROP INDEX busy_blocks_live_holds_idx`);
  }
}
