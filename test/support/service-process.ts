import { join } from 'node:path';
import { forkTypeScript, whenReady } from './typescript-child';

const ENTRY = join(__dirname, 'service-process.main.ts');

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
export async function startServiceProcess(
  env: Record<string, string>,
  options: { readyTimeoutMs?: number } = {},
): Promise<ServiceProcess> {
  const child = forkTypeScript(ENTRY, { PORT: '0', ...env });
  const port = await whenReady<number>(
    child,
    'service process',
    (ready) =>
      child.process.on('message', (message: unknown) => {
        const said = message as { type?: string; port?: number };
        if (said.type === 'ready' && typeof said.port === 'number') ready(said.port);
      }),
    options.readyTimeoutMs,
  );
  return {
    pid: child.pid,
    port,
    url: `http://127.0.0.1:${port}`,
    output: child.output,
    stop: child.stop,
  };
}
