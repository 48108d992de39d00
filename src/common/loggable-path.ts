import { REDACTED } from '../domain/call/redact-args';

/** Route words ("customers", "manual-review", "book_appointment"): lowercase, no digits. */
const ROUTE_WORD = /^[a-z]+(?:[-_][a-z]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Job ids, page numbers: too short to be a phone number. */
const SHORT_NUMBER = /^\d{1,6}$/;
/** The documentation's and the queue dashboard's own files. */
const ASSET =
  /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(?:js|css|map|png|svg|ico|html|json|woff2?|ttf)$/;
const MAX_SEGMENT = 64;
const MAX_DECODINGS = 3;

/**
 * A request path as it may be logged: segments that are route words, UUIDs, short numbers or
 * asset files stay; anything else (an e-mail, a phone number, a name, a token, in plain or
 * URL-encoded form) becomes '[redacted]'. Kept by what it is, not by what it is not, because a
 * name cannot be recognised but a route word can.
 */
export function loggablePath(url: string): string {
  return url
    .split('?')[0]
    .split('/')
    .map((segment) => (segment === '' || isKnownShape(decoded(segment)) ? segment : REDACTED))
    .join('/')
    .slice(0, 300);
}

function isKnownShape(segment: string | null): boolean {
  if (segment === null || segment.length > MAX_SEGMENT) return false;
  return (
    ROUTE_WORD.test(segment) ||
    UUID.test(segment) ||
    SHORT_NUMBER.test(segment) ||
    ASSET.test(segment)
  );
}

/** Decoded until stable ("%2540" is "@" twice over); null when it cannot be decoded. */
function decoded(segment: string): string | null {
  let current = segment;
  for (let i = 0; i < MAX_DECODINGS; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}
