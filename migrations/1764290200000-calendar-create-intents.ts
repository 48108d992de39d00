import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A phase whose booking create was (about to be) sent. The sync looks the calendar up before a
 * create only for phases listed here: a phase never listed cannot have a booking there yet, so
 * its first create skips one calendar request. Rows go with their phase.
 */
export class CalendarCreateIntents1764290200000 implements MigrationInterface {
  name = 'CalendarCreateIntents1764290200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_create_intents (
        phase_id uuid PRIMARY KEY REFERENCES appointment_phases(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_create_intents`);
  }
}
