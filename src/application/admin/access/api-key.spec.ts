import { hashKey, issueKey, prefixOf, sameSecret } from './api-key';

describe('admin API keys', () => {
  it('issues sk_<prefix>_<secret> whose hash and prefix are what is stored', () => {
    const issued = issueKey();
    expect(issued.key).toMatch(/^sk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(prefixOf(issued.key)).toBe(issued.prefix);
    expect(issued.hash).toBe(hashKey(issued.key));
    expect(issued.hash).not.toContain(issued.key.slice(16));
    expect(issueKey().key).not.toBe(issued.key);
  });

  it.each(['', 'sk_', 'sk_abc_def', `sk_${'g'.repeat(12)}_${'a'.repeat(43)}`, 'Bearer x'])(
    'reads no prefix from %p',
    (key) => expect(prefixOf(key)).toBeNull(),
  );

  it('compares secrets whole', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'a')).toBe(false);
  });
});
