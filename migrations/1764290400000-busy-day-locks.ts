import { MigrationInterface, QueryRunner } from 'typeorm';
import { PLACE_HOLD_WITH_STYLIST_LOCK } from './1764290000000-place-hold-function';

/**
 * Writers of a stylist's busy time take turns per stylist and UTC day, not per stylist: two
 * bookings for one stylist on different days no longer wait for each other. Overlapping times
 * share at least one day, so racing writers of the same time still meet at a lock before they
 * meet in the no-overlap constraint, where two multi-row inserts could deadlock. Days are locked
 * in ascending order, so two writers of several days cannot deadlock on the locks either.
 *
 * Under those locks, holds past their time that overlap the new time stop blocking (they must,
 * or the constraint would refuse the write). The stylist's other expired holds are tidied
 * without waiting: rows another writer has locked are skipped, so tidying never makes one
 * stylist's writers queue behind each other.
 */
export class BusyDayLocks1764290400000 implements MigrationInterface {
  name = 'BusyDayLocks1764290400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION lock_busy_time(
        p_staff uuid, p_starts timestamptz[], p_ends timestamptz[], p_now timestamptz
      ) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        d date;
      BEGIN
        FOR d IN
          SELECT DISTINCT g::date
            FROM unnest(p_starts, p_ends) AS r(s, e),
                 generate_series(date_trunc('day', r.s AT TIME ZONE 'UTC'),
                                 (r.e - interval '1 microsecond') AT TIME ZONE 'UTC',
                                 interval '1 day') AS g
           ORDER BY 1
        LOOP
          PERFORM pg_advisory_xact_lock(hashtextextended('busy:' || p_staff::text || ':' || d::text, 0));
        END LOOP;
        UPDATE busy_blocks b SET active = false
         WHERE b.active AND b.kind = 'hold' AND b.staff_id = p_staff AND b.expires_at <= p_now
           AND EXISTS (SELECT 1 FROM unnest(p_starts, p_ends) AS r(s, e)
                        WHERE b.during && tstzrange(r.s, r.e, '[)'));
        UPDATE busy_blocks SET active = false
         WHERE id IN (SELECT id FROM busy_blocks
                       WHERE active AND kind = 'hold' AND staff_id = p_staff AND expires_at <= p_now
                         FOR UPDATE SKIP LOCKED);
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION place_hold(
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
        -- The locks come first, so every row this writes or waits for is written under them.
        PERFORM lock_busy_time(p_staff, p_starts, p_ends, p_now);
        WITH own AS (
          UPDATE holds SET released_at = p_now
           WHERE company_id = p_company AND call_id = p_call AND released_at IS NULL
          RETURNING id)
        UPDATE busy_blocks SET active = false
         WHERE active AND hold_id IN (SELECT id FROM own);
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
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION place_hold(uuid, uuid, varchar, uuid, uuid, timestamptz, timestamptz, timestamptz, timestamptz[], timestamptz[])`,
    );
    await q.query(PLACE_HOLD_WITH_STYLIST_LOCK);
    await q.query(`DROP FUNCTION lock_busy_time(uuid, timestamptz[], timestamptz[], timestamptz)`);
  }
}
