import 'reflect-metadata';
import autocannon from 'autocannon';
import { createHmac, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { bootstrap, loadConfig } from '../src/bootstrap';
import { FakeCalcom } from './sync-fake-calcom';

/**
 * `npm run bench:calls`: the built service on real Postgres and Redis (Cal.com faked at 200 ms),
 * loaded with autocannon at 20 connections. Prints p50/p99 of check_availability and
 * book_appointment and of a floor route that does one SELECT 1 in the same process.
 */
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const KEY = `bench_${randomBytes(12).toString('hex')}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const SALON = '+4930901820';

const sign = (body: string) => {
  const v = Date.now();
  return `v=${v},d=${createHmac('sha256', KEY)
    .update(body + v)
    .digest('hex')}`;
};

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(sql);
  await c.end();
}

const DAYS = ['Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const TIMES = [
  '9 Uhr',
  '9:30',
  '10 Uhr',
  '10:30',
  '11 Uhr',
  '11:30',
  '12 Uhr',
  '14 Uhr',
  '15 Uhr',
  '16 Uhr',
  '17 Uhr',
];
const SERVICES = ['Herrenhaarschnitt', 'Damenhaarschnitt', 'Dauerwelle', 'Färben', 'Föhnen'];
let n = 0;
function functionCall(name: string): string {
  n++;
  const callId = `call_${randomBytes(16).toString('hex')}`;
  const args = {
    dienstleistung: SERVICES[n % SERVICES.length],
    datum: `${DAYS[n % DAYS.length]}`,
    uhrzeit: TIMES[(n * 7) % TIMES.length],
    name: `Kunde ${n}`,
  };
  const call = {
    call_id: callId,
    from_number: `+49151${String(20_000_000 + n)}`,
    to_number: SALON,
    agent_id: 'agent_haarmonie_demo',
  };
  return JSON.stringify({ name, args, call });
}

async function load(url: string, path: string, method: 'GET' | 'POST', fn?: string) {
  const result = await autocannon({
    url,
    connections: 20,
    duration: DURATION,
    requests: [
      {
        method,
        path,
        setupRequest: (req: Record<string, unknown>) => {
          if (!fn) return req;
          const body = functionCall(fn);
          return {
            ...req,
            body,
            headers: { 'content-type': 'application/json', 'x-retell-signature': sign(body) },
          };
        },
      },
    ],
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function main(): Promise<void> {
  const database = `bench_calls_${Date.now()}`;
  await admin(`CREATE DATABASE ${database}`);
  const calcom = new FakeCalcom();
  calcom.latencyMs = 200;
  await calcom.start();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const app = await bootstrap(
    loadConfig({
      DATABASE_URL: url.toString(),
      REDIS_URL,
      SEED_DEMO_SALON: 'true',
      RETELL_API_KEY: KEY,
      CALCOM_API_KEY: 'cal_test_bench_key',
      CALCOM_BASE_URL: calcom.url,
      RETELL_RATE_LIMIT_PER_CLIENT: '100000',
      LOG_LEVEL: 'silent',
      PORT: '0',
    }),
  );
  const dataSource = app.get(DataSource);
  // The floor: the same process and HTTP stack, one SELECT 1, no framework work.
  app
    .getHttpAdapter()
    .get('/bench/floor', async (_req: unknown, res: { json(v: unknown): void }) => {
      await dataSource.query('SELECT 1');
      res.json({ ok: true });
    });
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  try {
    for (const fn of ['check_availability', 'book_appointment']) {
      const body = functionCall(fn);
      const res = await fetch(`${base}/api/retell/function-call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-retell-signature': sign(body) },
        body,
      });
      const answer = (await res.json()) as { code?: string; message?: string };
      console.log(`sample ${fn}: ${res.status} ${answer.code} – ${answer.message}`);
    }
    await load(base, '/bench/floor', 'GET'); // warm-up
    const floor = await load(base, '/bench/floor', 'GET');
    const check = await load(base, '/api/retell/function-call', 'POST', 'check_availability');
    const book = await load(base, '/api/retell/function-call', 'POST', 'book_appointment');
    const rows = [
      ['floor (SELECT 1)', floor],
      ['check_availability', check],
      ['book_appointment', book],
    ] as const;
    console.log(`\n20 connections, ${DURATION} s each, Cal.com faked at 200 ms\n`);
    console.log('| route | p50 ms | p99 ms | req/s | non-2xx | errors |');
    console.log('|---|---|---|---|---|---|');
    for (const [name, r] of rows) {
      console.log(
        `| ${name} | ${r.p50} | ${r.p99} | ${Math.round(r.rps)} | ${r.non2xx} | ${r.errors} |`,
      );
    }
    console.log(
      `\nmedian vs floor: check_availability ${(check.p50 / Math.max(floor.p50, 0.001)).toFixed(1)}x, book_appointment ${(book.p50 / Math.max(floor.p50, 0.001)).toFixed(1)}x`,
    );
    const [{ booked }] = await dataSource.query(`SELECT count(*)::int AS booked FROM appointments`);
    console.log(
      `appointments booked during the run: ${booked}; Cal.com creates seen: ${calcom.createBodies.length}`,
    );
  } finally {
    await app.close();
    await calcom.stop();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
