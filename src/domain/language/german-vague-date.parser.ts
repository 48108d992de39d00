import { monthValue } from './german-calendar.words';
import { DateReading, someDays } from './german-date.reading';
import { WEEK_MODIFIERS } from './german-date.parser';
import { addDays, compareDateParts, daysInMonth, isoWeekday, DateParts } from './date-parts';

type Part = 'anfang' | 'mitte' | 'ende';
// Words around a vague day that change nothing: "irgendwann im Januar", "so Mitte Dezember".
const VAGUE_FILLERS = new Set(['irgendwann', 'im', 'in', 'so', 'etwa', 'ungefaehr', 'gegen']);
const PARTS = new Set<string>(['anfang', 'mitte', 'ende']);
// Days of a calendar week (0 = Monday) each part names; a salon's week ends on Saturday.
const WEEK_PART_DAYS: Record<Part | 'all' | 'weekend', readonly number[]> = {
  anfang: [0, 1],
  mitte: [1, 2, 3],
  ende: [4, 5],
  all: [0, 1, 2, 3, 4, 5, 6],
  weekend: [5, 6],
};
// Days of a month each part names (the last third runs to the month's end).
const MONTH_PART_DAYS: Record<Part | 'all', readonly [number, number]> = {
  anfang: [1, 10],
  mitte: [11, 20],
  ende: [21, 31],
  all: [1, 31],
};

interface Said {
  part?: Part;
  /** "diese" 0, "nächste" 1, "übernächste" 2; absent: whichever is still ahead. */
  ahead?: number;
  span?: 'week' | 'weekend' | 'month' | number;
  year?: number;
}

/** Sorts the words into part, modifier and span; undefined when a word is none or repeats. */
const sortOut = (words: readonly string[]): Said | undefined => {
  const said: Said = {};
  const once = <K extends keyof Said>(key: K, value: Said[K]): boolean => {
    if (said[key] !== undefined) return false;
    said[key] = value;
    return true;
  };
  for (const w of words) {
    if (VAGUE_FILLERS.has(w)) continue;
    const month = monthValue(w);
    const fine = PARTS.has(w)
      ? once('part', w as Part)
      : WEEK_MODIFIERS.has(w)
        ? once('ahead', WEEK_MODIFIERS.get(w))
        : w === 'woche'
          ? once('span', 'week')
          : w === 'wochenende'
            ? once('span', 'weekend')
            : w === 'monat' || w === 'monats'
              ? once('span', 'month')
              : month !== undefined
                ? once('span', month)
                : /^\d{4}$/.test(w) && once('year', Number(w));
    if (!fine) return undefined;
  }
  return said;
};

const fromToday = (days: DateParts[], today: DateParts): DateParts[] =>
  days.filter((d) => compareDateParts(d, today) >= 0);

const weekDays = (said: Said, weekend: boolean, today: DateParts): DateParts[] | undefined => {
  const offsets = WEEK_PART_DAYS[weekend ? 'weekend' : (said.part ?? 'all')];
  if (weekend && said.part !== undefined) return undefined;
  const monday = addDays(today, 1 - isoWeekday(today));
  const inWeek = (k: number) =>
    fromToday(
      offsets.map((o) => addDays(monday, 7 * k + o)),
      today,
    );
  if (said.ahead !== undefined) return inWeek(said.ahead);
  // "Anfang der Woche" said on a Thursday: this week's beginning is past, so the next one.
  const thisWeek = inWeek(0);
  return thisWeek.length > 0 ? thisWeek : inWeek(1);
};

const monthDays = (said: Said, today: DateParts): DateParts[] | undefined => {
  const [first, last] = MONTH_PART_DAYS[said.part ?? 'all'];
  const partOf = (year: number, month: number) => {
    const days: DateParts[] = [];
    for (let day = first; day <= Math.min(last, daysInMonth(year, month)); day++) {
      days.push({ year, month, day });
    }
    return fromToday(days, today);
  };
  if (said.span === 'month') {
    if (said.year !== undefined) return undefined;
    const monthAhead = (k: number) => {
      const index = today.year * 12 + today.month - 1 + k;
      return partOf(Math.floor(index / 12), (index % 12) + 1);
    };
    if (said.ahead !== undefined) return monthAhead(said.ahead);
    // "Anfang des Monats" said on the 20th: this month's beginning is past, so the next one.
    const thisMonth = monthAhead(0);
    return thisMonth.length > 0 ? thisMonth : monthAhead(1);
  }
  const month = said.span as number;
  if (said.ahead !== undefined) return undefined;
  if (said.year !== undefined) return partOf(said.year, month);
  // A month without a year: the next one still (partly) ahead.
  const thisYear = partOf(today.year, month);
  return thisYear.length > 0 ? thisYear : partOf(today.year + 1, month);
};

/**
 * A phrase that names a stretch of days rather than one: "nächste Woche", "Anfang nächster
 * Woche", "Ende der Woche", "am Wochenende", "irgendwann im Januar", "Mitte Dezember", "Anfang
 * nächsten Monats". Only days from today on count. words: the phrase without fillers.
 */
export const parseGermanVagueDate = (
  words: readonly string[],
  today: DateParts,
): DateReading | undefined => {
  const said = sortOut(words);
  if (!said || said.span === undefined) return undefined;
  const days =
    said.span === 'week' || said.span === 'weekend'
      ? said.year === undefined
        ? weekDays(said, said.span === 'weekend', today)
        : undefined
      : monthDays(said, today);
  return days && someDays(days);
};
