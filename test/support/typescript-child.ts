import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TS_REGISTER = join(__dirname, 'ts-register.cjs');

/** A child Node process running a TypeScript entry from the sources (no dist/ needed). */
export interface TypeScriptChild {
  readonly process: ChildProcess;
  readonly pid: number;
  /** The tail of what the process wrote to stdout and stderr. */
  output(): string;
  /** Calls `listener` with the output so far whenever more arrives. */
  onOutput(listener: (output: string) => void): void;
  /** True once the process is gone. */
  exited(): boolean;
  /** SIGKILL: no shutdown hook, no lock release, no last write. Resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM (Nest's shutdown hooks run), SIGKILL if it is not gone in time. */
  stop(): Promise<void>;
}

/**
 * A run of the suite under a shifted clock (libfaketime, see .ci/clock-sweep) reaches the
 * children too, so a child and its test agree on the time.
 */
function shiftedClock(): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && (name === 'LD_PRELOAD' || name.startsWith('FAKETIME'))) {
      kept[name] = value;
    }
  }
  return kept;
}

/** Forks `entry` with exactly `env` plus PATH (and NODE_ENV=test), keeping its output's tail. */
export function forkTypeScript(
  entry: string,
  env: Record<string, string>,
  keptOutputChars = 20_000,
): TypeScriptChild {
  const child = fork(entry, [], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...shiftedClock(), ...env },
    execArgv: ['--require', TS_REGISTER, '--enable-source-maps'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const listeners: Array<(output: string) => void> = [];
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-keptOutputChars);
    for (const listener of listeners) listener(output);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    process: child,
    pid: child.pid as number,
    output: () => output,
    onOutput: (listener) => listeners.push(listener),
    exited: gone,
    async kill() {
      if (gone()) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 10_000) {
      if (gone()) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * Resolves with what `watch` reports once the child is ready. A child that exits, cannot be
 * started or stays silent past the timeout is stopped, and the promise rejects with its output.
 */
export function whenReady<T>(
  child: TypeScriptChild,
  name: string,
  watch: (ready: (value: T) => void) => void,
  // A child compiles the sources as it loads them; on a busy machine that takes a while.
  timeoutMs = 120_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null, value?: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.process.off('exit', onExit);
      if (!error) return resolve(value as T);
      void child.stop().finally(() => reject(error));
    };
    const fail = (why: string) =>
      settle(new Error(`${name} ${why}; its output:\n${child.output()}`));
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited before it was ready (code ${code}, signal ${signal})`);
    const timer = setTimeout(() => fail(`was not ready within ${timeoutMs} ms`), timeoutMs);
    child.process.once('exit', onExit);
    child.process.once('error', (error) => fail(`could not be started: ${error.message}`));
    watch((value) => settle(null, value));
  });
}
