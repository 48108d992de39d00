/**
 * A kind of work the salon does, as callers say it and as salons name it: "Schneiden" and
 * "Schnitt" are the kind of "Damenhaarschnitt", "Färben" and "Farbe" the kind of "Färbung".
 */
interface ServiceFamily {
  /** Words (plain letters) a caller uses for the kind: verb, noun, short form. */
  readonly spoken: readonly string[];
  /** How a service name of this kind ends: German names put the kind last. */
  readonly nameEndings: readonly string[];
}

const FAMILIES: readonly ServiceFamily[] = [
  { spoken: ['schneiden', 'schnitt'], nameEndings: ['schnitt', 'schneiden'] },
  {
    spoken: ['faerben', 'farbe', 'faerbung', 'faerbe'],
    nameEndings: ['faerben', 'faerbung', 'farbe'],
  },
  {
    spoken: ['foehnfrisur', 'foehnen', 'foenen', 'foehn', 'foen'],
    nameEndings: ['foehnen', 'foenen', 'foehnfrisur'],
  },
];

/** "Haare" around the kind says nothing more: "Haare schneiden", "Haarschnitt", "Kurzhaar…". */
const HAIR = /^(haare|haar)|(haare|haar)$/g;
/** "schneiden lassen" is "schneiden". */
const LET_SUFFIX = 'lassen';
/** Shorter words before the kind ("ab" in "abschneiden") say too little to pick a service. */
const MIN_QUALIFIER_LENGTH = 3;

/** What is said of a service: its name, and every key (name and synonyms) it is known by. */
export interface KindKeys {
  readonly nameKey: string;
  readonly keys: readonly string[];
}

/**
 * The services whose name is of the kind the caller said, when the words say a kind: alone
 * ("Schneiden", "Haare schneiden lassen", "Haarschnitt"), or `narrowed` by a word before it
 * ("Kinder schneiden"), which must then be in one of the service's names or synonyms. Empty
 * when the words are not so or no service is of the kind. Heard words and keys are plain
 * letters without filler words; a service is of a kind by its name alone, so a synonym never
 * pulls it in.
 */
export function ofSpokenKind<T>(
  heardKey: string,
  named: readonly T[],
  keysOf: (t: T) => KindKeys,
  narrowed = false,
): T[] {
  const said = kindSaid(heardKey);
  if (!said || (said.qualifier !== '') !== narrowed) return [];
  const { family, qualifier } = said;
  if (narrowed && qualifier.length < MIN_QUALIFIER_LENGTH) return [];
  return named.filter((t) => {
    const { nameKey, keys } = keysOf(t);
    if (!family.nameEndings.some((ending) => nameKey.endsWith(ending))) return false;
    return keys.some((key) => key.includes(qualifier));
  });
}

/** The kind said last ("kinderschneiden" → cut) and the words before it ("kinder"). */
function kindSaid(heardKey: string): { family: ServiceFamily; qualifier: string } | undefined {
  const words = heardKey.endsWith(LET_SUFFIX) ? heardKey.slice(0, -LET_SUFFIX.length) : heardKey;
  for (const family of FAMILIES) {
    const kind = family.spoken.find((word) => words.endsWith(word));
    if (kind) {
      return { family, qualifier: words.slice(0, -kind.length).replace(HAIR, '') };
    }
  }
  return undefined;
}
