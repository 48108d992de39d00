import { randomBytes } from 'node:crypto';
import { sign } from 'retell-sdk';
import request from 'supertest';
import { ServiceProcess, startServiceProcess } from '../../support/service-process';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const KEY = 'key_e2e_two_process_storm_0123456789';
const NOW = '2026-11-26T14:00:00Z'; // Thursday, 15:00 in Berlin
const SALON = '+4930901820';
const CALLS = 50;
/** Mehmet works Fridays 09:00-18:30; Friday 27 November, 10:00 in Berlin. */
const WISH = { dienstleistung: 'Herrenhaarschnitt', datum: 'Freitag', uhrzeit: '10 Uhr' };
const STYLIST = 'Mehmet';
const SLOT_START = new Date('2026-11-27T09:00:00Z');
const SLOT_END = new Date('2026-11-27T09:30:00Z');

interface Answer {
  success: boolean;
  code: string;
  message: string;
  appointment_id?: string;
  alternatives?: Array<{ start: string; time: string; staff: string; spoken: string }>;
}

/**
 * The storm across two real service instances: two Node processes (each its own HTTP server,
 * Postgres pool and Redis connection) on one fresh database and the shared Redis. 50 calls ask
 * for the same stylist and slot at once over signed HTTP, split between the two processes:
 * exactly one appointment, 49 "taken" answers with alternatives, no server error.
 */
