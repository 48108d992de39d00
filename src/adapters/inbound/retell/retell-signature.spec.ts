import { sign, verify } from 'retell-sdk';
import { symmetric } from 'retell-sdk/lib/webhook_auth';
import { checkRetellSignature, SIGNATURE_WINDOW_MS } from './retell-signature';

const KEY = 'key_0123456789abcdef';
const BODY = '{"name":"check_customer","args":{"datum":"morgen"},"call":{"call_id":"c"}}';

describe('checkRetellSignature against retell-sdk', () => {
  it('accepts what the official sign() produced', async () => {
    const signature = await sign(BODY, KEY);
    expect(checkRetellSignature(Buffer.from(BODY), signature, KEY, Date.now())).toBeNull();
  });

  it('accepts unicode bodies byte for byte', async () => {
    const body = '{"name":"x","args":{"name":"Jürgen 💇‍♀️"}}';
    const signature = await sign(body, KEY);
    expect(checkRetellSignature(Buffer.from(body, 'utf8'), signature, KEY, Date.now())).toBeNull();
  });

  it('agrees with the SDK verify() at the window edges', async () => {
    const signedAt = 1_800_000_000_000;
    const signature = await symmetric.sign(BODY, KEY, signedAt);
    for (const offset of [-SIGNATURE_WINDOW_MS, SIGNATURE_WINDOW_MS, SIGNATURE_WINDOW_MS + 1]) {
      const ours = checkRetellSignature(Buffer.from(BODY), signature, KEY, signedAt + offset);
      const theirs = await symmetric.verify(BODY, KEY, signature, { timestamp: signedAt + offset });
      expect(ours === null).toBe(theirs);
    }
    expect(await verify(BODY, KEY, await sign(BODY, KEY))).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['missing', undefined, 'missing'],
    ['empty', '  ', 'missing'],
    ['an array of headers', ['v=1,d=2'], 'missing'],
    ['no digest', 'v=1800000000000', 'malformed'],
    ['a short digest', 'v=1800000000000,d=abcdef', 'malformed'],
    ['a non-hex digest', `v=1800000000000,d=${'z'.repeat(64)}`, 'malformed'],
    ['an absurd timestamp', `v=99999999999999999,d=${'a'.repeat(64)}`, 'malformed'],
    ['an old timestamp', `v=1700000000000,d=${'a'.repeat(64)}`, 'expired'],
    ['a wrong digest', `v=1800000000000,d=${'a'.repeat(64)}`, 'mismatch'],
  ])('%s → %s', (_label, header, problem) => {
    expect(checkRetellSignature(Buffer.from(BODY), header, KEY, 1_800_000_000_000)).toBe(problem);
  });

  it('a changed body or another key is a mismatch', async () => {
    const signature = await sign(BODY, KEY);
    const now = Date.now();
    expect(checkRetellSignature(Buffer.from(`${BODY} `), signature, KEY, now)).toBe('mismatch');
    expect(checkRetellSignature(Buffer.from(BODY), signature, `${KEY}x`, now)).toBe('mismatch');
  });
});
