import { DomainError } from '../shared/domain-error';
import {
  MatchableService,
  matchServiceName,
  ServiceFound,
  ServiceMatch,
  serviceKey,
} from './service-name-matcher';

/** One of several services said in a row, and what it was matched to. */
export interface NamedPart<S extends MatchableService> {
  /** The caller's own words for this part ("Schneiden"). */
  readonly spoken: string;
  readonly match: ServiceMatch<S>;
}

/** Two or more services in one phrase ("Schneiden und Färben"): one visit, or a question back. */
export interface SeveralServicesNamed<S extends MatchableService> {
  readonly kind: 'several';
  readonly parts: readonly NamedPart<S>[];
}

/** More services in one phrase than one visit holds. */
export class TooManyServicesNamed extends DomainError {
  readonly kind = 'too-many';
  readonly code = 'SERVICE.TOO_MANY';
  readonly message: string;

  constructor(
    readonly named: number,
    readonly max: number,
  ) {
    super();
    this.message = `${named} services were named; one visit holds at most ${max}.`;
  }
}

export type ServiceListMatch<S extends MatchableService> =
  ServiceMatch<S> | SeveralServicesNamed<S> | TooManyServicesNamed;

/** The most services one visit takes ("Waschen, Färben, Schneiden und Föhnen"). */
export const MAX_VISIT_SERVICES = 4;

/** Words and signs between two services said in a row. */
const JOINERS = new Set(
  [
    'und sowie plus danach anschliessend dann ausserdem zusaetzlich dazu and then',
    'hinterher nachher obendrein',
  ]
    .join(' ')
    .split(' '),
);
const JOINING_SIGNS = /[,;&+/]|\s-\s/g;
/**
 * Who does it, said beside the services ("Färben, egal bei wem"): no service, so no part. The
 * stylist argument carries any wish about who.
 */
// prettier-ignore
const ANY_STYLIST = new Set(
  [
    'egal', 'ganz egal', 'egal wer', 'egal bei wem', 'bei egal wem', 'egal mit wem',
    'ist mir egal', 'ist mir egal bei wem', 'ist mir egal wer', 'bei wem auch immer',
    'wer frei ist', 'bei wem frei ist', 'bei irgendwem', 'irgendwer',
  ].map((w) => serviceKey(w)),
);
/** Joiners one service name may hold ("Waschen, Schneiden und Föhnen" holds two). */
const MAX_RUN = 3;

/**
 * The service or services a caller names. A phrase that is one service's name (exactly or with
 * small slips, "Waschen, Schneiden und Föhnen" included) is that service; otherwise a phrase
 * joined by "und", commas and the like is split and each part matched on its own, so no service
 * said is ever dropped: the answer is one service (the parts all name it), several, or too many.
 */
export function matchServiceList<S extends MatchableService>(
  spoken: string,
  services: readonly S[],
): ServiceListMatch<S> {
  const whole = matchServiceName(spoken, services);
  if (whole.kind === 'match' && whole.how !== 'partial') return whole;
  const pieces = piecesOf(spoken);
  // Each service's name holds at most MAX_RUN pieces: more pieces are too many services for
  // sure, answered before matching every piece (a list read out costs no more than it must).
  if (pieces.length > MAX_VISIT_SERVICES * MAX_RUN) {
    return new TooManyServicesNamed(pieces.length, MAX_VISIT_SERVICES);
  }
  const parts = namedParts(pieces, services);
  if (parts.length > MAX_VISIT_SERVICES) {
    return new TooManyServicesNamed(parts.length, MAX_VISIT_SERVICES);
  }
  if (parts.length < 2) return whole;
  const found = servicesOf(parts);
  if (found && found.length === 1) return { kind: 'match', service: found[0], how: weakest(parts) };
  return { kind: 'several', parts: dropRepeats(parts) };
}

/** The services of a visit in the order said, each once; undefined while one part is unclear. */
export function servicesOf<S extends MatchableService>(
  parts: readonly NamedPart<S>[],
): S[] | undefined {
  const found: S[] = [];
  for (const { match } of parts) {
    if (match.kind !== 'match') return undefined;
    if (!found.some((s) => s.id === match.service.id)) found.push(match.service);
  }
  return found;
}

/** One stretch of words between joiners, and the words that joined it to the one before. */
interface Piece {
  readonly joiner: string;
  readonly words: string;
}

/**
 * The caller's words cut at every joiner ("und", commas, "danach"); filler-only pieces go, and
 * so do pieces that only say who may do it.
 */
function piecesOf(spoken: string): Piece[] {
  const pieces: { joiner: string; words: string[] }[] = [{ joiner: '', words: [] }];
  for (const word of spoken.replace(JOINING_SIGNS, (sign) => ` ${sign.trim()} `).split(/\s+/)) {
    const joins = JOINERS.has(asciiKey(word)) || /^[,;&+/-]$/.test(word);
    if (joins) pieces.push({ joiner: word, words: [] });
    else pieces[pieces.length - 1].words.push(word);
    if (pieces.length > MAX_VISIT_SERVICES * MAX_RUN) break;
  }
  return pieces
    .map((p) => ({ joiner: p.joiner, words: p.words.join(' ').trim() }))
    .filter((p) => serviceKey(p.words) !== '' && !ANY_STYLIST.has(serviceKey(p.words)));
}

/**
 * The pieces as services: a run of up to MAX_RUN pieces that together are one service's name
 * ("Waschen und Föhnen") stays one part, the longest run first; any other piece is a part.
 */
function namedParts<S extends MatchableService>(
  pieces: readonly Piece[],
  services: readonly S[],
): NamedPart<S>[] {
  const parts: NamedPart<S>[] = [];
  let i = 0;
  while (i < pieces.length) {
    let taken = 1;
    let part: NamedPart<S> = {
      spoken: pieces[i].words,
      match: matchServiceName(pieces[i].words, services),
    };
    for (let run = Math.min(MAX_RUN, pieces.length - i); run >= 2; run--) {
      const text = pieces
        .slice(i, i + run)
        .map((p, k) => (k === 0 ? p.words : `${p.joiner} ${p.words}`))
        .join(' ');
      const match = matchServiceName(text, services);
      if (match.kind === 'match' && match.how !== 'partial') {
        part = { spoken: text, match };
        taken = run;
        break;
      }
    }
    parts.push(part);
    i += taken;
  }
  return parts;
}

/** "und" is a filler word to serviceKey, so joiners are compared on their plain letters. */
function asciiKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z]/g, '');
}

/** A part naming a service already named ("Färben und Coloration") is said once. */
function dropRepeats<S extends MatchableService>(parts: readonly NamedPart<S>[]): NamedPart<S>[] {
  const seen = new Set<string>();
  return parts.filter((p) => {
    if (p.match.kind !== 'match') return true;
    if (seen.has(p.match.service.id)) return false;
    seen.add(p.match.service.id);
    return true;
  });
}

function weakest<S extends MatchableService>(
  parts: readonly NamedPart<S>[],
): ServiceFound<S>['how'] {
  const hows = parts.map((p) => (p.match.kind === 'match' ? p.match.how : 'partial'));
  if (hows.includes('partial')) return 'partial';
  return hows.includes('fuzzy') ? 'fuzzy' : 'exact';
}
