import { nestedDeeperThan } from './body-depth.interceptor';

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('nestedDeeperThan', () => {
  it.each([
    [1, 32, false],
    [nested(32), 32, false],
    [nested(33), 32, true],
    [{ a: 1, b: [nested(40)] }, 32, true],
    [nested(100_000), 32, true],
    [null, 0, false],
  ])('#%# is deeper than %i: %s', (value, max, deeper) => {
    expect(nestedDeeperThan(value, max)).toBe(deeper);
  });
});
