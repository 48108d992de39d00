import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

/**
 * A Redis server of a test's own: a `redis-server` child process on a free port of 127.0.0.1,
 * without persistence (no RDB snapshots, no AOF), so a restart loses every key, as a production
 * Redis configured that way does. Never the machine's shared Redis.
 */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** SIGKILLs the server and starts a fresh, empty one on the same port. */
  restart(): Promise<void>;
  /** SIGKILLs the server and leaves it down (Redis away) until `start()`. */
  kill(): Promise<void>;
  /** Starts a fresh, empty server on the same port after `kill()`. */
  start(): Promise<void>;
  /**
   * Makes the server answer nobody for `ms` (DEBUG SLEEP), as a Redis held up by a slow command
   * or a starved host; resolves once the stall has begun, and the answers come after it.
   */
  stall(ms: number): Promise<void>;
  /** Kills the server for good; safe to call twice. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child = await launch(port);
  // Should the test process end without afterAll (a crash), the server goes with it.
  const onExit = () => child.kill('SIGKILL');
  process.on('exit', onExit);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async restart() {
      await kill(child);
      child = await launch(port);
    },
    async kill() {
      await kill(child);
    },
    async start() {
      if (child.exitCode === null && child.signalCode === null) return;
      child = await launch(port);
    },
    stall(ms: number) {
      return stall(port, ms);
    },
    async stop() {
      process.off('exit', onExit);
      await kill(child);
    },
  };
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    // DEBUG (for stall()) only from this machine, where the test runs.
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      ...['--enable-debug-command', 'local'],
    ],
    // A run under a shifted clock (.ci/clock-sweep) leaves the server on the real one.
    { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LD_PRELOAD: '' } },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) =>
      reject(new Error(`redis-server exited (${code ?? signal}): ${stderr.trim()}`)),
    );
    child.once('error', reject);
  });
  exited.catch(() => undefined);
  try {
    await Promise.race([untilPong(port), exited]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await gone;
}

/** Sends DEBUG SLEEP on a raw socket; the server takes it at once, as it waits for nothing. */
function stall(port: number, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('error', reject);
    socket.once('data', () => socket.destroy());
    socket.once('connect', () =>
      socket.write(`DEBUG SLEEP ${ms / 1000}\r\n`, () => setTimeout(resolve, 20)),
    );
  });
}

/** Polls with a raw PING until the server answers (the timeout only bounds a hang). */
async function untilPong(port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (await ping(port)) return;
    if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not answer`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString('utf8').startsWith('+PONG')));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
