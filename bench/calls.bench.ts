import autocannon from 'autocannon';
import { createHmac, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ChildProcess, fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CredentialCipher } from '../src/adapters/outbound/persistence/credential-cipher';
import Redis from 'ioredis';
import { DEFAULT_CALCOM_CONFIG } from '../src/adapters/outbound/calcom/calcom.config';
import { CalcomSlotCache } from '../src/adapters/outbound/calcom/calcom-slot-cache';
import { redisKeys } from '../src/adapters/outbound/queue/redis-keys';
import { longCallRuns, printLongCallRuns } from './long-call.bench';
import { oneAddressBench } from './one-address.bench';
import { FakeCalcom } from './sync-fake-calcom';

/**
 * `npm run bench:calls`: the built service (its own process) on real Postgres and Redis, Cal.com
 * faked at 200 ms, loaded with autocannon at 20 connections. Prints p50/p99 of
 * check_availability (precise, open questions, a visit of two services), list_appointments by
 * name and day from a withheld number, get_service_info and book_appointment, and of a floor:
 * Node's HTTP server doing one SELECT 1.
 */
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const KEY = `bench_${randomBytes(12).toString('hex')}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
/**
 * The steady-rate runs' requests per second (0 skips them), sent evenly spaced. At 20
 * connections without a rate the machine is saturated and latency is mostly queueing; at a
 * steady rate it is service time.
 */
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SALON = '+4930901820';
/** Passes of the booking run on held slots (see bookingsOfHeld). */
const HELD_PASSES = Number(process.env.BENCH_HELD_PASSES ?? 3);
const ENCRYPTION_KEY = randomBytes(32).toString('hex');

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

// Wishes spread over the next 8 weeks and the whole day, as many callers would ask.
const DAYS = Array.from({ length: 56 }, (_, k) =>
  new Date(Date.now() + (k + 1) * 86_400_000).toISOString().slice(0, 10),
);
const TIMES = Array.from(
  { length: 36 },
  (_, k) => `${9 + Math.floor(k / 4)}:${String((k % 4) * 15).padStart(2, '0')}`,
);
const SERVICES = ['Herrenhaarschnitt', 'Damenhaarschnitt', 'Dauerwelle', 'Färben', 'Föhnen'];
let n = 0;
/** A caller's wish: who calls, and what they ask for. */
interface Wish {
  readonly args: Record<string, string>;
  readonly call: Record<string, string>;
}
function nextWish(): Wish {
  n++;
  return {
    args: {
      dienstleistung: SERVICES[n % SERVICES.length],
      datum: DAYS[(n * 13) % DAYS.length],
      uhrzeit: TIMES[(n * 7) % TIMES.length],
      name: `Kunde ${n}`,
    },
    call: {
      call_id: `call_${randomBytes(16).toString('hex')}`,
      from_number: `+49151${String(20_000_000 + n)}`,
      to_number: SALON,
      agent_id: 'agent_haarmonie_demo',
    },
  };
}
// Parts of the day callers ask for instead of a time (issue 16).
const DAY_PARTS = [
  'vormittags',
  'nachmittags',
  'abends',
  'früh',
  'nach 16 Uhr',
  'zwischen 10 und 12',
];
/** "Haben Sie am Freitag etwas frei?": a day, no time. */
function nextDayQuestion(): Wish {
  const { args, call } = nextWish();
  return { args: { dienstleistung: args.dienstleistung, datum: args.datum }, call };
}
/** "... am Freitag nachmittags?": a day and a part of it. */
function nextPartQuestion(): Wish {
  const { args, call } = nextWish();
  const part = DAY_PARTS[n % DAY_PARTS.length];
  return { args: { dienstleistung: args.dienstleistung, datum: args.datum, uhrzeit: part }, call };
}
/** "Damenhaarschnitt und Färben": a visit of two services, one stylist, phases in order. */
const VISIT = 'Damenhaarschnitt und Färben';
function nextVisitCheck(): Wish {
  const { args, call } = nextWish();
  return { args: { ...args, dienstleistung: VISIT }, call };
}
/** "Wie lange dauert eine Dauerwelle, und was kostet sie?" */
function nextServiceInfo(): Wish {
  const { args, call } = nextWish();
  return { args: { dienstleistung: args.dienstleistung }, call };
}
/**
 * A caller with a withheld number asking for their appointment by the whole name and the day
 * (the bookings made beforehand by bookForNameLookups), cycling through them.
 */
function withheldLookups(booked: readonly Wish[]): () => Wish {
  let i = 0;
  return () => {
    const { args } = booked[i++ % booked.length];
    const { call } = nextWish();
    return {
      args: { name: args.name, datum: args.datum },
      call: { ...call, from_number: 'anonymous' },
    };
  };
}
function functionCall(name: string, wish: Wish = nextWish()): string {
  return JSON.stringify({ name, ...wish });
}

/**
 * Calls that checked a slot and hold it, as a call does before it books: `count` checks from
 * 20 callers at once (not measured), keeping those that were offered their wish.
 */
async function heldWishes(url: string, count: number): Promise<Wish[]> {
  const held: Wish[] = [];
  let asked = 0;
  const caller = async () => {
    while (asked++ < count) {
      const wish = nextWish();
      const body = functionCall('check_availability', wish);
      const res = await fetch(`${url}/api/retell/function-call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-retell-signature': sign(body) },
        body,
      });
      const answer = (await res.json()) as { hold?: unknown };
      if (answer.hold) held.push(wish);
    }
  };
  await Promise.all(Array.from({ length: 20 }, caller));
  return held;
}

