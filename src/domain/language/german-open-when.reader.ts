import { toIsoDate } from './date-parts';
import { readDateText } from './german-date.resolver';
import { parseIsoDateTime } from './iso-date-time.parser';
import { DayWindow, parseGermanDayWindow, splitDayWindow } from './german-day-window.parser';
import { todayIn } from './zoned-clock';
import type { LocalDate } from '../shared/local-date';

/**
 * When the caller asked without naming a time: one day, several days ("diese Woche"), or no
 * day at all ("Wann ist der nächste freie Termin?"); each maybe within a part of the day.
 */
export type OpenWhen =
  | { readonly kind: 'day'; readonly date: LocalDate; readonly window?: DayWindow }
  | { readonly kind: 'days'; readonly dates: readonly LocalDate[]; readonly window?: DayWindow }
  | { readonly kind: 'any'; readonly window?: DayWindow };

interface DayReadingContext {
  readonly now: Date;
  readonly zone: string;
}

const dayOf = (text: string, ctx: DayReadingContext, window?: DayWindow): OpenWhen | undefined => {
  // "2026-12-11T10:00:00Z" names a time too: a precise question.
  if (parseIsoDateTime(text, ctx.zone)?.time) return undefined;
  const reading = readDateText(text, todayIn(ctx.now, ctx.zone), ctx.zone);
  if (!reading) return undefined;
  return reading.kind === 'day'
    ? { kind: 'day', date: toIsoDate(reading.date), window }
    : { kind: 'days', dates: reading.days.map(toIsoDate), window };
};

/**
 * Date and time texts as the agent sent them, read as an open question: no time, or a part of
 * the day in place of one ("nachmittags", "nach 16 Uhr", also inside the date text: "Freitag
 * zwischen 10 und 12"). Undefined when the texts ask about an exact time (or name nothing
 * readable): then they are a precise question and read as one.
 */
export const readOpenWhen = (
  dateText: string,
  timeText: string,
  ctx: DayReadingContext,
): OpenWhen | undefined => {
  const [date, time] = [dateText.trim(), timeText.trim()];
  let window: DayWindow | undefined;
  if (time) {
    window = parseGermanDayWindow(time);
    if (!window) return undefined;
  }
  if (!date) return { kind: 'any', window };
  if (window) return dayOf(date, ctx, window);
  // The date reader lets day-part words stand beside a day, so the window is looked for first.
  for (const cut of splitDayWindow(date)) {
    const found = dayOf(cut.dayText, ctx, cut.window);
    if (found) return found;
  }
  const inWindowAlone = parseGermanDayWindow(date);
  if (inWindowAlone) return { kind: 'any', window: inWindowAlone };
  return dayOf(date, ctx);
};
