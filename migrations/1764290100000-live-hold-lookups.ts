import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live holds are looked up by stylist and expiry on every check and booking (expired ones stop
 * blocking first). An index over just those rows, and place_hold releasing a call's own holds
 * and a stylist's expired ones in two indexed statements instead of one scanning statement,
 * committing without waiting for the disk (place_hold is only ever its own transaction).
 */
export class LiveHoldLookups1764290100000 implements MigrationInterface {
  name = 'LiveHoldLookups1764290100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX busy_blocks_live_holds_idx ON busy_blocks (staff_id, expires_at)
        WHERE active AND kind = 'hold'`,
    );
    await q.query(
      placeHold(`
        WITH own AS (
          UPDATE holds SET released_at = p_now
           WHERE company_id = p_company AND call_id = p_call AND released_at IS NULL
          RETURNING id)
        UPDATE busy_blocks SET active = false
         WHERE active AND hold_id IN (SELECT id FROM own);
        UPDATE busy_blocks SET active = false
         WHERE active AND kind = 'hold' AND staff_id = p_staff AND expires_at <= p_now;`),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      placeHold(`
        WITH own AS (
          UPDATE holds SET released_at = p_now
           WHERE company_id = p_company AND call_id = p_call AND released_at IS NULL
          RETURNING id)
        UPDATE busy_blocks SET active = false
         WHERE active AND kind = 'hold'
           AND (hold_id IN (SELECT id FROM own) OR (staff_id = p_staff AND expires_at <= p_now));`),
    );
    await q.query(`DROP INDEX busy_blocks_live_holds_idx`);
  }
}

/** place_hold (see PlaceHoldFunction1764290000000) with `release` as its first step. */
function placeHold(release: string): string {
  return `
    CREATE OR REPLACE FUNCTION place_hold(
      p_id uuid, p_company uuid, p_call varchar, p_staff uuid, p_service uuid,
      p_start timestamptz, p_expires timestamptz, p_now timestamptz,
      p_starts timestamptz[], p_ends timestamptz[]
    ) RETURNS varchar LANGUAGE plpgsql AS $$
    DECLARE
      in_the_way varchar;
    BEGIN
      ${release}
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
}
