import { settleClockReading } from './clock-reading.settler';
import { parseGermanClockTokens } from './german-clock.parser';
import { weekdayValue } from './german-calendar.words';
import { germanTokens } from './german-text.normaliser';
import { minuteOfDay } from './local-time';

/** How the caller named the part of a day: a day part, or clock bounds. */
export type DayWindowKind =
  'early' | 'forenoon' | 'noon' | 'afternoon' | 'evening' | 'from' | 'until' | 'between';

/**
 * The starts a caller is after on one day, as minutes of the branch's wall clock: from
 * `fromMinute` (included) to `toMinute` (excluded); 0 ≤ from < to ≤ 1440.
 */
export interface DayWindow {
  readonly kind: DayWindowKind;
  readonly fromMinute: number;
  readonly toMinute: number;
}

const DAY_END = 24 * 60;
const part = (kind: DayWindowKind, from: number, to: number): DayWindow => ({
  kind,
  fromMinute: from,
  toMinute: to,
});
// What a salon's caller means by the day parts: "früh" is before ten, "mittags" the lunch hours.
const EARLY = part('early', 0, 10 * 60);
const DAY_PARTS = new Map<string, DayWindow>([
  ['frueh', EARLY],
  ['morgens', EARLY],
  ['vormittag', part('forenoon', 0, 12 * 60)],
  ['vormittags', part('forenoon', 0, 12 * 60)],
  ['mittag', part('noon', 11 * 60 + 30, 14 * 60)],
  ['mittags', part('noon', 11 * 60 + 30, 14 * 60)],
  ['mittagszeit', part('noon', 11 * 60 + 30, 14 * 60)],
  ['nachmittag', part('afternoon', 12 * 60, 18 * 60)],
  ['nachmittags', part('afternoon', 12 * 60, 18 * 60)],
  ['abend', part('evening', 17 * 60, DAY_END)],
  ['abends', part('evening', 17 * 60, DAY_END)],
]);
// Words around a day part that change nothing: "irgendwann am Nachmittag", "eher vormittags".
const FILLERS = new Set([
  'am',
  'im',
  'so',
  'gegen',
  'irgendwann',
  'eher',
  'lieber',
  'gern',
  'gerne',
  'etwas',
  'ganz',
  'laufe',
  'des',
  'der',
  'den',
  'ueber',
  'zur',
  // A question around the part: "geht es nach 17 Uhr?", "wie wäre es vormittags?".
  'geht',
  'ginge',
  'es',
  'auch',
  'wie',
  'waere',
]);
const FROM = new Set(['nach', 'ab']);
const UNTIL = new Set(['vor', 'bis']);
// "zwischen 10 und 12", "von 10 bis 12".
const RANGES: ReadonlyArray<readonly [string, string]> = [
  ['zwischen', 'und'],
  ['von', 'bis'],
];

/** A clock time said as a bound, settled by the salon day ("nach vier" is 16:00). */
interface Bound {
  readonly minute: number;
  /** Said as 1-12 without a day part: the other half of the day is a possible reading too. */
  readonly twelveHour: boolean;
}

const boundOf = (tokens: readonly string[]): Bound | undefined => {
  if (tokens.length === 0 || tokens.some((t) => FROM.has(t) || UNTIL.has(t))) return undefined;
  const reading = parseGermanClockTokens(tokens, true);
  if (!reading) return undefined;
  const settled = settleClockReading(reading);
  if (!settled.ok) return undefined;
  return {
    minute: minuteOfDay(settled.value),
    twelveHour: reading.twelveHour && !reading.dayPart,
  };
};

/** The latest end an evening reading of a 1-12 bound gives: no salon means "bis 10" as 22:00. */
const LATEST_LATE_END = 20 * 60;

/** "zwischen fünf und sieben": 17-19, the end read in the later half when it must be. */
const between = (from: Bound, to: Bound): DayWindow | undefined => {
  let end = to.minute;
  if (end <= from.minute && to.twelveHour && end + 12 * 60 <= LATEST_LATE_END) end += 12 * 60;
  return from.minute < end ? part('between', from.minute, end) : undefined;
};

