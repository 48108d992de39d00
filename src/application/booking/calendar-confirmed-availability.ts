import { SlotTaken, Unavailable } from '../../domain/availability/availability-errors';
import { FreeStart } from '../../domain/availability/free-start';
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
      .filter((s) => s.offers(service.id) && s.id !== local.value.staffId)
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
 * The nearest starts free in the local calendar that Cal.com does not refuse. When it refuses
 * some of the nearest two, more local candidates are read (the asked stylist's first, then
 * anyone's) and judged; each stylist-day is asked once, within CalendarCheck's bounds. Starts
 * Cal.com confirmed (or unmapped stylists') come before ones it could not be asked about.
 */
export async function confirmedAlternatives(
  availability: WishAvailability,
  calendar: CalendarCheck,
  wish: Date,
  preferredStaffId: string | undefined,
): Promise<ConfirmedAlternatives> {
  const rounds = [
    () => availability.alternatives(wish, preferredStaffId),
    () => availability.alternatives(wish, preferredStaffId, WIDER),
    ...(preferredStaffId ? [() => availability.alternatives(wish, undefined, WIDER)] : []),
  ];
  const judged = new Map<string, { start: FreeStart; verdict: Promise<CalendarVerdict> }>();
  let ranked: FreeStart[] = [];
  for (const [i, round] of rounds.entries()) {
    const candidates = await round();
    ranked = i < 2 ? candidates : [...ranked, ...candidates];
    for (const start of ranked) {
      const key = keyOf(start);
      if (!judged.has(key)) judged.set(key, { start, verdict: calendar.judge(start) });
    }
    const verdicts = await Promise.all(ranked.map((s) => judged.get(keyOf(s))!.verdict));
    const picked = pick(ranked, verdicts);
    if (picked.sure >= ALTERNATIVES || !verdicts.includes('refused')) return picked;
    if (i === rounds.length - 1) return picked;
  }
  return { starts: [], verdicts: [] };
}

/** Confirmed first, unchecked ones only to fill up; in the local ranking's order. */
function pick(
  ranked: readonly FreeStart[],
  verdicts: readonly CalendarVerdict[],
): ConfirmedAlternatives & { sure: number } {
  const seen = new Set<string>();
  const usable = ranked
    .map((start, i) => ({ start, verdict: verdicts[i] }))
    .filter(({ start, verdict }) => {
      const key = keyOf(start);
      if (verdict === 'refused' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const sure = usable.filter((u) => u.verdict !== 'unchecked').length;
  let fill = Math.max(0, ALTERNATIVES - sure);
  const chosen = usable
    .filter((u) => u.verdict !== 'unchecked' || fill-- > 0)
    .slice(0, ALTERNATIVES);
  return {
    starts: chosen.map((u) => u.start),
    verdicts: chosen.map((u) => u.verdict),
    sure,
  };
}

const keyOf = (f: FreeStart): string => `${f.staffId}|${f.start.getTime()}`;
