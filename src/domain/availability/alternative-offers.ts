import type { AvailabilityEngine } from './availability-engine';
import { distanceFrom, OutwardSearch, WishAnchor } from './alternative-search';
import { FreeStart } from './free-start';
import { OfferCandidates, OfferRules, pickOffers } from './offer-choice';

export interface AlternativesOptions {
  readonly count?: number;
  /** The stylist the caller asked for: their starts come first. */
  readonly preferredStaffId?: string;
  /** The caller insisted on that stylist: nobody else is offered. */
  readonly onlyPreferred?: boolean;
}

/**
 * What was found, and whether every start consulted lay closer to the anchor than `cutMs`: then
 * an engine that read only some days finds the same as one that read them all.
 */
export interface Found<T> {
  readonly value: T;
  readonly sure: boolean;
}

/**
 * The alternatives offered for a wish (SPEC rule 3, issue 13; see pickOffers): the nearest
 * start, the asked stylist's first; the very time asked with another stylist who offers the
 * service, unless the caller insisted on theirs; then offers clearly different from those
 * before (another day, an hour apart, or another stylist when one was named).
 */
export function chooseOffers(
  engine: AvailabilityEngine,
  wishMs: number,
  anchor: WishAnchor,
  options: AlternativesOptions,
  cutMs = Infinity,
): Found<FreeStart[]> {
  const count = options.count ?? 2;
  if (count <= 0) return { value: [], sure: true };
  const search = new RankedSearch(engine, wishMs, anchor, options, cutMs);
  const offers = pickOffers((accept) => search.closest(accept), count, search.rules);
  return { value: offers, sure: search.sure };
}

/**
 * Candidates to choose `count` offers from again when some turn out unusable: the `count`
 * nearest starts (the asked stylist's first) and the `count` offers the rules pick, ranked.
 */
export function offerCandidates(
  engine: AvailabilityEngine,
  wishMs: number,
  anchor: WishAnchor,
  options: AlternativesOptions,
  cutMs = Infinity,
): Found<OfferCandidates> {
  const count = options.count ?? 2;
  const search = new RankedSearch(engine, wishMs, anchor, options, cutMs);
  const found: FreeStart[] = [];
  const fresh = (c: FreeStart): boolean =>
    !found.some((f) => f.staffId === c.staffId && f.start.getTime() === c.start.getTime());
  while (found.length < count) {
    const next = search.closest(fresh);
    if (!next) break;
    found.push(next);
  }
  const offers =
    count > 0 ? pickOffers((accept) => search.closest(accept), count, search.rules) : [];
  for (const offer of offers) if (fresh(offer)) found.push(offer);
  const own = (s: FreeStart): number => (withStylist(s, search.preferred) ? 0 : 1);
  found.sort(
    (a, b) =>
      own(a) - own(b) ||
      distanceFrom(anchor.ms, a) - distanceFrom(anchor.ms, b) ||
      a.start.getTime() - b.start.getTime(),
  );
  return { value: new OfferCandidates(found, search.rules), sure: search.sure };
}

/** The stylist takes the start, alone or for their part of a shared visit. */
const withStylist = (s: FreeStart, staffId: string | undefined): boolean =>
  staffId !== undefined &&
  (s.staffId === staffId || (s.assignment ?? []).some((a) => a.staffId === staffId));

/** The asked stylist's starts first, then the other offering stylists' (one per start). */
class RankedSearch {
  readonly preferred: string | undefined;
  readonly rules: OfferRules;
  sure = true;
  private readonly own: OutwardSearch | undefined;
  private readonly rest: OutwardSearch | undefined;

  constructor(
    engine: AvailabilityEngine,
    wishMs: number,
    private readonly anchor: WishAnchor,
    options: AlternativesOptions,
    private readonly cutMs: number,
  ) {
    const offering = engine.staffIdsOffering();
    const asked = options.preferredStaffId;
    this.preferred =
      offering.find((id) => id === asked) ?? (engine.doesPartOf(asked) ? asked : undefined);
    const others =
      this.preferred !== undefined && options.onlyPreferred
        ? []
        : offering.filter((id) => id !== this.preferred);
    this.own =
      this.preferred !== undefined
        ? new OutwardSearch(engine, anchor, [this.preferred])
        : undefined;
    // A visit stylists may share is sought from anyone, shared where no one can do it all.
    const anyone = engine.sharesVisits && !(this.preferred !== undefined && options.onlyPreferred);
    this.rest =
      anyone || others.length > 0
        ? new OutwardSearch(engine, anchor, anyone ? undefined : others)
        : undefined;
    const sameTime =
      this.preferred === undefined
        ? undefined
        : others.map((id) => engine.checkStart(new Date(wishMs), id)).find((r) => r.ok);
    this.rules = {
      stylistNamed: this.preferred !== undefined,
      localDateOf: (instant) => engine.branch.localDateOf(instant),
      sameTime: sameTime?.ok ? sameTime.value : undefined,
    };
  }

  closest(accept: (s: FreeStart) => boolean): FreeStart | undefined {
    return (
      (this.own && this.noted(this.own.closest(accept))) ??
      (this.rest && this.noted(this.rest.closest(accept)))
    );
  }

  private noted(found: FreeStart | undefined): FreeStart | undefined {
    const beyondCut = found
      ? distanceFrom(this.anchor.ms, found) >= this.cutMs
      : this.cutMs < Infinity;
    if (beyondCut) this.sure = false;
    return found;
  }
}