const rangeOf = (words: readonly string[]): DayWindow | undefined => {
  for (const [opens, joins] of RANGES) {
    if (words[0] !== opens) continue;
    const cut = words.indexOf(joins, 2);
    if (cut < 0) return undefined;
    const from = boundOf(words.slice(1, cut));
    const to = boundOf(words.slice(cut + 1));
    return from && to ? between(from, to) : undefined;
  }
  return undefined;
};

const dayPartOf = (words: readonly string[]): DayWindow | undefined => {
  const parts = words.map((w) => DAY_PARTS.get(w));
  const first = parts[0];
  return first && parts.every((p) => p === first) ? first : undefined;
};

/** Words (fillers gone) → the window; undefined when they name none or something else. */
const windowOfWords = (words: readonly string[]): DayWindow | undefined => {
  if (words.length === 0) return undefined;
  const [head, ...rest] = words;
  if (FROM.has(head)) {
    const at = boundOf(rest);
    return at && at.minute < DAY_END ? part('from', at.minute, DAY_END) : undefined;
  }
  if (UNTIL.has(head)) {
    const at = boundOf(rest);
    return at && at.minute > 0 ? part('until', 0, at.minute) : undefined;
  }
  return rangeOf(words) ?? dayPartOf(words);
};

const withoutFillers = (tokens: readonly string[]): string[] =>
  tokens.filter((t) => !FILLERS.has(t));

/**
 * A part of a day as said: "vormittags", "am Nachmittag", "abends", "früh", "mittags", "nach 16
 * Uhr", "ab halb drei", "vor 12", "bis 14 Uhr", "zwischen 10 und 12", "von 9 bis 11". A bound
 * said 1-12 is read as the salon day ("nach vier" is 16:00). Undefined when the text names no
 * such window (an exact time such as "um drei" is no window).
 */
export const parseGermanDayWindow = (text: string): DayWindow | undefined =>
  windowOfWords(withoutFillers(germanTokens(text)));

// Longest first, so "samstagnachmittag" is not read as "samstagnach" + "mittag".
const PART_WORDS = [...DAY_PARTS.keys(), 'morgen'].sort((a, b) => b.length - a.length);

/** "samstagvormittag" → "samstag", "vormittag": a weekday and its part said as one word. */
const weekdayAndPart = (token: string): string[] => {
  const word = PART_WORDS.find((w) => token.endsWith(w) && token.length > w.length);
  const day = word && token.slice(0, -word.length);
  return day && weekdayValue(day) !== undefined ? [day, word] : [token];
};

/** A day phrase with a window at its end or start: "Freitag nachmittags", "früh morgen". */
export interface DayAndWindow {
  /** The day part of the phrase, its words normalised ("naechsten freitag"). */
  readonly dayText: string;
  readonly window: DayWindow;
}

/**
 * Every way to cut the phrase into a day and a window, the longest window first: "Freitag ab
 * 16 Uhr" → "freitag" + from 16:00. Whether the day part names a day is for the date reader.
 */
export const splitDayWindow = (text: string): DayAndWindow[] => {
  // "Freitag morgen": after a weekday, "morgen" is the morning.
  const tokens = germanTokens(text)
    .flatMap(weekdayAndPart)
    .map((t, i, all) =>
      t === 'morgen' && i > 0 && weekdayValue(all[i - 1]) !== undefined ? 'morgens' : t,
    );
  const found: DayAndWindow[] = [];
  for (let cut = 1; cut < tokens.length; cut++) {
    const [head, tail] = [tokens.slice(0, cut), tokens.slice(cut)];
    const atEnd = windowOfWords(withoutFillers(tail));
    if (atEnd) found.push({ dayText: head.join(' '), window: atEnd });
    const atStart = windowOfWords(withoutFillers(head));
    if (atStart) found.push({ dayText: tail.join(' '), window: atStart });
  }
  return found;
};
