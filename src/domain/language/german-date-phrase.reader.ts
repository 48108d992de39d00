import { DateReading, oneDay } from './german-date.reading';
import { dateWords, parseGermanDateTokens } from './german-date.parser';
import { parseGermanDateOffset } from './german-date-offset.parser';
import { parseGermanVagueDate } from './german-vague-date.parser';
import { LocalDate } from './local-date';

/**
 * Tokens → one day ("Freitag", "heute in einer Woche"), the days a vague phrase could mean
 * ("Anfang nächster Woche"), or undefined when the words name no day at all.
 * withDayParts: day-part words ("nachmittags", "Freitag morgen") may stand beside the date.
 */
export const readGermanDate = (
  tokens: readonly string[],
  today: LocalDate,
  withDayParts = true,
): DateReading | undefined => {
  const words = dateWords(tokens, withDayParts);
  const day = parseGermanDateTokens(words, today, false);
  if (day) return oneDay(day);
  return parseGermanDateOffset(words, today) ?? parseGermanVagueDate(words, today);
};
