/** What a service costs, in cents: one price (min = max) or a range ("45 bis 60 Euro"). */
export interface ServicePrice {
  readonly minCents: number;
  readonly maxCents: number;
}

/** 100,000 €: a price above is a misplaced decimal point, not a haircut. */
export const PRICE_MAX_CENTS = 10_000_000;
export const DESCRIPTION_MAX_CHARS = 300;

/**
 * The price from its two stored halves: none when neither is set; a single price when only the
 * lower one is; otherwise both as given (checked by priceProblem).
 */
export function priceOf(
  minCents: number | null | undefined,
  maxCents: number | null | undefined,
): ServicePrice | null {
  if (minCents == null && maxCents == null) return null;
  const min = minCents ?? (maxCents as number);
  return { minCents: min, maxCents: maxCents ?? min };
}

/** Why a price cannot be a salon's price, or undefined when it can. */
export function priceProblem(price: ServicePrice | null): string | undefined {
  if (price === null) return undefined;
  const whole = (n: number) => Number.isInteger(n) && n >= 0 && n <= PRICE_MAX_CENTS;
  if (!whole(price.minCents) || !whole(price.maxCents)) {
    return `prices must be whole cents between 0 and ${PRICE_MAX_CENTS}`;
  }
  if (price.maxCents < price.minCents) return 'the highest price must not be below the lowest';
  return undefined;
}
