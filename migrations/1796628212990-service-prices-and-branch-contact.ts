import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a caller may ask before booking: a service's price (in cents; a range when it depends on
 * hair length) and a short description; and where the salon takes what the agent cannot do: the
 * branch's e-mail address for callers' messages and the number a call is transferred to.
 * Both price columns are set or neither; the upper bound (100,000 €) catches a misplaced
 * decimal point before a caller hears it.
 */
export class ServicePricesAndBranchContact1796628212990 implements MigrationInterface {
  name = 'ServicePricesAndBranchContact1796628212990';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE services
        ADD COLUMN description varchar(300),
        ADD COLUMN price_min_cents integer,
        ADD COLUMN price_max_cents integer,
        ADD CONSTRAINT services_price_range_check CHECK (
          (price_min_cents IS NULL AND price_max_cents IS NULL) OR
          (price_min_cents IS NOT NULL AND price_max_cents IS NOT NULL
            AND price_min_cents >= 0 AND price_max_cents >= price_min_cents
            AND price_max_cents <= 10000000))`);
    await q.query(`
      ALTER TABLE branches
        ADD COLUMN email varchar(254),
        ADD COLUMN transfer_number varchar(20)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE branches DROP COLUMN transfer_number, DROP COLUMN email`);
    await q.query(`
      ALTER TABLE services DROP CONSTRAINT services_price_range_check,
        DROP COLUMN price_max_cents, DROP COLUMN price_min_cents, DROP COLUMN description`);
  }
}