describe('booking storm over HTTP across two service processes', () => {
  let db: TestDatabase;
  const instances: ServiceProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      RETELL_API_KEY: KEY,
      FIXED_NOW: NOW,
      MIGRATE_ON_START: 'false', // createTestDatabase() migrated it
      LOG_LEVEL: 'warn',
      // Two pools on one Postgres; fewer connections than requests, so requests queue for them.
      DATABASE_POOL_SIZE: '10',
    };
    // The first instance seeds the demo salon; the second starts on the seeded database.
    instances.push(await startServiceProcess({ ...env, SEED_DEMO_SALON: 'true' }));
    instances.push(await startServiceProcess({ ...env, SEED_DEMO_SALON: 'false' }));
  }, 300_000); // two boots, each compiling the sources

  afterAll(async () => {
    await Promise.allSettled(instances.map((instance) => instance.stop()));
    await db?.drop();
  }, 30_000);

  const rows = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);

  const book = async (instance: ServiceProcess, i: number) => {
    const text = JSON.stringify({
      name: 'book_appointment',
      args: { ...WISH, mitarbeiter: STYLIST, name: `Kunde ${i}` },
      call: {
        call_id: `call_${randomBytes(16).toString('hex')}`,
        call_type: 'phone_call',
        direction: 'inbound',
        from_number: `+49151${String(10_000_000 + i)}`,
        to_number: SALON,
        agent_id: 'agent_haarmonie_demo',
        call_status: 'ongoing',
      },
    });
    const res = await request(instance.url)
      .post('/api/retell/function-call')
      .set('content-type', 'application/json')
      .set('x-retell-signature', await sign(text, KEY))
      .send(text);
    return { port: instance.port, status: res.status, body: res.body as Answer };
  };

  const bookingCounts = async (instance: ServiceProcess) => {
    const metrics = await request(instance.url).get('/metrics').expect(200);
    const count = (outcome: string) => {
      const line = new RegExp(
        `^salon_function_call_duration_seconds_count\\{function="book_appointment",outcome="${outcome.replace(/\./g, '\\.')}"\\} (\\d+)$`,
        'm',
      ).exec(metrics.text);
      return line ? Number(line[1]) : 0;
    };
    return { ok: count('OK'), taken: count('AVAILABILITY.SLOT_TAKEN') };
  };

  it('two processes really are two instances on one database', async () => {
    const [first, second] = instances;
    expect(first.pid).not.toBe(second.pid);
    expect(first.port).not.toBe(second.port);
    for (const instance of instances) {
      await request(instance.url).get('/health/live').expect(200);
    }
    expect(await rows(`SELECT count(*)::int AS n FROM companies`)).toEqual([{ n: 1 }]);
  });

  it('50 calls for one stylist and slot: one appointment, 49 "taken" with alternatives, no 5xx', async () => {
    const answers = await Promise.all(
      Array.from({ length: CALLS }, (_, i) => book(instances[i % 2], i)),
    );

    const failed = answers.filter(
      (a) => a.status !== 200 || !['OK', 'AVAILABILITY.SLOT_TAKEN'].includes(a.body.code),
    );
    if (failed.length > 0) {
      console.error(
        failed.map((a) => `${a.status} ${JSON.stringify(a.body)}`).join('\n'),
        instances.map((instance) => instance.output()).join('\n'),
      );
    }
    expect(answers.map((a) => a.status)).toEqual(Array(CALLS).fill(200));
    for (const { body } of answers) expect(body.message).toEqual(expect.stringMatching(/\S/));

    const tally: Record<string, number> = {};
    for (const { body } of answers) tally[body.code] = (tally[body.code] ?? 0) + 1;
    expect(tally).toEqual({ OK: 1, 'AVAILABILITY.SLOT_TAKEN': CALLS - 1 });

    const [winner] = answers.filter((a) => a.body.code === 'OK');
    expect(winner.body.success).toBe(true);
    expect(winner.body.message).toContain(
      'Ihr Termin ist eingetragen: Herrenhaarschnitt am Freitag',
    );
    expect(winner.body.appointment_id).toEqual(expect.any(String));

    for (const { body } of answers.filter((a) => a.body.code !== 'OK')) {
      expect(body).toMatchObject({ success: false, code: 'AVAILABILITY.SLOT_TAKEN' });
      expect(body.message).toMatch(/vergeben/); // "... ist leider schon vergeben." or "gerade vergeben"
      expect(body.alternatives?.length).toBeGreaterThan(0);
      // Each day is said once: the first alternative is named by its time at least.
      expect(body.message).toContain('Ich kann Ihnen');
      expect(body.message).toContain(body.alternatives?.[0].time ?? '-');
      for (const alternative of body.alternatives ?? []) {
        const sameSlot =
          alternative.staff === STYLIST &&
          new Date(alternative.start).getTime() === SLOT_START.getTime();
        expect(sameSlot).toBe(false);
      }
    }

    // Both processes answered: half of the calls each, and each process counted its own.
    for (const instance of instances) {
      expect(answers.filter((a) => a.port === instance.port)).toHaveLength(CALLS / 2);
      const counts = await bookingCounts(instance);
      expect(counts.ok + counts.taken).toBe(CALLS / 2);
      expect(counts.ok).toBe(winner.port === instance.port ? 1 : 0);
    }

    // The database: one appointment, one phase, one active busy block for Mehmet at 10:00.
    expect(
      await rows(
        `SELECT a.id, s.name, a.starts_at, a.ends_at, a.status, a.source
           FROM appointments a JOIN staff s ON s.id = a.staff_id`,
      ),
    ).toEqual([
      {
        id: winner.body.appointment_id,
        name: STYLIST,
        starts_at: SLOT_START,
        ends_at: SLOT_END,
        status: 'scheduled',
        source: 'voice',
      },
    ]);
    expect(await rows(`SELECT count(*)::int AS n FROM appointment_phases`)).toEqual([{ n: 1 }]);
    expect(
      await rows(
        `SELECT s.name, b.appointment_id, lower(b.during) AS starts, upper(b.during) AS ends
           FROM busy_blocks b JOIN staff s ON s.id = b.staff_id
          WHERE b.active AND b.kind = 'appointment'`,
      ),
    ).toEqual([
      {
        name: STYLIST,
        appointment_id: winner.body.appointment_id,
        starts: SLOT_START,
        ends: SLOT_END,
      },
    ]);
    expect(
      await rows(
        `SELECT count(*)::int AS n FROM busy_blocks WHERE active AND kind <> 'appointment'`,
      ),
    ).toEqual([{ n: 0 }]);
  }, 60_000);
});
