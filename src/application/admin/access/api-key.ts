import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `sk_<prefix>_<secret>`: the prefix finds the row, the SHA-256 of the whole key proves it. */
const KEY_SHAPE = /^sk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface IssuedKey {
  readonly key: string;
  readonly prefix: string;
  readonly hash: string;
}

export function issueKey(): IssuedKey {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const key = `sk_${prefix}_${secret}`;
  return { key, prefix, hash: hashKey(key) };
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The lookup prefix of a well-formed key, or null. */
export function prefixOf(key: string): string | null {
  return KEY_SHAPE.exec(key)?.[1] ?? null;
}

/** Compares two texts in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = createHash('sha256').update(a, 'utf8').digest();
  const y = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(x, y);
}
