import { cardinalValue } from './german-number.words';

export type DayPart = 'morning' | 'forenoon' | 'noon' | 'afternoon' | 'evening' | 'night';

/**
 * A time as said, before opening hours are asked. twelveHour: the hour was said as 1-12
 * ("drei", "halb drei", "3 Uhr"), so it may mean 3:00 or 15:00; hour is then 0-11.
 */
export interface ClockReading {
  readonly hour: number;
  readonly minute: number;
  readonly twelveHour: boolean;
  readonly dayPart?: DayPart;
}

const DAY_PARTS = new Map<string, DayPart>([
  ['morgens', 'morning'],
  ['frueh', 'morning'],
  ['vormittag', 'forenoon'],
  ['vormittags', 'forenoon'],
  ['mittag', 'noon'],
  ['mittags', 'noon'],
  ['nachmittag', 'afternoon'],
  ['nachmittags', 'afternoon'],
  ['abend', 'evening'],
  ['abends', 'evening'],
  ['nacht', 'night'],
  ['nachts', 'night'],
]);
// "um drei", "punkt zehn", "in der Nacht", "zehn Minuten nach drei".
const FILLERS = new Set(['um', 'am', 'in', 'der', 'zu', 'bitte', 'punkt', 'minuten', 'minute']);
const CLOCK = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/;
const COMPACT = /^(\d{1,2})(\d{2})$/;
const DIGITS = /^\d{1,2}$/;

interface Hour {
  readonly value: number;
  readonly said12: boolean;
}

/** "drei" / "3" / "15"; a leading zero ("03") is a 24-hour reading. */
const hourOf = (token: string | undefined): Hour | undefined => {
  if (token === undefined) return undefined;
  const value = DIGITS.test(token) ? Number(token) : cardinalValue(token);
  if (value === undefined || value > 24) return undefined;
  return { value, said12: value >= 1 && value <= 12 && !token.startsWith('0') };
};

const minuteOf = (token: string | undefined): number | undefined => {
  if (token === undefined) return undefined;
  const value = DIGITS.test(token) ? Number(token) : cardinalValue(token);
  return value !== undefined && value <= 59 ? value : undefined;
};

/** hour:minute on the clock face, or minutes before/after a named hour ("viertel vor elf"). */
const reading = (h: Hour, minutesFromHour: number): Omit<ClockReading, 'dayPart'> | undefined => {
  const total = h.value * 60 + minutesFromHour;
  if (total < 0 || total >= 24 * 60) return undefined;
  const [hour, minute] = [Math.floor(total / 60), total % 60];
  return h.said12
    ? { hour: hour % 12, minute, twelveHour: true }
    : { hour, minute, twelveHour: false };
};

const written = (hour: string, minute: string): Omit<ClockReading, 'dayPart'> | undefined => {
  const h = hourOf(hour);
  const m = minuteOf(minute);
  return h && m !== undefined && h.value < 24 ? reading(h, m) : undefined;
};

/** The clock words once fillers, day parts and a trailing "Uhr" are gone. */
const clockCore = (
  w: readonly string[],
  compact: boolean,
): Omit<ClockReading, 'dayPart'> | undefined => {
  const [a, b, c, d] = w;
  if (w.length === 1) {
    const m = CLOCK.exec(a) ?? (compact ? COMPACT.exec(a) : null);
    if (m) return written(m[1], m[2]);
    const h = hourOf(a);
    return h && h.value < 24 ? reading(h, 0) : undefined;
  }
  if (w.length === 2 && a === 'halb') return withHour(b, -30);
  if (w.length === 2 && a === 'viertel') return withHour(b, -45);
  if (w.length === 2 && a === 'dreiviertel') return withHour(b, -15);
  if (w.length === 3 && a === 'drei' && b === 'viertel') return withHour(c, -15);
  if (w.length === 3 && (b === 'nach' || b === 'vor')) {
    const m = a === 'viertel' ? 15 : minuteOf(a);
    if (m === undefined || m === 0 || m > 30) return undefined;
    return withHour(c, b === 'nach' ? m : -m);
  }
  if (w.length === 4 && c === 'halb' && (b === 'nach' || b === 'vor')) {
    const m = minuteOf(a);
    if (m === undefined || m === 0 || m >= 30) return undefined;
    return withHour(d, b === 'nach' ? m - 30 : -30 - m);
  }
  if (w.length === 2) return written(a, b);
  if (w.length === 3 && b === 'uhr') return written(a, c);
  return undefined;
};

/** A time counted from a named hour: "halb drei" is 2:30, so "halb eins" is 0:30 or 12:30. */
const withHour = (token: string | undefined, minutes: number) => {
  const h = hourOf(token);
  return h && h.value >= 1 ? reading(h, minutes) : undefined;
};

/**
 * Tokens → a clock reading; undefined when they do not name one time of day. Digits without a
 * separator ("1430") count only where no date can stand beside them (compact), or with "Uhr":
 * next to "5. Dezember" a "2026" is a year, not 20:26.
 */
export const parseGermanClockTokens = (
  tokens: readonly string[],
  compact = false,
): ClockReading | undefined => {
  let dayPart: DayPart | undefined;
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // "am Morgen" is a day part; a bare "morgen" is tomorrow and no time.
    const part = t === 'morgen' && tokens[i - 1] === 'am' ? 'morning' : DAY_PARTS.get(t);
    if (part !== undefined) {
      if (dayPart !== undefined && dayPart !== part) return undefined;
      dayPart = part;
    } else if (!FILLERS.has(t)) {
      words.push(t);
    }
  }
  const saidUhr = words.length > 1 && words[words.length - 1] === 'uhr';
  if (saidUhr) words.pop();
  if (words.length === 0) {
    // "mittags" alone is noon; "abends" alone names no time.
    return dayPart === 'noon' ? { hour: 12, minute: 0, twelveHour: false, dayPart } : undefined;
  }
  const core = clockCore(words, compact || saidUhr);
  return core && { ...core, dayPart };
};
