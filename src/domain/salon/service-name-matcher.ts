import { plainGermanLetters } from '../shared/plain-german-letters';
import { DomainError } from '../shared/domain-error';
import { ofSpokenKind } from './service-family';

/** What matching needs of a service; the salon's Service satisfies it structurally. */
export interface MatchableService {
  readonly id: string;
  readonly name: string;
  readonly synonyms: readonly string[];
}

export interface ServiceFound<S extends MatchableService> {
  readonly kind: 'match';
  readonly service: S;
  /** exact: name or synonym; fuzzy: small slips; partial: part of a name, or a name plus more. */
  readonly how: 'exact' | 'fuzzy' | 'partial';
}

export class AmbiguousServiceName<S extends MatchableService> extends DomainError {
  readonly kind = 'ambiguous';
  readonly code = 'SERVICE.AMBIGUOUS';
  readonly message: string;

  constructor(readonly candidates: readonly S[]) {
    super();
    this.message = `The words fit ${candidates.length} services.`;
  }
}

export class UnknownServiceName extends DomainError {
  readonly kind = 'unknown';
  readonly code = 'SERVICE.UNKNOWN';
  readonly message: string;

  constructor(
    readonly offered: readonly string[],
    /** false: nothing that could name a service was said at all. */
    readonly heardSomething: boolean,
  ) {
    super();
    this.message = heardSomething ? 'The words fit no service.' : 'No service was named.';
  }
}

export type ServiceMatch<S extends MatchableService> =
  ServiceFound<S> | AmbiguousServiceName<S> | UnknownServiceName;

/** Words callers wrap around a service name; they never tell services apart. */
const FILLER = new Set(
  [
    'ein eine einen einem einer eins bitte fuer mal gerne gern ich moechte haette wuerde',
    'brauche will wollte den die das der dem des zum zur termin einmal nur noch so auch und',
  ]
    .join(' ')
    .split(' '),
);
/** One slip per five letters: "Herenhaarschnit" (2 in 17) passes, "Föhnen" for "Färben" not. */
const MAX_SLIPS_PER_LETTER = 0.2;
/** Shorter fragments ("en", "haa") say too little to stand for a service. */
const MIN_PARTIAL_LENGTH = 4;

interface Keyed<S> {
  readonly service: S;
  readonly keys: readonly string[];
}

/**
 * The service a caller means. Case, umlauts (ä/ae), ß/ss, spaces and hyphens, filler words
 * and small slips do not matter. Exact names and synonyms win over the kind of work
 * said alone ("Schneiden": every name ending in "schnitt"), that over slips, slips over the
 * kind after whose ("Kinder schneiden"), that over partial names; whenever two services fit equally well the answer is 'ambiguous', never a guess.
 */
export function matchServiceName<S extends MatchableService>(
  spoken: string,
  services: readonly S[],
): ServiceMatch<S> {
  const heard = serviceKey(spoken);
  const offered = services.map((s) => s.name);
  if (!heard) return new UnknownServiceName(offered, false);
  const keyed = services.map((service) => ({
    service,
    keys: [...new Set([service.name, ...service.synonyms].map(serviceKey))].filter(Boolean),
  }));
  return (
    exact(heard, keyed) ??
    ofKind(heard, keyed, false) ??
    fuzzy(heard, keyed) ??
    ofKind(heard, keyed, true) ??
    partial(heard, keyed) ??
    new UnknownServiceName(offered, true)
  );
}

/** "Männer-Haarschnitt, bitte" and "maennerhaarschnitt" share one key. */
export function serviceKey(text: string): string {
  return plainGermanLetters(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !FILLER.has(word))
    .join('');
}

function exact<S extends MatchableService>(heard: string, keyed: Keyed<S>[]) {
  return decide(
    keyed.filter((k) => k.keys.includes(heard)).map((k) => k.service),
    'exact',
  );
}

function fuzzy<S extends MatchableService>(heard: string, keyed: Keyed<S>[]) {
  const scored = keyed.map((k) => ({
    service: k.service,
    score: Math.min(...k.keys.map((key) => slipsPerLetter(heard, key))),
  }));
  const close = scored.filter((s) => s.score <= MAX_SLIPS_PER_LETTER);
  const best = Math.min(...close.map((s) => s.score));
  return decide(
    close.filter((s) => s.score === best).map((s) => s.service),
    'fuzzy',
  );
}

/**
 * The kind said alone ("Schneiden") or after whose ("Kinder schneiden"): the services named as
 * that kind. Whose is weighed after slips, so a slip of a whole name ("Haare waschen, schneiden
 * und föhnen") stays that name.
 */
function ofKind<S extends MatchableService>(heard: string, keyed: Keyed<S>[], narrowed: boolean) {
  const keysOf = (k: Keyed<S>) => ({ nameKey: serviceKey(k.service.name), keys: k.keys });
  return decide(
    ofSpokenKind(heard, keyed, keysOf, narrowed).map((k) => k.service),
    'partial',
  );
}

/**
 * Slips per letter of the longer word. Words whose lengths alone differ by more slips than
 * allowed are not compared letter by letter: that costs length × length, and a phrase of many
 * long names against long keys would take seconds.
 */
function slipsPerLetter(heard: string, key: string): number {
  const longer = Math.max(heard.length, key.length);
  if (Math.abs(heard.length - key.length) / longer > MAX_SLIPS_PER_LETTER) return Infinity;
  return slips(heard, key) / longer;
}

/**
 * "Haarschnitt" inside several names is ambiguous; "Herrenhaarschnitt mit Waschen" holds one
 * whole name. A name that only sits inside another heard name ("Föhnen" within "Waschen,
 * Schneiden, Föhnen") does not count separately.
 */
function partial<S extends MatchableService>(heard: string, keyed: Keyed<S>[]) {
  const within = keyed.filter(
    (k) => heard.length >= MIN_PARTIAL_LENGTH && k.keys.some((key) => key.includes(heard)),
  );
  const spans = keyed
    .map((k) => ({ service: k.service, key: longest(k.keys.filter((key) => heard.includes(key))) }))
    .filter((s) => s.key.length >= MIN_PARTIAL_LENGTH);
  const whole = spans.filter(
    (s) => !spans.some((other) => other.key !== s.key && other.key.includes(s.key)),
  );
  return decide([...within.map((k) => k.service), ...whole.map((s) => s.service)], 'partial');
}

function decide<S extends MatchableService>(
  services: readonly S[],
  how: ServiceFound<S>['how'],
): ServiceMatch<S> | undefined {
  const distinct = [...new Map(services.map((s) => [s.id, s])).values()];
  if (distinct.length === 0) return undefined;
  if (distinct.length === 1) return { kind: 'match', service: distinct[0], how };
  return new AmbiguousServiceName(distinct);
}

function longest(keys: readonly string[]): string {
  return keys.reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** Damerau-Levenshtein (optimal string alignment): swapped letters count as one slip. */
export function slips(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}
