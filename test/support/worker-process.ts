import { join } from 'node:path';
import { forkTypeScript, whenReady } from './typescript-child';

const ENTRY = join(__dirname, 'worker-process.main.ts');
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
export async function startWorkerProcess(
  env: Record<string, string>,
  options: { readyTimeoutMs?: number } = {},
): Promise<WorkerProcess> {
  const child = forkTypeScript(ENTRY, env, KEPT_OUTPUT_CHARS);
  await whenReady<void>(
    child,
    'worker process',
    (ready) =>
      child.onOutput((output) => {
        if (output.includes(READY_LINE)) ready();
      }),
    options.readyTimeoutMs,
  );
  return {
    pid: child.pid,
    output: child.output,
    exited: child.exited,
    kill: child.kill,
    stop: child.stop,
  };
}
