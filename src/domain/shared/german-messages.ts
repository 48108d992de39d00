/** Helpers for the short German sentences the voice agent speaks. */

/** The longest sentence the agent is given to speak. */
export const MAX_SPOKEN_CHARS = 200;

/**
 * How long a name may stay in a sentence, tried in turn until the sentence fits: in full, then
 * shorter, then (0) left out. A salon file allows 150-character names; real ones fit at once.
 */
export const NAME_CAPS: readonly number[] = [Infinity, 40, 24, 14, 0];

/** "A", "A und B", "A, B und C": how a list is said aloud (conjunction 'und' or 'oder'). */
export function joinGerman(items: readonly string[], conjunction: 'und' | 'oder' = 'und'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * A name cut to at most `cap` characters at a word boundary ("Clara Oberholzer" → "Clara"),
 * or within its first word when that alone is longer; '' for cap 0.
 */
export function shortName(name: string, cap: number): string {
  if (name.length <= cap) return name;
  if (cap <= 0) return '';
  const lastSpace = name.slice(0, cap + 1).lastIndexOf(' ');
  const cut = lastSpace > 0 ? name.slice(0, lastSpace) : name.slice(0, cap);
  return cut.replace(/[\s,;:.\-–(/&+]+$/, '');
}

/**
 * The first rendering that is short enough to speak, trying each name cap with every rendering
 * (the fuller wording first) before shortening names further. The last rendering at cap 0 is
 * the builder's promise to fit; the message property tests hold every builder to it.
 */
export function fitSpoken(...renderings: ReadonlyArray<(cap: number) => string>): string {
  for (const cap of NAME_CAPS) {
    for (const render of renderings) {
      const sentence = render(cap);
      if (sentence.length <= MAX_SPOKEN_CHARS) return sentence;
    }
  }
  return renderings[renderings.length - 1](0);
}

/** "eine weitere", "12 weitere": what a cut list says of the rest. */
export const furtherOnes = (left: number): string =>
  left === 1 ? 'eine weitere' : `${left} weitere`;

/**
 * A list said within `budget` characters: all items when they fit ("A, B und C"), else as many
 * as fit, at least one, followed by what `rest` says of the others ("A, B und 12 weitere").
 * When not even one fits, the whole list comes back (too long: the caller shortens the names).
 */
export function spokenList(
  items: readonly string[],
  budget: number,
  rest: (left: number) => string = furtherOnes,
  conjunction: 'und' | 'oder' = 'und',
): string {
  const all = joinGerman(items, conjunction);
  if (all.length <= budget) return all;
  for (let shown = items.length - 1; shown >= 1; shown--) {
    const said = joinGerman([...items.slice(0, shown), rest(items.length - shown)], conjunction);
    if (said.length <= budget) return said;
  }
  return all;
}

/**
 * `head`, then the names (shortened to `cap`) as far as they fit in one spoken sentence, then
 * `tail`: "Bei uns arbeiten Anna, Clara und 3 weitere." With cap 0 (no names left), `instead`.
 */
export function sentenceWithNames(
  head: string,
  names: readonly string[],
  tail: string,
  cap: number,
  instead: string,
  conjunction: 'und' | 'oder' = 'und',
): string {
  if (cap === 0 || names.length === 0) return instead;
  const budget = MAX_SPOKEN_CHARS - head.length - tail.length;
  const short = names.map((n) => shortName(n, cap));
  return `${head}${spokenList(short, budget, furtherOnes, conjunction)}${tail}`;
}
