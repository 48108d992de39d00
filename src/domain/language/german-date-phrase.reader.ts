import { DateReading, oneDay, someDays } from './german-date.reading';
import { dateWords, parseGermanDateTokens } from './german-date.parser';
import { parseGermanDateOffset } from './german-date-offset.parser';
import { parseGermanVagueDate } from './german-vague-date.parser';
import { DateParts } from './date-parts';

/**
 * Tokens → one day ("Freitag", "heute in einer Woche"), the days a vague phrase could mean
 * ("Anfang nächster Woche"), or undefined when the words name no day at all.
 * withDayParts: day-part words ("nachmittags", "Freitag morgen") may stand beside the date.
 */
export const readGermanDate = (
  tokens: readonly string[],
  today: DateParts,
  withDayParts = true,
): DateReading | undefined => {
  const words = dateWords(tokens, withDayParts);
  return words.includes('oder') ? eitherOf(words, today) : readWords(words, today);
};

/** "morgen oder übermorgen", "Freitag oder Samstag": every day each side names, asked back. */
const eitherOf = (words: readonly string[], today: DateParts): DateReading | undefined => {
  const sides: string[][] = [[]];
  for (const w of words) {
    if (w === 'oder') sides.push([]);
    else sides[sides.length - 1].push(w);
  }
  const days: DateParts[] = [];
  for (const side of sides) {
    const reading = readWords(side, today);
    if (!reading) return undefined;
    days.push(...(reading.kind === 'day' ? [reading.date] : reading.days));
  }
  return someDays(days);
};

const readWords = (words: readonly string[], today: DateParts): DateReading | undefined => {
  const day = parseGermanDateTokens(words, today, false);
  if (day) return oneDay(day);
  return parseGermanDateOffset(words, today) ?? parseGermanVagueDate(words, today);
};
