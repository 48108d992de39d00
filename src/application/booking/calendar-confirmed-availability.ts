import { doesAll } from '../../domain/salon/staff';
import { SlotTaken, Unavailable } from '../../domain/availability/availability.errors';
import { FreeStart } from '../../domain/availability/free-start';
import { OfferCandidates } from '../../domain/availability/offer-choice';
import { Service } from '../../domain/salon/service';
import { Staff } from '../../domain/salon/staff';
import { err, Result } from '../../domain/shared/result';
import { BranchContext } from '../ports/salon-catalog.port';
import { WishAvailability } from './availability.reader';
import { CalendarCheck, CalendarVerdict } from './calendar-check';

const ALTERNATIVES = 2;
/** Local candidates read when some of the nearest two are refused by Cal.com. */
const WIDER = 10;

export interface ConfirmedStart {
  readonly result: Result<FreeStart, Unavailable>;
  readonly verdicts: readonly CalendarVerdict[];
}

export interface ConfirmedAlternatives {
  readonly starts: readonly FreeStart[];
  readonly verdicts: readonly CalendarVerdict[];
}

/**
 * The wish, free in the local calendar and not refused by the stylist's Cal.com calendar. With
 * no stylist asked for and the first refused, the other stylists free at that start are asked
 * about at once and the first of them (in the salon's order) not refused is taken.
 */
export async function confirmStart(
  availability: WishAvailability,
  calendar: CalendarCheck,
  salon: BranchContext,
  service: Service,
  start: Date,
  stylist: Staff | undefined,
): Promise<ConfirmedStart> {
  const local = availability.check(start, stylist);
  if (!local.ok) return { result: local, verdicts: [] };
  const verdicts = [await calendar.judge(local.value)];
  if (verdicts[0] !== 'refused') return { result: local, verdicts };
  if (!stylist) {
    // Once Cal.com refused the first, the others free locally are asked all at once, and the
    // first in the salon's order that is not refused is taken as soon as its own answer is in:
    // one wait for the caller instead of one per stylist (CalendarCheck bounds how many are
    // asked).
    const others = salon.staff
      .filter((s) => doesAll(s, service) && s.id !== local.value.staffId)
      .map((other) => availability.check(start, other))
      .filter((free) => free.ok);
    const judging = others.map((free) => calendar.judge(free.value));
    // Answers left unread once one is taken must not surface as unhandled rejections.
    for (const pending of judging) pending.catch(() => undefined);
    for (const [i, pending] of judging.entries()) {
      const verdict = await pending;
      verdicts.push(verdict);
      if (verdict !== 'refused') return { result: others[i], verdicts };
    }
  }
  return { result: err(new SlotTaken('calendar')), verdicts };
}

/**
 * The offers free in the local calendar that Cal.com does not refuse. Most often the two offers
 * pass as they are. When Cal.com refuses one, more local candidates are read (the asked
 * stylist's first) and judged, and the two are chosen again among those it did not refuse, by
 * the same rules; when the asked stylist has too few of those left, anyone's are read too,
 * unless the caller insisted on that stylist. Each stylist-day is asked once, within
 * CalendarCheck's bounds. Starts Cal.com confirmed (or unmapped stylists') are chosen before
 * ones it could not be asked about; the answer keeps the local ranking's order.
 */
export async function confirmedAlternatives(
  availability: WishAvailability,
  calendar: CalendarCheck,
  wish: Date,
  preferredStaffId: string | undefined,
  onlyPreferred = false,
): Promise<ConfirmedAlternatives> {
  const wanted = { preferredStaffId, onlyPreferred };
  const judged = new Map<string, Promise<CalendarVerdict>>();
  const judge = (starts: readonly FreeStart[]): Promise<CalendarVerdict[]> =>
    Promise.all(
      starts.map((start) => {
        const key = keyOf(start);
        if (!judged.has(key)) judged.set(key, calendar.judge(start));
        return judged.get(key)!;
      }),
    );

  const offers = await availability.alternatives(wish, wanted);
  const verdicts = await judge(offers);
  if (!verdicts.includes('refused')) return { starts: offers, verdicts };

  let candidates = await availability.candidates(wish, { ...wanted, count: WIDER });
  const chosen = await chooseConfirmed(candidates, judge);
  if (chosen.sure >= ALTERNATIVES || !preferredStaffId || onlyPreferred) return chosen;
  candidates = candidates.followedBy(await availability.candidates(wish, { count: WIDER }));
  return chooseConfirmed(candidates, judge);
}

/** Confirmed first, unchecked ones only to fill up; in the local ranking's order. */
async function chooseConfirmed(
  candidates: OfferCandidates,
  judge: (starts: readonly FreeStart[]) => Promise<CalendarVerdict[]>,
): Promise<ConfirmedAlternatives & { sure: number }> {
  const ranked = candidates.ranked;
  const verdicts = await judge(ranked);
  const verdictOf = new Map(ranked.map((start, i) => [keyOf(start), verdicts[i]]));
  const verdict = (s: FreeStart): CalendarVerdict => verdictOf.get(keyOf(s))!;
  const confirmed = candidates.choose(
    (s) => verdict(s) !== 'refused' && verdict(s) !== 'unchecked',
    ALTERNATIVES,
  );
  const chosen =
    confirmed.length < ALTERNATIVES
      ? candidates.choose((s) => verdict(s) !== 'refused', ALTERNATIVES, confirmed)
      : confirmed;
  const rank = (s: FreeStart): number => ranked.findIndex((r) => keyOf(r) === keyOf(s));
  const starts = [...chosen].sort((a, b) => rank(a) - rank(b));
  return { starts, verdicts: starts.map(verdict), sure: confirmed.length };
}

const keyOf = (f: FreeStart): string => `${f.staffId}|${f.start.getTime()}`;
