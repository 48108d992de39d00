import { ExpiringMemo } from './expiring-memo';

describe('ExpiringMemo', () => {
  afterEach(() => jest.useRealTimers());

  it('shares one load between callers until the entry expires', async () => {
    jest.useFakeTimers({ now: 0 });
    const memo = new ExpiringMemo<number>(1000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([memo.get('a', load), memo.get('a', load)])).toEqual([1, 1]);
    jest.setSystemTime(999);
    expect(await memo.get('a', load)).toBe(1);
    jest.setSystemTime(1000);
    expect(await memo.get('a', load)).toBe(2);
  });

  it('forgets failed loads and values it is told not to keep', async () => {
    const memo = new ExpiringMemo<string | null>(60_000, 10, (v) => v !== null);
    await expect(memo.get('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await memo.get('x', async () => 'up')).toBe('up');
    expect(await memo.get('y', async () => null)).toBeNull();
    await Promise.resolve();
    expect(await memo.get('y', async () => 'found')).toBe('found');
  });

  it('drops one key or all, and clears itself when full', async () => {
    const memo = new ExpiringMemo<number>(60_000, 2);
    let n = 0;
    const load = async () => ++n;
    await memo.get('a', load);
    await memo.get('b', load);
    memo.delete('a');
    expect(await memo.get('a', load)).toBe(3); // a reloaded; full now, so the next miss clears
    expect(await memo.get('c', load)).toBe(4);
    expect(await memo.get('b', load)).toBe(5);
    memo.delete();
    expect(await memo.get('b', load)).toBe(6);
  });
});
