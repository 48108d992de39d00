import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ENTRY = join(__dirname, 'service-process.main.ts');
const TS_REGISTER = join(__dirname, 'ts-register.cjs');
const KEPT_OUTPUT_CHARS = 20_000;

/** A service instance running in its own Node process (own HTTP server, pool and Redis client). */
export interface ServiceProcess {
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  /** The tail of what the process wrote to stdout and stderr (its JSON log lines). */
  output(): string;
  /** SIGTERM (Nest's shutdown hooks close the app), SIGKILL if it is not gone in time. */
  stop(): Promise<void>;
}

/**
 * Starts src/bootstrap.ts in a child process from the TypeScript sources (no dist/ needed) with
 * exactly `env` plus PATH, and resolves once it listens. A child that exits or stays silent
 * before it is ready rejects with its output and is killed.
 */
export function startServiceProcess(
  env: Record<string, string>,
  options: { readyTimeoutMs?: number } = {},
): Promise<ServiceProcess> {
  const child = fork(ENTRY, [], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: '0', ...env },
    execArgv: ['--require', TS_REGISTER, '--enable-source-maps'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  return new Promise<ServiceProcess>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      void stopChild(child).finally(() =>
        reject(new Error(`service process ${why}; its output:\n${output}`)),
      );
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited before it was ready (code ${code}, signal ${signal})`);
    const onMessage = (message: unknown) => {
      const ready = message as { type?: string; port?: number };
      if (ready.type !== 'ready' || typeof ready.port !== 'number') return;
      const port = ready.port;
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve({
        pid: child.pid as number,
        port,
        url: `http://127.0.0.1:${port}`,
        output: () => output,
        stop: () => stopChild(child),
      });
    };
    const timer = setTimeout(
      () => fail(`was not ready within ${options.readyTimeoutMs ?? 60_000} ms`),
      options.readyTimeoutMs ?? 60_000,
    );
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', (error) => fail(`could not be started: ${error.message}`));
  });
}

async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(killer);
}
