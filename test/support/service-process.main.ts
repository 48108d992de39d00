import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { bootstrap, loadConfig } from '../../src/bootstrap';

/**
 * One service instance as its own Node process, configured from its environment like
 * src/main.ts, for tests that need several real instances (see service-process.ts).
 * It listens on 127.0.0.1 (PORT=0 picks a free port) and reports the port to its parent over
 * the IPC channel; it exits when that channel closes, so a dying parent leaves no orphan.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await bootstrap(config);
  await app.listen(config.env.PORT, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  if (process.send) {
    process.send({ type: 'ready', port, pid: process.pid });
    process.once('disconnect', () => {
      setTimeout(() => process.exit(1), 5000).unref(); // a close that hangs does not keep it alive
      void app.close().finally(() => process.exit(0));
    });
  } else {
    console.warn(`service process ${process.pid} ready on http://127.0.0.1:${port}`);
  }
}

main().catch((error: unknown) => {
  console.error('service process failed to start:', error instanceof Error ? error.stack : error);
  process.exit(1);
});
