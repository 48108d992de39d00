import { plainGermanLetters } from '../shared/plain-german-letters';
import { DomainError } from '../shared/domain-error';
import { slips } from './service-name-matcher';

/** What matching needs of a stylist; the salon's Staff satisfies it structurally. */
export interface NamedStylist {
  readonly id: string;
  readonly name: string;
}

export interface StylistFound<S extends NamedStylist> {
  readonly kind: 'match';
  readonly stylist: S;
  /** exact: the full name, or the first or the last name alone; fuzzy: small slips. */
  readonly how: 'exact' | 'fuzzy';
}

/** A name that fits several stylists of the branch equally well ("Clara" for two Claras). */
export class AmbiguousStylistName<S extends NamedStylist> extends DomainError {
  readonly kind = 'ambiguous';
  readonly code = 'STAFF.AMBIGUOUS';
  readonly message: string;

  constructor(readonly candidates: readonly S[]) {
    super();
    this.message = `The name fits ${candidates.length} stylists.`;
  }
}

export class UnknownStylistName extends DomainError {
  readonly kind = 'unknown';
  readonly code = 'STAFF.UNKNOWN';
  readonly message = 'The name fits no stylist of the branch.';
}

export type StylistMatch<S extends NamedStylist> =
  StylistFound<S> | AmbiguousStylistName<S> | UnknownStylistName;

/** Words callers put around a name; they never tell stylists apart. */
const AROUND = new Set([
  'frau',
  'herr',
  'herrn',
  'bei',
  'mit',
  'zu',
  'zur',
  'zum',
  'der',
  'die',
  'dem',
  'den',
  'nur',
  'gerne',
  'gern',
  'bitte',
  'unbedingt',
  'ausschliesslich',
  'bloss',
]);
/** One slip per five letters, as for services: "Klara" finds "Clara", "Lea" does not find "Lena". */
const LETTERS_PER_SLIP = 5;

/**
 * The stylist a caller means, among one branch's staff: by the full name, or by the first or the
 * last name alone ("Clara" for "Clara Oberholzer", "Frau Oberholzer"), else by small slips. Case,
 * umlauts, hyphens and words such as "Frau" or "bei" do not matter. Whenever two stylists fit
 * equally well the answer is 'ambiguous', never a guess.
 */
export function matchStylistName<S extends NamedStylist>(
  spoken: string,
  staff: readonly S[],
): StylistMatch<S> {
  const heard = nameWords(spoken).join('');
  if (!heard) return new UnknownStylistName();
  const named = staff.map((stylist) => ({ stylist, words: nameWords(stylist.name) }));
  // A first name alone fits "Clara" and "Clara Oberholzer" alike: both are asked about.
  const exact = named.filter(
    (n) =>
      n.words.join('') === heard || n.words[0] === heard || n.words[n.words.length - 1] === heard,
  );
  const allowed = Math.floor(heard.length / LETTERS_PER_SLIP);
  const scored = named
    .map((n) => ({ ...n, slips: Math.min(...keysOf(n.words).map((k) => slips(k, heard))) }))
    .filter((n) => n.slips <= allowed);
  const fewest = Math.min(...scored.map((n) => n.slips));
  return (
    decide(exact, 'exact') ??
    decide(
      scored.filter((n) => n.slips === fewest),
      'fuzzy',
    ) ??
    new UnknownStylistName()
  );
}

/** "Frau Anna-Lena Müller" → ["annalena", "mueller"]. */
function nameWords(text: string): string[] {
  return plainGermanLetters(text)
    .split(/\s+/)
    .map((word) => word.replace(/[^a-z0-9]/g, ''))
    .filter((word) => word && !AROUND.has(word));
}

/** The whole name, and with several words the first and the last alone. */
function keysOf(words: readonly string[]): string[] {
  const whole = words.join('');
  return words.length > 1 ? [whole, words[0], words[words.length - 1]] : [whole];
}

function decide<S extends NamedStylist>(
  found: ReadonlyArray<{ stylist: S }>,
  how: StylistFound<S>['how'],
): StylistMatch<S> | undefined {
  const distinct = [...new Map(found.map((f) => [f.stylist.id, f.stylist])).values()];
  if (distinct.length === 0) return undefined;
  if (distinct.length === 1) return { kind: 'match', stylist: distinct[0], how };
  return new AmbiguousStylistName(distinct);
}
