import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consent to be recognised by caller ID, with its proof: when and on which call the customer
 * said yes (on the customer, while it stands), and every yes, no and "forget my number" in a
 * log. The log holds ids and times only; it goes with its company or customer.
 */
export class RecognitionConsentLog1796630470036 implements MigrationInterface {
  name = 'RecognitionConsentLog1796630470036';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE customers ADD COLUMN consent_given_at timestamptz,
                             ADD COLUMN consent_call_id varchar(200)`,
    );
    await q.query(`
      CREATE TABLE customer_consent_log (
        id bigserial PRIMARY KEY,
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        given boolean NOT NULL,
        source varchar(40) NOT NULL,
        call_id varchar(200),
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX customer_consent_log_customer_idx
         ON customer_consent_log(company_id, customer_id, recorded_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE customer_consent_log`);
    await q.query(
      `ALTER TABLE customers DROP COLUMN consent_given_at, DROP COLUMN consent_call_id`,
    );
  }
}
