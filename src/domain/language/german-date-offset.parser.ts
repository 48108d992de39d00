import { weekdayValue } from './german-calendar.words';
import { DateReading, oneDay, someDays } from './german-date.reading';
import { parseGermanDateTokens } from './german-date.parser';
import { numberValue } from './german-number.words';
import { nextWeekdayFrom } from './future-date.rules';
import { addDays, addMonths, compareDateParts, isoWeekday, DateParts } from './date-parts';

type Unit = 'day' | 'week' | 'month';
// prettier-ignore
const UNITS = new Map<string, Unit>([
  ['tag', 'day'], ['tage', 'day'], ['tagen', 'day'],
  ['woche', 'week'], ['wochen', 'week'],
  ['monat', 'month'], ['monate', 'month'], ['monaten', 'month'],
]);
// "ab morgen in zwei Wochen": the anchor's own little words.
const ANCHOR_FILLERS = new Set(['ab', 'von']);
// "in acht Tagen" is German for "in a week" (and "heute in acht Tagen" for a week from today).
const A_WEEK_IN_DAYS = 8;

interface Offset {
  readonly count: number;
  readonly unit: Unit;
}

interface Anchor {
  readonly date: DateParts;
  /** The anchor was a weekday: "Freitag in zwei Wochen". */
  readonly weekday?: number;
  /** No anchor was said: counted from today. */
  readonly implicit: boolean;
}

// "in ner Woche", "in nem Monat": spoken short for "einer", "einem".
const SPOKEN_ONE = new Set(['ne', 'ner', 'nem', 'nen']);

const counted = (count: string, unit: string): Offset | undefined => {
  const n = SPOKEN_ONE.has(count) ? 1 : numberValue(count);
  const u = UNITS.get(unit);
  return n !== undefined && n >= 1 && u !== undefined ? { count: n, unit: u } : undefined;
};

const anchorOf = (words: readonly string[], today: DateParts): Anchor | undefined => {
  const said = words.filter((w) => !ANCHOR_FILLERS.has(w));
  if (said.length === 0) return { date: today, implicit: true };
  const weekday = said.length === 1 ? weekdayValue(said[0]) : undefined;
  // A weekday alone counts from its next occurrence, today included: "Donnerstag in einer
  // Woche" said on a Thursday is a week from today.
  if (weekday !== undefined)
    return { date: nextWeekdayFrom(weekday, today), weekday, implicit: false };
  const date = parseGermanDateTokens(said, today, false);
  if (!date) return undefined;
  const named = said.some((w) => weekdayValue(w) !== undefined);
  return { date, weekday: named ? isoWeekday(date) : undefined, implicit: false };
};

/** The weekday on the target day, or the one before and after it when it falls elsewhere. */
const weekdayAround = (target: DateParts, weekday: number, today: DateParts) => {
  const back = (isoWeekday(target) - weekday + 7) % 7;
  if (back === 0) return oneDay(target);
  const before = addDays(target, -back);
  const after = addDays(before, 7);
  return someDays(compareDateParts(before, today) >= 0 ? [before, after] : [after]);
};

/** "[Freitag | heute | morgen | 5. Dezember] in zwei Wochen / drei Tagen / einem Monat". */
const ahead = (anchor: Anchor, { count, unit }: Offset, today: DateParts) => {
  if (unit === 'month') {
    const target = addMonths(anchor.date, count);
    return anchor.weekday === undefined
      ? oneDay(target)
      : weekdayAround(target, anchor.weekday, today);
  }
  if (unit === 'week') return oneDay(addDays(anchor.date, count * 7));
  if (count === A_WEEK_IN_DAYS) {
    // Alone it may also mean eight days: both are named.
    return anchor.implicit
      ? someDays([addDays(today, 7), addDays(today, 8)])
      : oneDay(addDays(anchor.date, 7));
  }
  if (anchor.weekday === undefined || count % 7 === 0) return oneDay(addDays(anchor.date, count));
  // "Sonntag in drei Tagen": days count from today, and the weekday has to agree; when it does
  // not, both readings are named.
  const counted = addDays(today, count);
  return isoWeekday(counted) === anchor.weekday
    ? oneDay(counted)
    : someDays([anchor.date, counted]);
};

/** "zwei Tage nach Freitag", "eine Woche vor dem 24. Dezember": counted from the named day. */
const around = (anchor: Anchor, { count, unit }: Offset, sign: 1 | -1, today: DateParts) => {
  const date =
    unit === 'month'
      ? addMonths(anchor.date, sign * count)
      : addDays(anchor.date, sign * count * (unit === 'week' ? 7 : 1));
  return compareDateParts(date, today) >= 0 ? oneDay(date) : undefined;
};

/**
 * A day plus or minus days, weeks or months: "in 3 Tagen", "Montag in einer Woche", "heute in
 * acht Tagen", "morgen in zwei Wochen", "in zwei Wochen am Freitag", "zwei Tage nach Freitag".
 * words: the phrase without fillers. Undefined when the phrase is no such offset.
 */
export const parseGermanDateOffset = (
  words: readonly string[],
  today: DateParts,
): DateReading | undefined => {
  const n = words.length;
  let offset: Offset | undefined;
  let anchorWords: readonly string[] = [];
  let sign: 1 | -1 | undefined;
  if (n >= 3 && words[n - 3] === 'in' && (offset = counted(words[n - 2], words[n - 1]))) {
    anchorWords = words.slice(0, n - 3);
  } else if (n >= 4 && words[0] === 'in' && (offset = counted(words[1], words[2]))) {
    anchorWords = words.slice(3);
  } else if (n >= 4 && (words[2] === 'nach' || words[2] === 'vor')) {
    offset = counted(words[0], words[1]);
    anchorWords = words.slice(3);
    sign = words[2] === 'nach' ? 1 : -1;
  }
  if (!offset) return undefined;
  const anchor = anchorOf(anchorWords, today);
  if (!anchor) return undefined;
  if (sign === undefined) return ahead(anchor, offset, today);
  return anchor.implicit ? undefined : around(anchor, offset, sign, today);
};
