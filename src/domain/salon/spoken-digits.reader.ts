import { cardinalValue } from '../language/german-number.words';

/** Longer than any number said aloud with its fillers; refusing early bounds the work. */
const MAX_SPOKEN_CHARS = 300;

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Single digits as people say them on the phone (beside cardinalValue's "null".."neun"). */
const DIGIT_WORDS: Readonly<Record<string, string>> = {
  zwo: '2',
  eine: '1',
  ein: '1',
  fuenef: '5',
  fuennef: '5',
  sieben: '7',
};

/** "doppel-null": the next digit twice; "dreifach sieben" three times. */
const REPEATS: Readonly<Record<string, number>> = {
  doppel: 2,
  doppelt: 2,
  doppelte: 2,
  zweimal: 2,
  dreifach: 3,
  dreimal: 3,
  tripel: 3,
};

/**
 * Words that may stand around or between the digits without meaning one: "meine Nummer ist",
 * "die Vorwahl", "äh". Any other word makes the phrase no number: a guess is worse than asking.
 */
const FILLERS = new Set(
  [
    'meine|mein|nummer|rufnummer|telefonnummer|handynummer|mobilnummer|festnetznummer',
    'rueckrufnummer|handy|mobil|festnetz|telefon|tel|ist|lautet|die|der|das|vorwahl|dann|danach',
    'und|also|aeh|aehm|ehm|hm|aehm|bitte|sie|koennen|mich|unter|erreichen|erreichbar',
    'ich|bin|habe|hab|es|wie|gesagt|noch|mal|einmal|nochmal|ja|genau|so|zu|am|besten',
    'vorne|weg|vorneweg|mit|landesvorwahl|rest|schreiben|notieren',
  ]
    .join('|')
    .split('|'),
);

/** What a spoken number was read as: its digits, and whether it began with "plus". */
export interface SpokenDigits {
  readonly plus: boolean;
  readonly digits: string;
}

/**
 * The digits of a phone number said aloud: digit words ("null eins sieben eins"), groups as
 * numbers ("siebzehn", "fünfundfünfzig", "fünf und fünfzig"), numerals ("0171 234"), "plus",
 * "doppel-null", "dreimal die Sieben", between filler words. Undefined when any word is none
 * of these, so garbage never turns into digits.
 */
export function readSpokenDigits(text: string): SpokenDigits | undefined {
  if (text.length > MAX_SPOKEN_CHARS) return undefined;
  const tokens = tokensOf(text);
  let plus = false;
  let digits = '';
  let repeat = 1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === '+' || token === 'plus') {
      // Only in front: "plus" after digits is no phone number.
      if (digits.length > 0 || plus) return undefined;
      plus = true;
      continue;
    }
    if (REPEATS[token] !== undefined) {
      repeat = REPEATS[token];
      continue;
    }
    // "zwei mal die Sieben": the 2 is how often, not a digit.
    if (tokens[i + 1] === 'mal' && (token === 'zwei' || token === 'drei')) {
      repeat = token === 'zwei' ? 2 : 3;
      i += 1;
      continue;
    }
    // "fünf und fünfzig" said in three words is 55, not 5 and 50.
    const joined = joinedTens(tokens, i);
    const value = joined?.value ?? valueOf(token);
    if (value === undefined) {
      if (FILLERS.has(token)) continue;
      return undefined;
    }
    if (joined) i += 2;
    digits += repeat > 1 && value.length === 1 ? value.repeat(repeat) : value;
    repeat = 1;
  }
  if (repeat > 1 || digits.length === 0) return undefined;
  return { plus, digits };
}

function tokensOf(text: string): string[] {
  const folded = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => UMLAUTS[c])
    .replace(/\+/g, ' + ')
    .replace(/([a-z])(\d)|(\d)([a-z])/g, (_m, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`));
  return folded.split(/[\s,;:.\-–/()"'!?]+/).filter((t) => t.length > 0);
}

/** The digits a single token stands for: "0171", "drei", "siebzehn", "fünfundfünfzig". */
function valueOf(token: string): string | undefined {
  if (/^\d+$/.test(token)) return token;
  const word = DIGIT_WORDS[token];
  if (word !== undefined) return word;
  const n = cardinalValue(token);
  if (n !== undefined) return String(n);
  const tens = TENS_99.get(token);
  return tens === undefined ? undefined : String(tens);
}

/** "fünf" "und" "fünfzig" → 55. */
function joinedTens(tokens: readonly string[], i: number): { value: string } | undefined {
  if (tokens[i + 1] !== 'und') return undefined;
  const unit = cardinalValue(tokens[i]) ?? (tokens[i] === 'ein' ? 1 : undefined);
  const tens = TENS_99.get(tokens[i + 2] ?? '') ?? cardinalValue(tokens[i + 2] ?? '');
  if (unit === undefined || unit < 1 || unit > 9) return undefined;
  if (tens === undefined || tens < 20 || tens % 10 !== 0) return undefined;
  return { value: String(tens + unit) };
}

/** 60-99 as words (cardinalValue stops at 59): "sechzig", "dreiundneunzig". */
const TENS_99 = new Map<string, number>();
{
  const tens: Record<number, string> = {
    60: 'sechzig',
    70: 'siebzig',
    80: 'achtzig',
    90: 'neunzig',
  };
  // prettier-ignore
  const units = ['', 'ein', 'zwei', 'drei', 'vier', 'fuenf', 'sechs', 'sieben', 'acht', 'neun'];
  for (const [value, word] of Object.entries(tens)) {
    TENS_99.set(word, Number(value));
    for (let u = 1; u <= 9; u++) TENS_99.set(`${units[u]}und${word}`, Number(value) + u);
  }
}
