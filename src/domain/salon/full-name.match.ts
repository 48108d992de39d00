import { plainGermanLetters } from '../shared/plain-german-letters';

/**
 * The spoken name is the stored one, word for word in any order, case, accent spelling or
 * punctuation ("müller, anna" is "Anna Müller"); a first or last name alone is not. Finding
 * an appointment without the caller's number needs the whole name: "Anna" and a day would
 * find every Anna of that day.
 */
export function sameFullName(stored: string, spoken: string): boolean {
  const a = words(stored);
  const b = words(spoken);
  if (a.length === 0 || a.length !== b.length) return false;
  const sorted = (list: string[]) => [...list].sort().join(' ');
  return sorted(a) === sorted(b);
}

function words(name: string): string[] {
  return plainGermanLetters(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
