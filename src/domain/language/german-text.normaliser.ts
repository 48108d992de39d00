/** Longer input is no date or time the agent would send; refusing early also bounds the work. */
const MAX_PHRASE_CHARS = 120;

// The words before "Abend" that make it the name of 24 December.
const HOLY = new Set(['heilige', 'heiligen', 'heiliger']);

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * Lower-cases, spells umlauts the umlaut-free way (so "Maerz" and "März" meet) and splits into
 * tokens: "5ten" → "5.", "14uhr" → "14 uhr", "Dez." → "dez". Digits keep their dots and colons.
 * Returns [] for blank or overlong input.
 */
export const germanTokens = (text: string): string[] => {
  if (text.length > MAX_PHRASE_CHARS) return [];
  const s = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => UMLAUTS[c])
    .replace(/(\d)(?:ste|sten|ster|stes|stem|te|ten|ter|tes|tem)\b/g, '$1.')
    .replace(/(\d\.?)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/([a-z])-([a-z])/g, '$1 $2')
    .replace(/[,;!?()"']/g, ' ');
  const tokens: string[] = [];
  for (const raw of s.split(/\s+/)) {
    const token = /[a-z]/.test(raw) ? raw.replace(/\.+$/, '') : raw;
    // "Heiligen Abend" is one day's name, not an evening: every reader gets it as one word.
    if (token === 'abend' && HOLY.has(tokens[tokens.length - 1])) {
      tokens[tokens.length - 1] = 'heiligabend';
      continue;
    }
    if (token !== '') tokens.push(token);
  }
  return tokens;
};