/** A surname of letters for k ("Kunde 12" is no whole name: a name word has letters). */
const surname = (k: number): string =>
  [...k.toString(26)].map((c, i) => String.fromCharCode((i ? 97 : 65) + parseInt(c, 26))).join('');

/** `count` bookings (not measured) whose names and days the withheld lookups ask for. */
async function bookForNameLookups(url: string, count: number): Promise<Wish[]> {
  const booked: Wish[] = [];
  for (let i = 0; i < count; i++) {
    const drawn = nextWish();
    const wish = { ...drawn, args: { ...drawn.args, name: `Kundin ${surname(n)}` } };
    const body = functionCall('book_appointment', wish);
    const res = await fetch(`${url}/api/retell/function-call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-retell-signature': sign(body) },
      body,
    });
    const answer = (await res.json()) as { success?: boolean };
    if (answer.success) booked.push(wish);
  }
  return booked;
}

async function load(
  url: string,
  path: string,
  method: 'GET' | 'POST',
  fn?: string,
  wishes?: { next: () => Wish; amount?: number },
  rate?: number,
) {
  if (rate) return paced(url, path, method, rate, wishes?.amount ?? rate * DURATION, fn, wishes);
  const began = performance.now();
  const running = autocannon({
    url,
    connections: 20,
    ...(wishes?.amount ? { amount: wishes.amount } : { duration: DURATION }),
    requests: [
      {
        method,
        path,
        setupRequest: (req: Record<string, unknown>) => {
          if (!fn) return req;
          const body = functionCall(fn, wishes?.next() ?? nextWish());
          return {
            ...req,
            body,
            headers: { 'content-type': 'application/json', 'x-retell-signature': sign(body) },
          };
        },
      },
    ],
  });
  // Autocannon's own percentiles are whole milliseconds (the floor's median reads 0); each
  // answered request's time is kept here with its fractions instead.
  const ms: number[] = [];
  let lastAnswer = began;
  running.on('response', (_client, status, _bytes, time) => {
    lastAnswer = performance.now();
    if (status >= 200 && status < 300) ms.push(time);
  });
  const result = await running;
  return {
    ...summary(ms),
    // Autocannon's per-second average counts a short run's last partial second as a whole
    // one, and a run of a fixed amount ends on its next one-second tick: up to the last answer.
    rps: result.requests.total / ((lastAnswer - began) / 1000),
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function summary(ms: number[]) {
  ms.sort((a, b) => a - b);
  const at = (q: number) =>
    ms.length ? ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] : NaN;
  return {
    p50: at(0.5),
    p99: at(0.99),
    mean: ms.reduce((sum, t) => sum + t, 0) / Math.max(ms.length, 1),
    samples: ms,
  };
}

/**
 * An open loop: `count` requests, one every 1/rate s whatever the answers do, over at most 20
 * kept-alive connections. (Autocannon's rate lets each connection send its share of a second
 * back to back at the start of the second, so its "steady" load came in bursts of 20 at once
 * and measured their queueing.) A request's time runs from its planned send (or from the
 * send itself when the timer fired early), so a late send or a wait for a free connection
 * counts.
 */
async function paced(
  url: string,
  path: string,
  method: 'GET' | 'POST',
  rate: number,
  count: number,
  fn?: string,
  wishes?: { next: () => Wish },
) {
  const agent = new Agent({ keepAlive: true, maxSockets: 20 });
  const target = new URL(path, url);
  const ms: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const one = (planned: number) =>
    new Promise<void>((resolve) => {
      // Timers fire up to a millisecond early as well as late: an early send counts from the
      // send, a late one from its plan.
      const from = Math.min(planned, performance.now());
      const body = fn ? functionCall(fn, wishes?.next() ?? nextWish()) : undefined;
      const req = request(target, {
        method,
        agent,
        headers: body
          ? { 'content-type': 'application/json', 'x-retell-signature': sign(body) }
          : {},
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => {
          const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
          if (ok) ms.push(performance.now() - from);
          else non2xx++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const interval = 1000 / rate;
  const started = performance.now() + 20;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const planned = started + i * interval;
    const wait = planned - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(one(planned));
  }
  await Promise.all(inFlight);
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  return { ...summary(ms), rps: count / seconds, total: count, non2xx, errors };
}

/** Milliseconds as printed: whole above 10, else with one decimal. */
const ms = (t: number): string => (t >= 10 ? t.toFixed(0) : t.toFixed(1));

/** One route's figures; the CPU and Cal.com columns are absent for the floor. */
interface TableRow {
  readonly p50: number;
  readonly p99: number;
  readonly rps: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly calcomAsked?: number;
  readonly cpuMs?: number;
  readonly pgCpuMs?: number;
  readonly benchCpuMs?: number;
}

/** A Markdown table of the routes; the load generator's own CPU only where it was measured. */
function printTable(rows: ReadonlyArray<readonly [string, TableRow]>, loadGenerator: boolean) {
  const cell = (x: number | undefined, digits = 2) => (x === undefined ? '–' : x.toFixed(digits));
  const head = [
    'route',
    'p50 ms',
    'p99 ms',
    'req/s',
    'non-2xx',
    'errors',
    'Cal.com slot requests',
    'service CPU ms/req',
    'Postgres CPU ms/req',
    ...(loadGenerator ? ['load generator + fake Cal.com CPU ms/req'] : []),
  ];
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---|').join('')}`);
  for (const [name, r] of rows) {
    const cells = [
      name,
      ms(r.p50),
      ms(r.p99),
      Math.round(r.rps),
      r.non2xx,
      r.errors,
      cell(r.calcomAsked, 0),
      cell(r.cpuMs),
      cell(r.pgCpuMs),
      ...(loadGenerator ? [cell(r.benchCpuMs)] : []),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

/**
 * Issue 16's goal: an open question (a day, a part of a day) costs at most twice a precise
 * check measured in the same run, at 20 connections and in the open loop.
 */
function printOpenQuestionRatios(
  saturated: { check: TableRow; day: TableRow; part: TableRow },
  open?: { check: TableRow; day: TableRow; part: TableRow; rate: number },
) {
  const line = (label: string, r: { check: TableRow; day: TableRow; part: TableRow }) => {
    const of = (x: TableRow) =>
      `p50 ${ms(x.p50)} ms (${(x.p50 / r.check.p50).toFixed(2)}x), p99 ${ms(x.p99)} ms (${(x.p99 / r.check.p99).toFixed(2)}x)`;
    console.log(
      `open questions vs precise check ${label} (check p50 ${ms(r.check.p50)} ms, p99 ${ms(r.check.p99)} ms; goal ≤ 2x): ` +
        `day question ${of(r.day)}; part-of-day question ${of(r.part)}`,
    );
  };
  console.log('');
  line('at 20 connections', saturated);
  if (open) line(`in the open loop at ${open.rate}/s`, open);
}

/** Further routes beside the precise check of the same run, at 20 connections. */
function printRatiosToCheck(check: TableRow, rows: ReadonlyArray<readonly [string, TableRow]>) {
  const of = ([name, x]: readonly [string, TableRow]) =>
    `${name} p50 ${ms(x.p50)} ms (${(x.p50 / check.p50).toFixed(2)}x), p99 ${ms(x.p99)} ms (${(x.p99 / check.p99).toFixed(2)}x)`;
  console.log(
    `other calls vs precise check at 20 connections (check p50 ${ms(check.p50)} ms, p99 ${ms(check.p99)} ms): ` +
      rows.map(of).join('; '),
  );
}

/** Starts a compiled script as its own process and waits until it listens. */
async function start(
  script: string,
  env: Record<string, string>,
  ready: (child: ChildProcess) => Promise<string>,
  execArgv: string[] = [],
) {
  const child = fork(script, [], {
    env: { ...process.env, ...env },
    execArgv,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return { child, url: await ready(child) };
}

const reportsPort = (child: ChildProcess) =>
  new Promise<string>((resolve, reject) => {
    child.once('message', (m: { port?: number }) => resolve(`http://127.0.0.1:${m.port}`));
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });

/**
 * CPU time (user + system, ms) a process has used so far, from /proc. Per request it is a
 * steadier figure than latency on a shared machine: other load stretches waits, not our work.
 */
function cpuMs(pid: number, withReapedChildren = false): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const own = Number(fields[11]) + Number(fields[12]); // utime, stime
  const ticks = withReapedChildren ? own + Number(fields[13]) + Number(fields[14]) : own;
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/**
 * CPU time (ms) of Postgres: every running backend, plus what ended backends used (the
 * postmaster's reaped children), so connections closed during a run still count.
 */
function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      total += cpuMs(Number(pid), true);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** A port nothing listens on now (the kernel's pick, released again for the service). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function answersReady(url: string): Promise<string> {
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return url;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('service did not become ready');
}

/**
 * Every stylist's every service gets an event type in the fake Cal.com, so calls ask it for
 * slots (cached in Redis) and bookings are synced to it, as in a salon that uses Cal.com.
 */
async function mapEveryStylistToCalcom(db: Client, baseUrl: string): Promise<void> {
  const cipher = new CredentialCipher(ENCRYPTION_KEY);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO calcom_credentials(company_id, label, base_url, api_key_encrypted)
     SELECT id, 'bench', $1, $2 FROM companies RETURNING id`,
    [baseUrl, cipher.encrypt('cal_test_bench_key')],
  );
  await db.query(
    `INSERT INTO calcom_mappings(company_id, credential_id, service_id, staff_id, event_type_id)
     SELECT st.company_id, $1, ss.service_id, st.id, 7000 + row_number() OVER ()
       FROM staff st JOIN staff_services ss ON ss.staff_id = st.id`,
    [rows[0].id],
  );
}

async function main(): Promise<void> {
  const database = `bench_calls_${Date.now()}`;
  await admin(`CREATE DATABASE ${database}`);
  // BENCH_LOG_STATEMENTS=1 has Postgres log every statement of the run with its duration.
  if (process.env.BENCH_LOG_STATEMENTS) {
    await admin(`ALTER DATABASE ${database} SET log_min_duration_statement = 0`);
  }
  const calcom = new FakeCalcom();
  calcom.latencyMs = 200;
  await calcom.start();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const port = String(await freePort());
  // BENCH_SEPARATE_WORKER=1: the calendar sync runs in its own process (npm run start:worker)
  // instead of inside the API process, as a salon under load would run it.
  const separateWorker = Boolean(process.env.BENCH_SEPARATE_WORKER);
  const serviceEnv = {
    DATABASE_URL: url.toString(),
    REDIS_URL,
    // Its own keys on a Redis that tests and other runs may be using too: two runs sharing a
    // prefix would share one sync queue and take each other's jobs.
    REDIS_KEY_PREFIX: `bench-calls-${randomBytes(4).toString('hex')}`,
    SEED_DEMO_SALON: 'true',
    RETELL_API_KEY: KEY,
    CALCOM_API_KEY: 'cal_test_bench_key',
    ENCRYPTION_KEY,
    CALCOM_BASE_URL: calcom.url,
    CALCOM_ALLOWED_HOSTS: new URL(calcom.url).host,
    // Every run here calls one salon far above a salon's limit: limits are not measured here
    // (the one-address line below measures them, on the defaults).
    RETELL_RATE_LIMIT_PER_TENANT: '1000000',
    // The fake Cal.com here has no request limit, and thousands of bookings a run would wait
    // half an hour for the real 120 a minute: the quota is set out of the way, so the figures
    // measure the service and compare with earlier runs (bench:sync's throttled run measures it).
    CALCOM_RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'warn',
    ...(separateWorker ? { SYNC_WORKER_IN_PROCESS: 'false' } : {}),
  };
  const service = await start(
    join(__dirname, '../src/main.js'),
    { ...serviceEnv, PORT: port },
    () => answersReady(`http://127.0.0.1:${port}`),
    // BENCH_CPU_PROFILE=dir writes the service's V8 CPU profile there on exit.
    process.env.BENCH_CPU_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
      : [],
  );
  const worker = separateWorker
    ? await start(join(__dirname, '../src/worker.js'), serviceEnv, async () => {
        await new Promise((r) => setTimeout(r, 3000)); // it has no port to ask; give it time
        return '';
      })
    : null;
  const floor = await start(
    join(__dirname, 'floor.server.js'),
    { DATABASE_URL: url.toString() },
    reportsPort,
  );
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  await mapEveryStylistToCalcom(db, calcom.url);
  // Each measured run starts from an empty calendar, so one run's holds and bookings do not
  // fill the next: empty here, in Cal.com (whose calendar mirrors ours), and in the slot cache
  // (whose answers saw Cal.com's bookings), as after a salon's quiet night.
  const redis = new Redis(REDIS_URL);
  const slotCache = new CalcomSlotCache(redis, {
    ...DEFAULT_CALCOM_CONFIG.slotCache,
    keyPrefix: redisKeys(serviceEnv.REDIS_KEY_PREFIX).slotCache,
  });
  const branches = (
    await db.query<{ company_id: string; id: string }>('SELECT company_id, id FROM branches')
  ).rows;
  const emptyCalendar = async (inCalcomToo = true) => {
    await db.query(
      'DELETE FROM busy_blocks; DELETE FROM holds; DELETE FROM sync_outbox; DELETE FROM appointments',
    );
    if (!inCalcomToo) return;
    calcom.bookings.clear();
    for (const b of branches) {
      await slotCache.invalidate({ companyId: b.company_id, branchId: b.id });
    }
  };
  try {
    const samples: Array<[string, string, Wish]> = [
      ['check_availability', 'check_availability', nextWish()],
      ['book_appointment', 'book_appointment', nextWish()],
      ['day question', 'check_availability', nextDayQuestion()],
      ['part-of-day question', 'check_availability', nextPartQuestion()],
      ['visit of two services', 'check_availability', nextVisitCheck()],
      ['get_service_info', 'get_service_info', nextServiceInfo()],
    ];
    for (const [label, fn, wish] of samples) {
      const body = functionCall(fn, wish);
      const res = await fetch(`${service.url}/api/retell/function-call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-retell-signature': sign(body) },
        body,
      });
      const answer = (await res.json()) as { code?: string; message?: string };
      console.log(`sample ${label}: ${res.status} ${answer.code} – ${answer.message}`);
    }
    await emptyCalendar();
    await load(floor.url, '/', 'GET'); // warm-up
    // Also fills the slot cache, as a day of calls would, for the measured check run.
    await load(service.url, '/api/retell/function-call', 'POST', 'check_availability');
    const floorRun = await load(floor.url, '/', 'GET');
    // The warm-up only placed holds, which Cal.com never sees: its answers stay true.
    await emptyCalendar(false);
    const servicePid = service.child.pid!;
    // The sync runs behind the answers; wait for it (before the next run) and quote it too.
    const syncSettled = async () => {
      const started = Date.now();
      const count = async () =>
        (
          await db.query<{ synced: number; booked: number }>(
            `SELECT count(*) FILTER (WHERE sync_state = 'synced')::int AS synced,
                    count(*)::int AS booked FROM appointments`,
          )
        ).rows[0];
      let state = await count();
      while (state.synced < state.booked && Date.now() - started < 120_000) {
        await new Promise((r) => setTimeout(r, 1000));
        state = await count();
      }
      return { ...state, seconds: ((Date.now() - started) / 1000).toFixed(0) };
    };
    const slotRequests = () => calcom.requests.filter((r) => r === 'GET /v2/slots').length;
    const withCpu = async (
      fn: string,
      wishes?: { next: () => Wish; amount?: number },
      rate?: number,
    ) => {
      const before = cpuMs(servicePid);
      const pgBefore = postgresCpuMs();
      const benchBefore = process.cpuUsage();
      const slotRequestsBefore = slotRequests();
      const run = await load(service.url, '/api/retell/function-call', 'POST', fn, wishes, rate);
      const n = Math.max(run.total, 1);
      const bench = process.cpuUsage(benchBefore);
      return {
        ...run,
        // Slot requests Cal.com received during the run: misses callers waited for, and
        // refreshes ahead of expiry nobody waited for.
        calcomAsked: slotRequests() - slotRequestsBefore,
        cpuMs: (cpuMs(servicePid) - before) / n,
        pgCpuMs: (postgresCpuMs() - pgBefore) / n,
        benchCpuMs: (bench.user + bench.system) / 1000 / n,
      };
    };
    // Each route twice: saturated (no rate), then at the steady rate; each run from an empty
    // calendar, and a booking run only once the sync of the one before has settled.
    const steady: Array<[string, TableRow]> = [];
    const check = await withCpu('check_availability');
    await emptyCalendar(false); // holds only: the slot cache stays as warm as a busy day keeps it
    // Open questions (a day, a part of a day) beside the precise check, in the same run.
    const dayQuestion = await withCpu('check_availability', { next: nextDayQuestion });
    await emptyCalendar(false);
    const partQuestion = await withCpu('check_availability', { next: nextPartQuestion });
    await emptyCalendar(false);
    const visitCheck = await withCpu('check_availability', { next: nextVisitCheck });
    await emptyCalendar(false);
    const serviceInfo = await withCpu('get_service_info', { next: nextServiceInfo });
    // Found by name and day from a withheld number, among bookings made beforehand.
    const lookedUp = await bookForNameLookups(service.url, 60);
    const sampleBody = functionCall('list_appointments', withheldLookups(lookedUp)());
    const sample = await fetch(`${service.url}/api/retell/function-call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-retell-signature': sign(sampleBody) },
      body: sampleBody,
    });
    const found = (await sample.json()) as { code?: string; message?: string };
    console.log(`sample find by name and day, withheld: ${found.code} – ${found.message}`);
    const byName = await withCpu('list_appointments', { next: withheldLookups(lookedUp) });
    await syncSettled();
    await emptyCalendar();
    if (RATE > 0) {
      steady.push([
        'floor (HTTP + SELECT 1)',
        await load(floor.url, '/', 'GET', undefined, undefined, RATE),
      ]);
      steady.push(['check_availability', await withCpu('check_availability', undefined, RATE)]);
      await emptyCalendar(false);
      steady.push([
        'check_availability: day question',
        await withCpu('check_availability', { next: nextDayQuestion }, RATE),
      ]);
      await emptyCalendar(false);
      steady.push([
        'check_availability: part-of-day question',
        await withCpu('check_availability', { next: nextPartQuestion }, RATE),
      ]);
      await emptyCalendar(false);
    }
    const longCall = await longCallRuns({
      url: service.url,
      retellKey: KEY,
      wish: nextWish,
      serviceCpuMs: () => cpuMs(servicePid),
      reset: () => emptyCalendar(false),
      seconds: DURATION,
    });
    await emptyCalendar();
    // As in a call: the slot was offered (and held) by check_availability before the booking.
    // Every held slot is booked once, by the call that holds it (as many requests as held).
    // The wishes' slots fill the calendar at some 600 holds, so the run is made in passes, each
    // from an empty calendar, and their times pooled.
    const bookingsOfHeld = async (rate?: number) => {
      const passes: Array<Awaited<ReturnType<typeof withCpu>>> = [];
      for (let pass = 0; pass < HELD_PASSES; pass++) {
        if (pass > 0) {
          await syncSettled();
          await emptyCalendar();
        }
        const held = await heldWishes(service.url, 500 * DURATION);
        let nextHeld = 0;
        passes.push(
          await withCpu(
            'book_appointment',
            { next: () => held[nextHeld++ % held.length], amount: held.length },
            rate,
          ),
        );
      }
      const total = passes.reduce((sum, p) => sum + p.total, 0);
      const perRequest = (pick: (p: (typeof passes)[number]) => number) =>
        passes.reduce((sum, p) => sum + pick(p) * p.total, 0) / Math.max(total, 1);
      return {
        ...summary(passes.flatMap((p) => p.samples)),
        total,
        rps: total / passes.reduce((sum, p) => sum + p.total / p.rps, 0),
        non2xx: passes.reduce((sum, p) => sum + p.non2xx, 0),
        errors: passes.reduce((sum, p) => sum + p.errors, 0),
        calcomAsked: passes.reduce((sum, p) => sum + p.calcomAsked, 0),
        cpuMs: perRequest((p) => p.cpuMs),
        pgCpuMs: perRequest((p) => p.pgCpuMs),
        benchCpuMs: perRequest((p) => p.benchCpuMs),
        held: total,
        perPass: passes.map((p) => `${ms(p.p50)}/${ms(p.p99)}`).join(', '),
      };
    };
    const bookHeld = await bookingsOfHeld();
    const heldRun = await syncSettled();
    if (RATE > 0) {
      await emptyCalendar();
      steady.push(['book_appointment on the call’s held slot', await bookingsOfHeld(RATE)]);
      await syncSettled();
    }
    await emptyCalendar();
    // Without a hold (the agent skipped the check): the booking asks Cal.com's slots itself.
    const book = await withCpu('book_appointment');
    const bareRun = await syncSettled();
    if (RATE > 0) {
      await emptyCalendar();
      steady.push([
        'book_appointment without a hold',
        await withCpu('book_appointment', undefined, RATE),
      ]);
      await syncSettled();
    }
    const rowsOut = [
      ['floor (HTTP + SELECT 1)', floorRun],
      ['check_availability', check],
      ['check_availability: day question', dayQuestion],
      ['check_availability: part-of-day question', partQuestion],
      [`check_availability: visit (${VISIT})`, visitCheck],
      ['list_appointments: by name and day, withheld number', byName],
      ['get_service_info', serviceInfo],
      ['book_appointment on the call’s held slot', bookHeld],
      ['book_appointment without a hold', book],
    ] as const;
    console.log(
      `\n20 connections, ${DURATION} s each, service and floor in their own processes` +
        `${separateWorker ? ', calendar sync in a worker process of its own' : ', calendar sync inside the service'}` +
        `, Cal.com faked at 200 ms\n`,
    );
    printTable(rowsOut, true);
    const ratio = (x: number, floor: number) => `${(x / floor).toFixed(1)}x`;
    if (steady.length > 0) {
      console.log(
        `\nThe same routes at a steady ${RATE} requests/s, evenly spaced, over at most 20 connections:\n`,
      );
      printTable(steady, false);
      const floorAtRest = steady[0][1].p50;
      console.log(
        `\nat ${RATE}/s, median vs floor median (${ms(floorAtRest)} ms): ` +
          steady
            .slice(1)
            .map(([name, r]) => `${name} ${ratio(r.p50, floorAtRest)}`)
            .join(', '),
      );
    }
    console.log(
      `\nmedian vs floor median (${ms(floorRun.p50)} ms): check_availability ${ratio(check.p50, floorRun.p50)}, ` +
        `visit check ${ratio(visitCheck.p50, floorRun.p50)}, find by name and day ${ratio(byName.p50, floorRun.p50)}, ` +
        `get_service_info ${ratio(serviceInfo.p50, floorRun.p50)}, book on a held slot ${ratio(bookHeld.p50, floorRun.p50)}, ` +
        `book without a hold ${ratio(book.p50, floorRun.p50)}`,
    );
    printRatiosToCheck(check, [
      ['visit check', visitCheck],
      ['find by name and day (withheld)', byName],
      ['get_service_info', serviceInfo],
    ]);
    printOpenQuestionRatios(
      { check, day: dayQuestion, part: partQuestion },
      RATE > 0
        ? { check: steady[1][1], day: steady[2][1], part: steady[3][1], rate: RATE }
        : undefined,
    );
    printLongCallRuns(longCall, (steady[0]?.[1] ?? floorRun).p50);
    console.log(
      `held slots prepared by checks beforehand (and booked): ${bookHeld.held} in ${HELD_PASSES} passes (p50/p99 ms of each: ${bookHeld.perPass})`,
    );
    console.log(
      `book run on held slots, last pass: ${heldRun.booked} booked, ${heldRun.synced} synced to Cal.com ` +
        `${heldRun.seconds} s after the run; without a hold: ${bareRun.booked} booked, ` +
        `${bareRun.synced} synced ${bareRun.seconds} s after; Cal.com creates: ` +
        `${calcom.createBodies.length}, slot requests: ${calcom.requests.filter((r) => r === 'GET /v2/slots').length}`,
    );
  } finally {
    await db.end();
    const children = [service.child, floor.child, ...(worker ? [worker.child] : [])];
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    );
    await dropKeys(redis, `${serviceEnv.REDIS_KEY_PREFIX}:*`).catch(() => undefined);
    redis.disconnect();
    await calcom.stop();
    // BENCH_KEEP_DB=1 keeps the database (and its last run's rows) to look into afterwards.
    if (process.env.BENCH_KEEP_DB) console.log(`kept database ${database}`);
    else await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

/** Deletes the run's keys (SCAN, never KEYS: the Redis may be shared). */
async function dropKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

main()
  .then(() => oneAddressBench())
  .catch((error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  });
