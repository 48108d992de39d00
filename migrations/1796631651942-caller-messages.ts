import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a caller asks the salon to do (call back, pass something on), kept per company with the
 * call it came from, until the salon marks it done. The mail to the branch is an outbox of
 * its own: the row is written first, the mail goes out after the call, retried on failure.
 * One call saying the same thing twice (Retell retries a function call) is stored once.
 */
export class CallerMessages1796631651942 implements MigrationInterface {
  name = 'CallerMessages1796631651942';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE caller_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        branch_id uuid NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
        call_id varchar(128),
        kind varchar(12) NOT NULL CHECK (kind IN ('callback', 'message')),
        body varchar(1000) CHECK (length(body) > 0),
        caller_name varchar(150),
        callback_number varchar(20),
        preferred_time varchar(200),
        status varchar(8) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        created_at timestamptz NOT NULL,
        done_at timestamptz,
        mail_to varchar(254),
        mail_status varchar(16) NOT NULL
          CHECK (mail_status IN ('not_configured', 'no_address', 'pending', 'sent', 'failed')),
        mail_attempts integer NOT NULL DEFAULT 0,
        mail_next_at timestamptz,
        mail_sent_at timestamptz,
        mail_error varchar(200),
        CHECK (kind = 'callback' OR body IS NOT NULL)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX caller_messages_once_per_call
        ON caller_messages(company_id, call_id, kind, md5(coalesce(body, ''))) WHERE call_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX caller_messages_by_company ON caller_messages(company_id, status, created_at)`);
    await q.query(`
      CREATE INDEX caller_messages_mail_due ON caller_messages(mail_next_at)
        WHERE mail_status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE caller_messages`);
  }
}
