import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole salon calendar. The guarantee that matters most lives here, not in application code:
 * `busy_blocks` holds every interval in which a stylist is occupied (busy appointment phases,
 * live holds, outside calendar blocks) and an exclusion constraint refuses two active blocks of
 * one stylist that overlap. Ranges are half-open '[)', so back-to-back blocks are fine.
 */
export class InitialSchema1764190000000 implements MigrationInterface {
  name = 'InitialSchema1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE companies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(150) NOT NULL,
        slug varchar(80) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE branches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        name varchar(150) NOT NULL,
        time_zone varchar(64) NOT NULL DEFAULT 'Europe/Berlin',
        country char(2) NOT NULL DEFAULT 'DE',
        slot_granularity_minutes smallint NOT NULL DEFAULT 15 CHECK (slot_granularity_minutes BETWEEN 5 AND 60),
        retell_agent_id varchar(100),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX branches_company_idx ON branches(company_id)`);
    await q.query(
      `CREATE INDEX branches_agent_idx ON branches(retell_agent_id) WHERE retell_agent_id IS NOT NULL`,
    );

    // A number answers for exactly one branch: that is how a call finds its tenant.
    await q.query(`
      CREATE TABLE branch_phone_numbers (
        phone_e164 varchar(16) PRIMARY KEY,
        branch_id uuid NOT NULL REFERENCES branches(id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE opening_hours (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        branch_id uuid NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        opens_at time NOT NULL,
        closes_at time NOT NULL,
        CHECK (closes_at > opens_at)
      )`);
    await q.query(`CREATE INDEX opening_hours_branch_idx ON opening_hours(branch_id, weekday)`);

    await q.query(`
      CREATE TABLE closed_dates (
        branch_id uuid NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
        local_date date NOT NULL,
        reason varchar(200),
        PRIMARY KEY (branch_id, local_date)
      )`);

    await q.query(`
      CREATE TABLE services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        name varchar(150) NOT NULL,
        buffer_after_minutes smallint NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 120),
        min_notice_minutes integer NOT NULL DEFAULT 0 CHECK (min_notice_minutes >= 0),
        booking_horizon_days integer NOT NULL DEFAULT 90 CHECK (booking_horizon_days BETWEEN 1 AND 730),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (company_id, name)
      )`);

    await q.query(`
      CREATE TABLE service_segments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
        sequence smallint NOT NULL CHECK (sequence >= 0),
        label varchar(80),
        duration_minutes smallint NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
        staff_busy boolean NOT NULL,
        UNIQUE (service_id, sequence)
      )`);

    await q.query(`
      CREATE TABLE service_synonyms (
        service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
        synonym varchar(150) NOT NULL,
        PRIMARY KEY (service_id, synonym)
      )`);

    await q.query(`
      CREATE TABLE staff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        branch_id uuid NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
        name varchar(150) NOT NULL,
        email varchar(255),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX staff_company_idx ON staff(company_id)`);
    await q.query(`CREATE INDEX staff_branch_idx ON staff(branch_id)`);

    await q.query(`
      CREATE TABLE staff_services (
        staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
        PRIMARY KEY (staff_id, service_id)
      )`);

    await q.query(`
      CREATE TABLE staff_working_hours (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        starts_at time NOT NULL,
        ends_at time NOT NULL,
        CHECK (ends_at > starts_at)
      )`);
    await q.query(
      `CREATE INDEX staff_working_hours_staff_idx ON staff_working_hours(staff_id, weekday)`,
    );

    await q.query(`
      CREATE TABLE staff_absences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        period tstzrange NOT NULL CHECK (NOT isempty(period)),
        reason varchar(200)
      )`);
    await q.query(
      `CREATE INDEX staff_absences_period_idx ON staff_absences USING gist (staff_id, period)`,
    );

    await q.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        name varchar(150) NOT NULL,
        phone_e164 varchar(16),
        email varchar(255),
        recognition_consent boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Not unique: two customers on one number is real life (and answers "ambiguous").
    await q.query(`CREATE INDEX customers_phone_idx ON customers(company_id, phone_e164)`);

    await q.query(`
      CREATE TABLE calls (
        id varchar(128) PRIMARY KEY,
        company_id uuid REFERENCES companies(id) ON DELETE CASCADE,
        branch_id uuid REFERENCES branches(id) ON DELETE SET NULL,
        from_number varchar(32),
        to_number varchar(32),
        agent_id varchar(100),
        agent_version integer,
        status varchar(20) NOT NULL DEFAULT 'ongoing',
        started_at timestamptz,
        ended_at timestamptz,
        disconnection_reason varchar(64),
        analysis jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX calls_company_started_idx ON calls(company_id, started_at)`);

    await q.query(`
      CREATE TABLE call_function_traces (
        id bigserial PRIMARY KEY,
        call_id varchar(128) NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
        function_name varchar(64) NOT NULL,
        redacted_args jsonb NOT NULL DEFAULT '{}'::jsonb,
        latency_ms integer NOT NULL CHECK (latency_ms >= 0),
        outcome varchar(64) NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX call_function_traces_call_idx ON call_function_traces(call_id, at)`,
    );

    await q.query(`
      CREATE TABLE appointments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        branch_id uuid NOT NULL REFERENCES branches(id),
        staff_id uuid NOT NULL REFERENCES staff(id),
        service_id uuid NOT NULL REFERENCES services(id),
        customer_id uuid NOT NULL REFERENCES customers(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'cancelled', 'completed', 'no_show')),
        source varchar(16) NOT NULL CHECK (source IN ('voice', 'admin', 'calendar')),
        call_id varchar(128),
        idempotency_key varchar(200),
        sync_state varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (sync_state IN ('pending', 'synced', 'failed', 'manual_review', 'not_required')),
        sync_attempts integer NOT NULL DEFAULT 0,
        last_sync_error varchar(500),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX appointments_idempotency_idx ON appointments(company_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX appointments_staff_time_idx ON appointments(staff_id, starts_at)`);
    await q.query(
      `CREATE INDEX appointments_customer_time_idx ON appointments(customer_id, starts_at)`,
    );
    await q.query(
      `CREATE INDEX appointments_company_time_idx ON appointments(company_id, starts_at)`,
    );
    await q.query(
      `CREATE INDEX appointments_sync_state_idx ON appointments(sync_state) WHERE sync_state NOT IN ('synced', 'not_required')`,
    );

    await q.query(`
      CREATE TABLE appointment_phases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        appointment_id uuid NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
        sequence smallint NOT NULL,
        kind varchar(16) NOT NULL DEFAULT 'work' CHECK (kind IN ('work', 'processing', 'buffer')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        staff_busy boolean NOT NULL,
        calcom_booking_id bigint,
        calcom_booking_uid varchar(100),
        sync_state varchar(16) NOT NULL DEFAULT 'pending'
          CHECK (sync_state IN ('pending', 'synced', 'failed', 'manual_review', 'not_required')),
        CHECK (ends_at > starts_at),
        UNIQUE (appointment_id, sequence)
      )`);
    await q.query(
      `CREATE INDEX appointment_phases_uid_idx ON appointment_phases(calcom_booking_uid) WHERE calcom_booking_uid IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE holds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        call_id varchar(128) NOT NULL,
        staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        released_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX holds_call_idx ON holds(call_id) WHERE released_at IS NULL`);

    // Every interval that occupies a stylist. kind: appointment (busy phase), hold, calendar (outside block).
    await q.query(`
      CREATE TABLE busy_blocks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('appointment', 'hold', 'calendar')),
        during tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
        active boolean NOT NULL DEFAULT true,
        appointment_id uuid REFERENCES appointments(id) ON DELETE CASCADE,
        phase_id uuid REFERENCES appointment_phases(id) ON DELETE CASCADE,
        hold_id uuid REFERENCES holds(id) ON DELETE CASCADE,
        expires_at timestamptz,
        external_uid varchar(100),
        CHECK ((kind = 'appointment') = (phase_id IS NOT NULL AND appointment_id IS NOT NULL)),
        CHECK ((kind = 'hold') = (hold_id IS NOT NULL AND expires_at IS NOT NULL)),
        CONSTRAINT busy_blocks_no_overlap EXCLUDE USING gist (staff_id WITH =, during WITH &&) WHERE (active)
      )`);
    await q.query(
      `CREATE INDEX busy_blocks_appointment_idx ON busy_blocks(appointment_id) WHERE appointment_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX busy_blocks_hold_idx ON busy_blocks(hold_id) WHERE hold_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX busy_blocks_external_idx ON busy_blocks(company_id, external_uid) WHERE external_uid IS NOT NULL`,
    );

    // A cancelled appointment frees its time at the database level, whoever changes the status.
    await q.query(`
      CREATE FUNCTION appointment_status_frees_blocks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE busy_blocks SET active = (NEW.status <> 'cancelled') WHERE appointment_id = NEW.id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER appointments_status_blocks AFTER UPDATE OF status ON appointments
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
      EXECUTE FUNCTION appointment_status_frees_blocks()`);

    await q.query(`
      CREATE TABLE calcom_credentials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        label varchar(100) NOT NULL,
        base_url varchar(255),
        api_key_encrypted text NOT NULL,
        webhook_secret_encrypted text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Event type per service (or per segment of a composite service) and stylist.
    await q.query(`
      CREATE TABLE calcom_mappings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        credential_id uuid NOT NULL REFERENCES calcom_credentials(id) ON DELETE CASCADE,
        service_id uuid NOT NULL REFERENCES services(id) ON DELETE CASCADE,
        segment_sequence smallint,
        staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        event_type_id bigint NOT NULL,
        calcom_user_id bigint
      )`);
    await q.query(
      `CREATE UNIQUE INDEX calcom_mappings_unique_idx ON calcom_mappings(service_id, staff_id, COALESCE(segment_sequence, -1))`,
    );

    await q.query(`
      CREATE TABLE admin_api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        name varchar(100) NOT NULL,
        key_prefix varchar(16) NOT NULL,
        key_hash varchar(128) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX admin_api_keys_company_idx ON admin_api_keys(company_id)`);

    // Written in the booking transaction; a relay turns unenqueued rows into queue jobs.
    await q.query(`
      CREATE TABLE sync_outbox (
        id bigserial PRIMARY KEY,
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        appointment_id uuid NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
        action varchar(16) NOT NULL CHECK (action IN ('create', 'cancel', 'reschedule')),
        appointment_version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        enqueued_at timestamptz,
        UNIQUE (appointment_id, appointment_version, action)
      )`);
    await q.query(
      `CREATE INDEX sync_outbox_pending_idx ON sync_outbox(created_at) WHERE enqueued_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        company_id uuid REFERENCES companies(id) ON DELETE CASCADE,
        actor varchar(100) NOT NULL,
        action varchar(64) NOT NULL,
        entity varchar(64) NOT NULL,
        entity_id varchar(128),
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log(entity, entity_id)`);
    await q.query(`CREATE INDEX audit_log_company_at_idx ON audit_log(company_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'sync_outbox',
      'admin_api_keys',
      'calcom_mappings',
      'calcom_credentials',
      'busy_blocks',
      'holds',
      'appointment_phases',
      'appointments',
      'call_function_traces',
      'calls',
      'customers',
      'staff_absences',
      'staff_working_hours',
      'staff_services',
      'staff',
      'service_synonyms',
      'service_segments',
      'services',
      'closed_dates',
      'opening_hours',
      'branch_phone_numbers',
      'branches',
      'companies',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS appointment_status_frees_blocks()`);
  }
}
