import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sync errors stored before Cal.com answers were scrubbed carry the answer's text after
 * "→ <status>:" (up to 300 characters of whatever the account's host replied). Keep the status
 * and drop the text, in appointments and in the audit log that /sync/failures reads.
 */
const OLD_ANSWER = '→ ([0-9]{3})(:| without a success envelope:)';
const KEPT = '→ Cal.com answered \\1 (its text removed)';

export class CalcomAnswersScrubbed1764291671000 implements MigrationInterface {
  name = 'CalcomAnswersScrubbed1764291671000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE appointments SET last_sync_error = regexp_replace(last_sync_error, $1, $2)
        WHERE last_sync_error ~ $3`,
      [`${OLD_ANSWER}.*$`, KEPT, OLD_ANSWER],
    );
    // Inside a JSON string: up to its closing quote, escaped characters included.
    await q.query(
      `UPDATE audit_log SET details = regexp_replace(details::text, $1, $2, 'g')::jsonb
        WHERE details::text ~ $3`,
      [`${OLD_ANSWER}(?:[^"\\\\]|\\\\.)*`, KEPT, OLD_ANSWER],
    );
  }

  async down(): Promise<void> {
    // The removed text is gone.
  }
}
