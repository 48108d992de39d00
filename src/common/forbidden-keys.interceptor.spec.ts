import { forbiddenKeyPath } from './forbidden-keys.interceptor';

describe('forbiddenKeyPath', () => {
  it.each([
    ['{"__proto__": {"isAdmin": true}}', '__proto__'],
    ['{"name": "x", "constructor": {"prototype": {}}}', 'constructor'],
    [
      '{"staff": [{"name": "Anna"}, {"workingHours": {"prototype": 1}}]}',
      'staff.1.workingHours.prototype',
    ],
    ['[{"a": {"b": [{"__proto__": null}]}}]', '0.a.b.0.__proto__'],
  ])('finds the key in %s', (json, path) => {
    expect(forbiddenKeyPath(JSON.parse(json))).toBe(path);
  });

  it.each([
    '{"name": "constructor", "notes": "__proto__"}',
    '{"constructors": 1, "proto": 2, "Prototype": 3}',
    '[]',
    '"text"',
    'null',
  ])('lets %s through', (json) => {
    expect(forbiddenKeyPath(JSON.parse(json))).toBeUndefined();
  });

  it('walks a body nested far deeper than the call stack would allow', () => {
    const depth = 20_000;
    const deep = JSON.parse(`${'{"a":'.repeat(depth)}{"__proto__":1}${'}'.repeat(depth)}`);
    expect(forbiddenKeyPath(deep)).toMatch(/^(a\.)+__proto__$/);
  });
});
