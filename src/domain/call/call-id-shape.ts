/**
 * Is a string shaped like a real Retell call id? Agents send placeholders instead of the id
 * ("call_1", "dummy_call_id", "{{call_id}}", "None"...). No list of them can be complete, so
 * we test the shape: a real id is a long, random token, optionally prefixed "call_"
 * (e.g. "call_119c3f8e47135a29e65947eeb34cf12d"); a placeholder is short, templated,
 * made of words, or of too few distinct characters.
 */

/** Shortest random part we accept; Retell's are 24-32 characters. */
const MIN_BODY_LENGTH = 16;
/** Counters and epoch timestamps (ms, µs, ns) are digits only and at most this long. */
const MAX_COUNTER_DIGITS = 20;
/** A random token of 16+ characters over hex or base62 has far more than this. */
const MIN_DISTINCT_CHARS = 6;
const MIN_ENTROPY_BITS_PER_CHAR = 2.5;
/** Share of neighbouring characters that step by -1, 0 or +1 ("123456...", "aaaa..."). */
const MAX_RUN_SHARE = 0.8;

/** Words placeholders are built from (English, German, template jargon). */
const PLACEHOLDER_WORDS = [
  'call calls id ids identifier dummy test testing tests example sample placeholder current',
  'curr my your the this that fake mock default string value here insert replace me none',
  'null nil undefined unknown tbd todo foo bar baz retell real actual live active session',
  'number num for of from to temp tmp demo new some random generated enter put variable var',
  'dynamic input user agent conversation anonymous aktuell aktueller anruf beispiel',
  'platzhalter kein keine unbekannt abc xyz uuid guid missing empty blank na nan void any',
  'same previous last next first and or with in is it go goes please bitte',
]
  .join(' ')
  .split(' ');
const WORDS = new Set(PLACEHOLDER_WORDS);
const LONGEST_WORD = Math.max(...PLACEHOLDER_WORDS.map((w) => w.length));

/** True for anything that is not a plausible real call id (non-strings included). */
export function isPlaceholderCallId(candidate: unknown): boolean {
  return !looksLikeRealCallId(candidate);
}

/** Surrounding whitespace (common in LLM output) is ignored; callers trim before using the id. */
export function looksLikeRealCallId(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const candidate = value.trim();
  // Ids are single tokens: braces, $, <>, spaces or slashes mean a template or prose.
  if (!/^[A-Za-z0-9_-]+$/.test(candidate)) return false;
  const body = candidate.replace(/^call[_-]/i, '');
  if (body.length < MIN_BODY_LENGTH) return false;
  if (/^\d+$/.test(body) && body.length <= MAX_COUNTER_DIGITS) return false;
  if (isMadeOfWords(body.toLowerCase())) return false;
  return isRandomLooking(body);
}

/** Can the text be cut entirely into placeholder words and digit runs ("dummy_call_id_2")? */
function isMadeOfWords(text: string): boolean {
  const letters = text.replace(/[_-]/g, '');
  // reachable[i]: letters.slice(0, i) splits into words.
  const reachable = new Array<boolean>(letters.length + 1).fill(false);
  reachable[0] = true;
  for (let end = 1; end <= letters.length; end++) {
    for (let start = Math.max(0, end - LONGEST_WORD); start < end && !reachable[end]; start++) {
      reachable[end] = reachable[start] && WORDS.has(letters.slice(start, end));
    }
    // A run of digits counts as one word: "test_call_123".
    if (!reachable[end] && /\d/.test(letters[end - 1])) {
      let start = end - 1;
      while (start > 0 && /\d/.test(letters[start - 1])) start--;
      reachable[end] = reachable[start];
    }
  }
  return reachable[letters.length];
}

function isRandomLooking(body: string): boolean {
  const counts = new Map<string, number>();
  for (const ch of body) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  if (counts.size < MIN_DISTINCT_CHARS) return false;
  let entropy = 0;
  for (const n of counts.values()) {
    const p = n / body.length;
    entropy -= p * Math.log2(p);
  }
  if (entropy < MIN_ENTROPY_BITS_PER_CHAR) return false;
  let runSteps = 0;
  for (let i = 1; i < body.length; i++) {
    if (Math.abs(body.charCodeAt(i) - body.charCodeAt(i - 1)) <= 1) runSteps++;
  }
  return runSteps / (body.length - 1) <= MAX_RUN_SHARE;
}
