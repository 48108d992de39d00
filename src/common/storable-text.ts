/**
 * NUL and lone surrogates (half of an emoji's pair, as a JSON "\ud800" escape can carry):
 * Postgres refuses both in text and jsonb, and other systems' JSON parsers refuse the second.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text that can be stored and sent anywhere: each unstorable character becomes U+FFFD. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, '\ufffd');
}

/**
 * A text cut to a column's width, then made storable: cutting first means a character split at
 * the edge is replaced too, never left half. Absent stays null.
 */
export function storableField(value: string | null | undefined, width: number): string | null {
  return value === undefined || value === null ? null : storableText(String(value).slice(0, width));
}

/** A JSON value with storableText applied to every string in it, keys included. */
export function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [storableText(key), storableJson(inner)]),
    );
  }
  return value;
}
