import { IsoWeekday } from '../../domain/shared/local-date';
import { WeeklyHours, WeeklyHoursInput } from '../../domain/salon/weekly-hours';
import { SalonFileHours, WEEKDAY_KEYS } from './salon-file';
import { Complain, FIELDS, isObj, onlyKnown } from './salon-file-fields';

const WALL = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (wall: string): number => Number(wall.slice(0, 2)) * 60 + Number(wall.slice(3));

/** Opening or working hours: weekday keys to lists of {from, to}; the hours when all is well. */
export function checkHours(
  raw: unknown,
  at: string,
  bad: Complain,
  required: boolean,
): WeeklyHours | undefined {
  if (!isObj(raw)) {
    if (required || raw !== undefined)
      bad(at, 'must map weekdays (mon..sun) to lists of {from, to}');
    return undefined;
  }
  const input: WeeklyHoursInput = {};
  let fine = true;
  for (const key of Object.keys(raw)) {
    const day = WEEKDAY_KEYS.indexOf(key as (typeof WEEKDAY_KEYS)[number]);
    if (day < 0) {
      bad(`${at}.${key}`, 'is not a weekday key (mon, tue, wed, thu, fri, sat, sun)');
      fine = false;
      continue;
    }
    const windows = (raw as SalonFileHours)[WEEKDAY_KEYS[day]];
    if (!Array.isArray(windows)) {
      bad(`${at}.${key}`, 'must be a list of {from, to}');
      fine = false;
      continue;
    }
    if (!checkWindows(windows, `${at}.${key}`, bad)) fine = false;
    input[(day + 1) as IsoWeekday] = windows as SalonFileHours['mon'];
  }
  if (!fine) return undefined;
  const hours = WeeklyHours.create(input);
  if (!hours.ok) {
    bad(at, hours.error.detail);
    return undefined;
  }
  return hours.value;
}

/** One day's windows: each well formed, forwards, and apart from the others. */
function checkWindows(windows: unknown[], at: string, bad: Complain): boolean {
  let fine = true;
  const spans: Array<[number, number]> = [];
  windows.forEach((w, j) => {
    const f = `${at}[${j}]`;
    if (isObj(w)) onlyKnown(w, FIELDS.window, f, bad);
    if (
      !isObj(w) ||
      typeof w.from !== 'string' ||
      typeof w.to !== 'string' ||
      !WALL.test(w.from) ||
      !WALL.test(w.to)
    ) {
      bad(f, 'must be {from: "HH:mm", to: "HH:mm"}');
      fine = false;
    } else if (minutesOf(w.to) <= minutesOf(w.from)) {
      bad(f, `ends (${w.to}) before it starts (${w.from})`);
      fine = false;
    } else {
      const span: [number, number] = [minutesOf(w.from), minutesOf(w.to)];
      if (spans.some(([a, b]) => span[0] < b && a < span[1])) {
        bad(f, 'overlaps another window of the same day');
        fine = false;
      }
      spans.push(span);
    }
  });
  return fine;
}
