import '../../src/worker';

/**
 * `npm run start:worker` (src/worker.ts) as a child of a test (see worker-process.ts). The only
 * addition: it exits when the IPC channel to its parent closes, so a test runner that dies
 * leaves no worker behind consuming the queue.
 */
if (process.send) {
  process.once('disconnect', () => {
    setTimeout(() => process.exit(1), 5000).unref(); // shutdown hooks that hang do not keep it
    process.kill(process.pid, 'SIGTERM'); // Nest's shutdown hooks close the worker, then exit
  });
}
