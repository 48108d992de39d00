import { PeriodicSweep } from './periodic-sweep';

/** A sweep that ends when the test says so, counting its rounds. */
function controlledSweep() {
  const ends: Array<(n: number) => void> = [];
  const fails: Array<(e: Error) => void> = [];
  const sweepOnce = () =>
    new Promise<number>((resolve, reject) => {
      ends.push(resolve);
      fails.push(reject);
    });
  return { sweepOnce, ends, fails, rounds: () => ends.length };
}

describe('PeriodicSweep', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets a call while a sweep runs join it, and starts afresh after it ended', async () => {
    const s = controlledSweep();
    const sweep = new PeriodicSweep(s.sweepOnce, 0, () => undefined);
    const first = sweep.run();
    const joined = sweep.run();
    expect(s.rounds()).toBe(1);
    s.ends[0](3);
    expect(await first).toBe(3);
    expect(await joined).toBe(3);
    void sweep.run();
    expect(s.rounds()).toBe(2);
  });

  it('sweeps on every tick, skipping the ticks that find a sweep still running', async () => {
    const s = controlledSweep();
    const sweep = new PeriodicSweep(s.sweepOnce, 1000, () => undefined);
    sweep.startPolling();
    sweep.startPolling(); // a second start sets no second timer
    jest.advanceTimersByTime(1000);
    expect(s.rounds()).toBe(1);
    jest.advanceTimersByTime(3000); // still running: no further round
    expect(s.rounds()).toBe(1);
    s.ends[0](0);
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(1000);
    expect(s.rounds()).toBe(2);
    sweep.stopPolling();
    jest.advanceTimersByTime(5000);
    expect(s.rounds()).toBe(2);
  });

  it('does not poll with an interval of 0', () => {
    const s = controlledSweep();
    const sweep = new PeriodicSweep(s.sweepOnce, 0, () => undefined);
    sweep.startPolling();
    jest.advanceTimersByTime(60_000);
    expect(s.rounds()).toBe(0);
  });

  it('reports a failed round and tries again on the next tick', async () => {
    const s = controlledSweep();
    const failures: unknown[] = [];
    const sweep = new PeriodicSweep(s.sweepOnce, 1000, (e) => failures.push(e));
    sweep.startPolling();
    jest.advanceTimersByTime(1000);
    s.fails[0](new Error('database away'));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(failures).toEqual([new Error('database away')]);
    jest.advanceTimersByTime(1000);
    expect(s.rounds()).toBe(2);
    s.ends[1](0);
    await sweep.stop();
  });

  it('stops polling and waits for the running sweep, even a failing one', async () => {
    const s = controlledSweep();
    const sweep = new PeriodicSweep(s.sweepOnce, 1000, () => undefined);
    sweep.startPolling();
    void sweep.run().catch(() => undefined);
    const order: string[] = [];
    const stopped = sweep.stop().then(() => order.push('stopped'));
    await Promise.resolve();
    order.push('sweep ends');
    s.fails[0](new Error('cut'));
    await stopped;
    expect(order).toEqual(['sweep ends', 'stopped']);
    jest.advanceTimersByTime(5000);
    expect(s.rounds()).toBe(1);
  });
});
