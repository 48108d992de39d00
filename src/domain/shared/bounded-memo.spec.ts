import { BoundedMemo } from './bounded-memo';

describe('BoundedMemo', () => {
  it('computes a key once, and starts afresh when full', () => {
    let computed = 0;
    const memo = new BoundedMemo<number>(2);
    const square = (n: number) => memo.get(String(n), () => (computed++, n * n));
    expect([square(2), square(2), square(3)]).toEqual([4, 4, 9]);
    expect(computed).toBe(2);
    square(4); // full: the earlier answers go
    square(2);
    expect(computed).toBe(4);
  });
});
