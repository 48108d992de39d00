import { FreeStart } from '../../domain/availability/free-start';
import { spreadStarts } from '../../domain/availability/spread-starts';
import { CalendarCheck, CalendarVerdict } from './calendar-check';

export interface ConfirmedStarts {
  readonly starts: FreeStart[];
  readonly verdicts: CalendarVerdict[];
}

const keyOf = (f: FreeStart): string => `${f.staffId}|${f.start.getTime()}`;

/**
 * Up to `count` starts spread over the candidates (free in the local calendar) that Cal.com
 * does not refuse, judged the way alternatives are: most often the spread passes as it is.
 * When Cal.com refuses one, every candidate is judged (CalendarCheck asks each stylist-day
 * once, within its bounds and time budget, so the rest is answered from what it already has)
 * and the spread is chosen again among those not refused, Cal.com's confirmed ones first,
 * ones it could not be asked about only to fill up.
 */
export async function confirmedSpread(
  candidates: readonly FreeStart[],
  calendar: CalendarCheck,
  count: number,
): Promise<ConfirmedStarts> {
  const verdictOf = new Map<string, Promise<CalendarVerdict>>();
  const judge = (s: FreeStart) => {
    if (!verdictOf.has(keyOf(s))) verdictOf.set(keyOf(s), calendar.judge(s));
    return verdictOf.get(keyOf(s))!;
  };
  const first = spreadStarts(candidates, count);
  const firstVerdicts = await Promise.all(first.map(judge));
  if (!firstVerdicts.includes('refused')) return { starts: first, verdicts: firstVerdicts };
  const all = await Promise.all(candidates.map(async (s) => ({ s, v: await judge(s) })));
  const sure = all.filter((j) => j.v !== 'refused' && j.v !== 'unchecked').map((j) => j.s);
  let starts = spreadStarts(sure, count);
  if (starts.length < count) {
    const unchecked = all.filter((j) => j.v === 'unchecked').map((j) => j.s);
    const more = spreadStarts(unchecked, count - starts.length);
    starts = [...starts, ...more].sort((a, b) => a.start.getTime() - b.start.getTime());
  }
  return { starts, verdicts: await Promise.all(starts.map(judge)) };
}

/**
 * Starts of one day judged one after the other at most: after the first, Cal.com's answer for
 * that stylist-day is known, so further ones cost no request.
 */
const DAY_TRIES = 24;

/** The first of a day's starts (in order) that Cal.com does not refuse, trying at most `tries`. */
export async function firstConfirmed(
  candidates: readonly FreeStart[],
  calendar: CalendarCheck,
  tries = DAY_TRIES,
): Promise<{ first: FreeStart; verdict: CalendarVerdict } | undefined> {
  for (const candidate of candidates.slice(0, tries)) {
    const verdict = await calendar.judge(candidate);
    if (verdict !== 'refused') return { first: candidate, verdict };
  }
  return undefined;
}
