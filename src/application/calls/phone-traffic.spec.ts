import { PhoneTraffic } from './phone-traffic';

describe('PhoneTraffic', () => {
  let clock = 0;
  let traffic: PhoneTraffic;
  let changes: boolean[];

  beforeEach(() => {
    jest.useFakeTimers();
    clock = 0;
    traffic = new PhoneTraffic(1000, () => clock);
    changes = [];
    traffic.onChange((busy) => changes.push(busy));
  });
  afterEach(() => {
    traffic.stop();
    jest.useRealTimers();
  });

  /** Lets the fake clock and the fake timers move together. */
  const pass = (ms: number) => {
    clock += ms;
    jest.advanceTimersByTime(ms);
  };

  /** A function call that ends when `end` is called. */
  const callInFlight = () => {
    let end!: () => void;
    const done = traffic.during(() => new Promise<void>((r) => (end = r)));
    return async () => {
      end();
      await done;
    };
  };

  it('is answering from a call’s start until the quiet time after the last one ended', async () => {
    expect(traffic.answering).toBe(false);
    const end = callInFlight();
    expect(traffic.answering).toBe(true);
    pass(5000); // a slow answer: still in flight
    expect(traffic.answering).toBe(true);
    await end();
    pass(999);
    expect(traffic.answering).toBe(true);
    pass(1);
    expect(traffic.answering).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('stays answering while calls overlap, and tells each change once', async () => {
    const first = callInFlight();
    const second = callInFlight();
    await first();
    pass(2000);
    expect(traffic.answering).toBe(true); // the second is still in flight
    await second();
    pass(1000);
    expect(traffic.answering).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('counts the quiet time from the last call that ended, not the first', async () => {
    await callInFlight()();
    pass(600);
    await callInFlight()();
    pass(600); // 1200 after the first ended, 600 after the last
    expect(traffic.answering).toBe(true);
    pass(400);
    expect(traffic.answering).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('ends a call that failed too, and passes its error on', async () => {
    await expect(traffic.during(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    pass(1000);
    expect(traffic.answering).toBe(false);
  });

  it('stops telling a listener that unsubscribed', async () => {
    const heard: boolean[] = [];
    const unsubscribe = traffic.onChange((b) => heard.push(b));
    await callInFlight()();
    unsubscribe();
    pass(1000);
    expect(heard).toEqual([true]);
    expect(changes).toEqual([true, false]);
  });

  it('is answering while another process says it answers, and tells only the combined changes', async () => {
    traffic.answeringElsewhere(true);
    expect([traffic.answering, traffic.answeringHere]).toEqual([true, false]);
    const end = callInFlight();
    traffic.answeringElsewhere(false); // this process still answers its own call
    expect([traffic.answering, traffic.answeringHere]).toEqual([true, true]);
    await end();
    pass(1000);
    expect(traffic.answering).toBe(false);
    traffic.answeringElsewhere(true);
    traffic.answeringElsewhere(false);
    expect(changes).toEqual([true, false, true, false]);
  });
});
