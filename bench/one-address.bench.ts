import { fork } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * Retell's traffic as it arrives: every request from one client address (Retell's), many calls
 * to many salons at once. The built service (its own process) on real Postgres and Redis with
 * its default rate limits and the local calendar; 300 calls to 10 salons, 100 function calls a
 * second, evenly spaced, for 30 s. Prints how many were refused with 429 and the latency of the
 * answered ones. `npm run bench:calls` runs it after its table; alone:
 * `node dist/bench/one-address.bench.js`.
 */
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SALONS = 10;
const CALLS = 300;
const RATE = 100;
const SECONDS = 30;
const KEY = `bench_${randomBytes(12).toString('hex')}`;
const ADMIN_KEY = randomBytes(24).toString('hex');

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

async function ready(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('service did not become ready');
}

/** The demo salon plus salons of their own (a line and an agent each), through the admin API. */
async function salonLines(url: string): Promise<string[]> {
  const demo = JSON.parse(readFileSync(join(__dirname, '../fixtures/demo-salon.json'), 'utf8'));
  const lines: string[] = [demo.branches[0].phoneNumbers[0]];
  for (let n = 1; n < SALONS; n++) {
    const line = `+49405550${100 + n}`;
    const file = {
      ...demo,
      company: { name: `Salon Kopie ${n}`, slug: `kopie-${n}` },
      branches: demo.branches.map((b: object) => ({
        ...b,
        phoneNumbers: [line],
        retellAgentId: `agent_kopie_${n}`,
      })),
    };
    const res = await fetch(`${url}/api/admin/salon-files`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': ADMIN_KEY },
      body: JSON.stringify(file),
    });
    if (!res.ok) throw new Error(`salon ${n} not imported: ${res.status} ${await res.text()}`);
    lines.push(line);
  }
  return lines;
}

const DAYS = Array.from({ length: 28 }, (_, k) =>
  new Date(Date.now() + (k + 1) * 86_400_000).toISOString().slice(0, 10),
);
const SERVICES = ['Herrenhaarschnitt', 'Damenhaarschnitt', 'Föhnen'];

/** One of the calls: its id, the salon line it dialled, its caller. */
interface BenchCall {
  readonly n: number;
  readonly id: string;
  readonly line: string;
  readonly caller: string;
}

/** The k-th function call of a call: who it is, then times asked, as a conversation goes. */
function functionCall(call: BenchCall, k: number): string {
  const name = k === 0 ? 'get_current_context' : k === 1 ? 'check_customer' : 'check_availability';
  const args =
    name === 'check_availability'
      ? {
          dienstleistung: SERVICES[k % SERVICES.length],
          datum: DAYS[(call.n + k * 7) % DAYS.length],
          uhrzeit: `${10 + (k % 8)}:${k % 2 ? '30' : '00'}`,
        }
      : {};
  return JSON.stringify({
    name,
    args,
    call: {
      call_id: call.id,
      call_type: 'phone_call',
      direction: 'inbound',
      from_number: call.caller,
      to_number: call.line,
      call_status: 'ongoing',
    },
  });
}

interface Tally {
  readonly ms: number[];
  readonly statuses: Map<number, number>;
  /** 200 answers whose code is INTERNAL.*: failures too. */
  internal: number;
  errors: number;
}

/** An open loop: one request every 1/RATE s whatever the answers do, round robin over the calls. */
async function traffic(url: string, lines: string[]): Promise<Tally> {
  const calls: BenchCall[] = Array.from({ length: CALLS }, (_, n) => ({
    n,
    id: `call_${randomBytes(16).toString('hex')}`,
    line: lines[n % lines.length],
    caller: `+49151${30_000_000 + n}`,
  }));
  const asked = new Array<number>(CALLS).fill(0);
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  const target = new URL('/api/retell/function-call', url);
  const tally: Tally = { ms: [], statuses: new Map(), internal: 0, errors: 0 };
  const one = (planned: number, body: string) =>
    new Promise<void>((resolve) => {
      const from = Math.min(planned, performance.now());
      const req = request(target, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-retell-signature': sign(body) },
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
          if (status >= 200 && status < 300) {
            tally.ms.push(performance.now() - from);
            if (/"code":"INTERNAL\./.test(text)) tally.internal++;
          }
          resolve();
        });
      });
      req.on('error', () => {
        tally.errors++;
        resolve();
      });
      req.end(body);
    });
  const started = performance.now() + 20;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < RATE * SECONDS; i++) {
    const planned = started + (i * 1000) / RATE;
    const wait = planned - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const c = i % CALLS;
    inFlight.push(one(planned, functionCall(calls[c], asked[c]++)));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return tally;
}

const at = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN;

export async function oneAddressBench(): Promise<void> {
  const database = `bench_one_address_${Date.now()}`;
  await admin(`CREATE DATABASE ${database}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${database}`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = fork(join(__dirname, '../src/main.js'), [], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL,
      // Keys of its own on a Redis that tests may be using too.
      REDIS_KEY_PREFIX: `bench-one-address-${randomBytes(4).toString('hex')}`,
      SEED_DEMO_SALON: 'true',
      RETELL_API_KEY: KEY,
      ADMIN_BOOTSTRAP_KEY: ADMIN_KEY,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    await ready(url);
    const lines = await salonLines(url);
    // Latency on a shared machine says little without how busy it was.
    const load = loadavg()[0].toFixed(1);
    const tally = await traffic(url, lines);
    const sorted = [...tally.ms].sort((a, b) => a - b);
    const refused = tally.statuses.get(429) ?? 0;
    const otherNon2xx = [...tally.statuses]
      .filter(([status]) => status !== 429 && (status < 200 || status >= 300))
      .reduce((sum, [, count]) => sum + count, 0);
    const ms = (t: number) => (t >= 10 ? t.toFixed(0) : t.toFixed(1));
    console.log(
      `\none client address, ${CALLS} calls to ${SALONS} salons, ${RATE} function calls/s for ` +
        `${SECONDS} s, default rate limits, local calendar: ${RATE * SECONDS} requests, ` +
        `${refused} × 429, ${otherNon2xx} other non-2xx, ${tally.internal} INTERNAL answers, ` +
        `${tally.errors} errors; ` +
        `p50 ${ms(at(sorted, 0.5))} ms, p99 ${ms(at(sorted, 0.99))} ms ` +
        `(machine load average ${load} when it began)`,
    );
  } finally {
    if (service.exitCode === null) {
      const gone = new Promise((r) => service.once('exit', r));
      service.kill('SIGTERM');
      await gone;
    }
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

if (require.main === module) {
  oneAddressBench().catch((error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  });
}
