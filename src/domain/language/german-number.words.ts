// prettier-ignore
const UNITS = [
  'null', 'eins', 'zwei', 'drei', 'vier', 'fuenf', 'sechs', 'sieben', 'acht', 'neun',
  'zehn', 'elf', 'zwoelf', 'dreizehn', 'vierzehn', 'fuenfzehn', 'sechzehn', 'siebzehn',
  'achtzehn', 'neunzehn',
];
const TENS: Record<number, string> = {
  20: 'zwanzig',
  30: 'dreissig',
  40: 'vierzig',
  50: 'fuenfzig',
};
// "einundzwanzig", not "einsundzwanzig"
// prettier-ignore
const COMPOUND_UNITS = ['', 'ein', 'zwei', 'drei', 'vier', 'fuenf', 'sechs', 'sieben', 'acht', 'neun'];
// prettier-ignore
const ORDINAL_STEMS = [
  '', 'erst', 'zweit', 'dritt', 'viert', 'fuenft', 'sechst', 'siebt', 'acht', 'neunt',
  'zehnt', 'elft', 'zwoelft', 'dreizehnt', 'vierzehnt', 'fuenfzehnt', 'sechzehnt', 'siebzehnt',
  'achtzehnt', 'neunzehnt',
];
const ORDINAL_ENDINGS = ['e', 'en', 'er', 'es', 'em'];

const cardinalWord = (n: number): string => {
  if (n < 20) return UNITS[n];
  const unit = n % 10;
  const tens = TENS[n - unit];
  return unit === 0 ? tens : `${COMPOUND_UNITS[unit]}und${tens}`;
};

const CARDINALS = new Map<string, number>();
for (let n = 0; n <= 59; n++) CARDINALS.set(cardinalWord(n), n);
for (const one of ['ein', 'eine', 'einer', 'einem', 'einen']) CARDINALS.set(one, 1);
CARDINALS.set('zwo', 2);

const ORDINALS = new Map<string, number>();
for (let n = 1; n <= 31; n++) {
  const stem = n < 20 ? ORDINAL_STEMS[n] : `${cardinalWord(n)}st`;
  for (const ending of ORDINAL_ENDINGS) ORDINALS.set(stem + ending, n);
}
for (const ending of ORDINAL_ENDINGS) {
  ORDINALS.set(`siebent${ending}`, 7);
  ORDINALS.set(`zwot${ending}`, 2);
}

/** "fuenf" → 5, "dreiundvierzig" → 43 (0-59, umlaut-free spelling); undefined otherwise. */
export const cardinalValue = (word: string): number | undefined => CARDINALS.get(word);

/** "fuenften" → 5, "einunddreissigsten" → 31 (1-31); undefined otherwise. */
export const ordinalValue = (word: string): number | undefined => ORDINALS.get(word);

/** Digits or a number word: "3" → 3, "drei" → 3. */
export const numberValue = (token: string): number | undefined =>
  /^\d{1,3}$/.test(token) ? Number(token) : cardinalValue(token);
