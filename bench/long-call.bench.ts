import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { retellLongCall } from '../test/support/retell-long-call.fixture';

/**
 * The long-call line of `npm run bench:calls`: check_availability at a steady rate with Retell's
 * call object as it is late in a 60-minute call (transcript, word timings and tool calls, about
 * 1.09 MB), next to the same run with a short call object, one after the other against the same
 * service. The function answer should not pay for the transcript beyond its signature.
 *
 * The rate (BENCH_LONG_CALL_RATE, default 20/s: twenty 60-minute calls each asking every second)
 * is below the call bench's: at 100 bodies of a megabyte a second this 2-core machine measures
 * its own saturation, not the service.
 */
const RATE = Number(process.env.BENCH_LONG_CALL_RATE ?? 20);
export interface LongCallBenchContext {
  readonly url: string;
  /** The key the service checks Retell's signatures with. */
  readonly retellKey: string;
  /** A caller's wish: arguments and the call's own fields (id, numbers, agent). */
  readonly wish: () => { args: Record<string, string>; call: Record<string, string> };
  /** The service's CPU time so far (ms). */
  readonly serviceCpuMs: () => number;
  /** Run before each of the two runs, so both start from the same calendar. */
  readonly reset: () => Promise<void>;
  readonly seconds: number;
}

export interface LongCallRun {
  readonly label: string;
  readonly rate: number;
  /** The machine's 1-minute load average as the run began: latency says little without it. */
  readonly load: number;
  readonly bodyBytes: number;
  readonly p50: number;
  readonly p99: number;
  readonly rps: number;
  readonly non2xx: number;
  /** 200 answers whose code is INTERNAL.*: failures too. */
  readonly internal: number;
  readonly errors: number;
  readonly cpuMsPerRequest: number;
}

/** The short run, then the 60-minute run, at the same rate. */
export async function longCallRuns(context: LongCallBenchContext): Promise<LongCallRun[]> {
  const { transcript, transcript_object, transcript_with_tool_calls, ...fields } = retellLongCall({
    minutes: 60,
    stage: 'ongoing',
  });
  // Encoded once: each request only puts its own ids in front of the same transcripts, so the
  // load generator's work stays small next to the service's.
  const transcripts = Buffer.from(
    `,${JSON.stringify({ transcript, transcript_object, transcript_with_tool_calls }).slice(1, -1)}}}`,
  );
  const shortBody = () => {
    const w = context.wish();
    return Buffer.from(JSON.stringify({ name: 'check_availability', args: w.args, call: w.call }));
  };
  const longBody = () => {
    const w = context.wish();
    const call = JSON.stringify({ ...fields, ...w.call }).slice(0, -1);
    const head = `{"name":"check_availability","args":${JSON.stringify(w.args)},"call":${call}`;
    return Buffer.concat([Buffer.from(head), transcripts]);
  };
  const runs: LongCallRun[] = [];
  for (const [label, body] of [
    ['short call object', shortBody],
    ['60-minute call object', longBody],
  ] as const) {
    await context.reset();
    runs.push(await paced(context, label, body));
  }
  return runs;
}

/** An open loop: one request every 1/rate s whatever the answers do, at most 20 connections. */
async function paced(
  context: LongCallBenchContext,
  label: string,
  nextBody: () => Buffer,
): Promise<LongCallRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: 20 });
  const target = new URL('/api/retell/function-call', context.url);
  const count = RATE * context.seconds;
  const load = loadavg()[0];
  const ms: number[] = [];
  let non2xx = 0;
  let internal = 0;
  let errors = 0;
  let bodyBytes = 0;
  const one = (planned: number) =>
    new Promise<void>((resolve) => {
      const body = nextBody();
      bodyBytes = body.length;
      const from = Math.min(planned, performance.now());
      const req = request(target, {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'x-retell-signature': signed(body, context.retellKey),
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) non2xx++;
          else if (/"code":"INTERNAL\./.test(text)) internal++;
          else ms.push(performance.now() - from);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const cpuBefore = context.serviceCpuMs();
  const started = performance.now() + 20;
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const planned = started + (i * 1000) / RATE;
    const wait = planned - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(one(planned));
  }
  await Promise.all(inFlight);
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  ms.sort((a, b) => a - b);
  const at = (q: number) =>
    ms.length ? ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] : NaN;
  return {
    label,
    rate: RATE,
    load,
    bodyBytes,
    p50: at(0.5),
    p99: at(0.99),
    rps: count / seconds,
    non2xx,
    internal,
    errors,
    cpuMsPerRequest: (context.serviceCpuMs() - cpuBefore) / count,
  };
}

/** `X-Retell-Signature` as Retell computes it, over the bytes sent. */
function signed(body: Buffer, key: string): string {
  const v = Date.now();
  return `v=${v},d=${createHmac('sha256', key).update(body).update(String(v)).digest('hex')}`;
}

/** The line's table and its medians against the floor's. */
export function printLongCallRuns(runs: readonly LongCallRun[], floorP50: number) {
  const ms = (t: number): string => (t >= 10 ? t.toFixed(0) : t.toFixed(1));
  console.log(
    `\ncheck_availability at a steady ${RATE} requests/s with a short and with a 60-minute call object, one run after the other:\n`,
  );
  const head = [
    'call object',
    'body bytes',
    'p50 ms',
    'p99 ms',
    'req/s',
    'non-2xx',
    'INTERNAL',
    'errors',
    'service CPU ms/req',
    'load average',
  ];
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---|').join('')}`);
  for (const r of runs) {
    const cells = [r.label, r.bodyBytes, ms(r.p50), ms(r.p99), Math.round(r.rps)];
    cells.push(r.non2xx, r.internal, r.errors, r.cpuMsPerRequest.toFixed(2), r.load.toFixed(1));
    console.log(`| ${cells.join(' | ')} |`);
  }
  console.log(
    `median vs floor median (${ms(floorP50)} ms): ` +
      runs.map((r) => `${r.label} ${(r.p50 / floorP50).toFixed(1)}x`).join(', '),
  );
}
