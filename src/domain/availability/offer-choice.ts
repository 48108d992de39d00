import { FreeStart } from './free-start';

/** Two offers closer than this on one day, by one stylist, are one choice said twice. */
export const CLEARLY_APART_MS = 60 * 60_000;

/**
 * Whether two offers are a real choice for the caller: another day, at least an hour apart, or,
 * when the caller named a stylist, another stylist (then who does it is part of the choice).
 */
export function clearlyDifferent(
  a: FreeStart,
  b: FreeStart,
  stylistNamed: boolean,
  localDateOf: (instant: Date) => string,
): boolean {
  if (stylistNamed && a.staffId !== b.staffId) return true;
  if (Math.abs(a.start.getTime() - b.start.getTime()) >= CLEARLY_APART_MS) return true;
  return localDateOf(a.start) !== localDateOf(b.start);
}

const same = (a: FreeStart, b: FreeStart): boolean =>
  a.staffId === b.staffId && a.start.getTime() === b.start.getTime();

/** How the offers are told apart: a named stylist makes another stylist a choice of its own. */
export interface OfferRules {
  readonly stylistNamed: boolean;
  readonly localDateOf: (instant: Date) => string;
  /**
   * Another stylist free at the very time asked, when the caller named one and did not insist
   * (and, among candidates, when it is still usable).
   */
  readonly sameTime?: FreeStart;
}

/**
 * The offers (issue 13), given `closest(accept)`: the best-ranked candidate `accept` takes, the
 * asked stylist's starts ranked before anyone else's, each group by closeness to the wish.
 * 1. the best-ranked start;
 * 2. the very time asked with another stylist (`rules.sameTime`), when there is one;
 * 3. until `count`, the best-ranked start clearly different from every offer so far, or, when
 *    there is none at all, the best-ranked one left.
 * `already` are offers made before (they count, and are kept first).
 */
export function pickOffers(
  closest: (accept: (s: FreeStart) => boolean) => FreeStart | undefined,
  count: number,
  rules: OfferRules,
  already: readonly FreeStart[] = [],
): FreeStart[] {
  const offers = [...already];
  const fresh = (c: FreeStart): boolean => !offers.some((o) => same(o, c));
  const apart = (c: FreeStart): boolean =>
    offers.every((o) => clearlyDifferent(c, o, rules.stylistNamed, rules.localDateOf));
  if (offers.length === 0 && count > 0) {
    const first = closest(() => true);
    if (!first) return offers;
    offers.push(first);
  }
  const sameTime = rules.sameTime;
  if (sameTime && offers.length < count && fresh(sameTime)) offers.push(sameTime);
  while (offers.length < count) {
    const next = closest((c) => fresh(c) && apart(c)) ?? closest(fresh);
    if (!next) break;
    offers.push(next);
  }
  return offers;
}

/**
 * Ranked candidate starts for a wish, from which offers can be chosen again when some of them
 * turn out unusable (another calendar refuses them): the same rules, over what is left.
 */
export class OfferCandidates {
  constructor(
    /** The asked stylist's by closeness, then anyone's by closeness. */
    readonly ranked: readonly FreeStart[],
    private readonly rules: OfferRules,
  ) {}

  /** The offers among the candidates `keep` takes, after `already`. */
  choose(
    keep: (s: FreeStart) => boolean,
    count: number,
    already: readonly FreeStart[] = [],
  ): FreeStart[] {
    const usable = this.ranked.filter(keep);
    const sameTime = usable.find((c) => this.rules.sameTime && same(c, this.rules.sameTime));
    const rules = { ...this.rules, sameTime };
    return pickOffers((accept) => usable.find(accept), count, rules, already);
  }

  /** These first, then the other's that are not among them; these rules. */
  followedBy(other: OfferCandidates): OfferCandidates {
    const more = other.ranked.filter((c) => !this.ranked.some((r) => same(r, c)));
    return new OfferCandidates([...this.ranked, ...more], this.rules);
  }
}
