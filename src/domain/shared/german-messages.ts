/** Helpers for the short German sentences the voice agent speaks. */

/** "A", "A und B", "A, B und C": how a list is said aloud (conjunction 'und' or 'oder'). */
export function joinGerman(items: readonly string[], conjunction: 'und' | 'oder' = 'und'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
