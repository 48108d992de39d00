import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ENTRY = join(__dirname, 'worker-process.main.ts');
const TS_REGISTER = join(__dirname, 'ts-register.cjs');
const KEPT_OUTPUT_CHARS = 50_000;
/** What src/worker.ts prints once the application context (and its BullMQ worker) is up. */
const READY_LINE = 'calendar sync worker running';

/** `npm run start:worker` as its own Node process, run from the TypeScript sources. */
export interface WorkerProcess {
  readonly pid: number;
  /** The tail of what the process wrote to stdout and stderr. */
  output(): string;
  /** True once the process is gone. */
  exited(): boolean;
  /** SIGKILL: no shutdown hook, no lock release, no last write. Resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (Nest's shutdown hooks close the worker), SIGKILL if it is not gone in time. */
  stop(): Promise<void>;
}

/**
 * Starts src/worker.ts (through worker-process.main.ts) in a child process with exactly `env`
 * plus PATH, and resolves once the worker says it runs. A child that exits or stays silent
 * before that rejects with its output and is killed.
 */
export function startWorkerProcess(
  env: Record<string, string>,
  options: { readyTimeoutMs?: number } = {},
): Promise<WorkerProcess> {
  const child = fork(ENTRY, [], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
    execArgv: ['--require', TS_REGISTER, '--enable-source-maps'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  let ready = false;
  let settle: ((error?: Error) => void) | undefined;
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS);
    if (!ready && output.includes(READY_LINE)) {
      ready = true;
      settle?.();
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const gone = () => child.exitCode !== null || child.signalCode !== null;

  const handle: WorkerProcess = {
    pid: child.pid as number,
    output: () => output,
    exited: gone,
    kill: () => killChild(child, 'SIGKILL'),
    stop: () => stopChild(child),
  };

  return new Promise<WorkerProcess>((resolve, reject) => {
    const timeoutMs = options.readyTimeoutMs ?? 60_000;
    const timer = setTimeout(() => fail(`was not ready within ${timeoutMs} ms`), timeoutMs);
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited before it was ready (code ${code}, signal ${signal})`);
    const fail = (why: string) => {
      settle = undefined;
      clearTimeout(timer);
      child.off('exit', onExit);
      void stopChild(child).finally(() =>
        reject(new Error(`worker process ${why}; its output:\n${output}`)),
      );
    };
    settle = () => {
      settle = undefined;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(handle);
    };
    child.once('exit', onExit);
    child.once('error', (error) => fail(`could not be started: ${error.message}`));
  });
}

async function killChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(killer);
}
