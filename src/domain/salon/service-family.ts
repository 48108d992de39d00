/**
 * A kind of work the salon does, as callers say it and as salons name it: "Schneiden" and
 * "Schnitt" are the kind of "Damenhaarschnitt", "Färben" and "Farbe" the kind of "Färbung".
 */
interface ServiceFamily {
  /** Words (plain letters) a caller uses for the kind alone: verb, noun, short form. */
  readonly spoken: readonly string[];
  /** How a service name of this kind ends: German names put the kind last. */
  readonly nameEndings: readonly string[];
}

// prettier-ignore
const FAMILIES: readonly ServiceFamily[] = [
  { spoken: ['schneiden', 'schnitt'], nameEndings: ['schnitt', 'schneiden'] },
  {
    spoken: ['faerben', 'farbe', 'faerbung', 'faerbe'],
    nameEndings: ['faerben', 'faerbung', 'farbe'],
  },
  {
    spoken: ['foehnen', 'foenen', 'foehn', 'foen', 'foehnfrisur'],
    nameEndings: ['foehnen', 'foenen', 'foehnfrisur'],
  },
];

/** Words around the kind that say nothing more: "Haare schneiden lassen", "Haarschnitt". */
const HAIR_PREFIXES = ['haare', 'haar'];
const LET_SUFFIX = 'lassen';

/**
 * The services whose name is of the kind the caller said, when the words say only the kind
 * ("Schneiden", "Haare schneiden", "einmal Haarschnitt"); empty when the words are no kind or
 * no service is of it. Both are keys (plain letters, no filler words); a service counts by
 * its name alone, so a synonym never pulls it in.
 */
export function ofSpokenKind<T>(
  heardKey: string,
  named: readonly T[],
  nameKeyOf: (t: T) => string,
): T[] {
  const family = familyOf(kindWord(heardKey));
  if (!family) return [];
  return named.filter((t) => nameIsOfFamily(nameKeyOf(t), family));
}

function kindWord(key: string): string {
  let word = key.endsWith(LET_SUFFIX) ? key.slice(0, -LET_SUFFIX.length) : key;
  const prefix = HAIR_PREFIXES.find((p) => word.startsWith(p) && word.length > p.length);
  if (prefix) word = word.slice(prefix.length);
  return word;
}

function familyOf(word: string): ServiceFamily | undefined {
  return word ? FAMILIES.find((f) => f.spoken.includes(word)) : undefined;
}

function nameIsOfFamily(nameKey: string, family: ServiceFamily): boolean {
  return family.nameEndings.some((ending) => nameKey.endsWith(ending));
}
