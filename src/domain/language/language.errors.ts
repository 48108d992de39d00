import { DomainError } from '../shared/domain-error';
import { formatGermanLocalDate, formatGermanLocalTime as spoken } from './german-date.formatter';
import { DateParts } from './date-parts';
import { LocalTime } from './local-time';

/** The agent sent a day we cannot read; the caller is asked again, nothing is guessed. */
export class DateNotUnderstood extends DomainError {
  readonly code = 'LANGUAGE.DATE_NOT_UNDERSTOOD';
  readonly message = 'Welchen Tag meinen Sie genau?';
}

// Up to this many days are named one by one; more are named by their first and last.
const DAYS_NAMED_ONE_BY_ONE = 3;

/**
 * The agent sent a phrase that names no single day ("Anfang nächster Woche", "irgendwann im
 * Januar"): the caller is asked which of the days it could mean, nothing is guessed.
 */
export class DateAmbiguous extends DomainError {
  readonly code = 'LANGUAGE.DATE_AMBIGUOUS';
  readonly message: string;

  /** days: in calendar order, at least one. */
  constructor(readonly days: readonly DateParts[]) {
    super();
    const named = days.map((d) => formatGermanLocalDate(d));
    if (named.length > DAYS_NAMED_ONE_BY_ONE) {
      this.message = `An welchem Tag genau, zwischen ${named[0]} und ${named[named.length - 1]}?`;
    } else if (named.length === 1) {
      this.message = `Meinen Sie ${named[0]}?`;
    } else {
      // "Montag, 14. Dezember, oder Dienstag, 15. Dezember": each date closed by a comma.
      const last = named.pop() as string;
      this.message = `Meinen Sie ${named.map((n) => `${n}, `).join('')}oder ${last}?`;
    }
  }
}

/** The agent sent a time we cannot read, or none at all. */
export class TimeNotUnderstood extends DomainError {
  readonly code = 'LANGUAGE.TIME_NOT_UNDERSTOOD';
  readonly message = 'Um wie viel Uhr möchten Sie kommen?';
}

/** "um acht" when the salon is open at 8 and at 20: the caller decides, not we. */
export class TimeAmbiguous extends DomainError {
  readonly code = 'LANGUAGE.TIME_AMBIGUOUS';
  readonly message: string;

  constructor(readonly readings: readonly [LocalTime, LocalTime]) {
    super();
    const [early, late] = readings;
    this.message = `Meinen Sie ${spoken(early)} morgens oder ${spoken(late)}?`;
  }
}

/** A wall time that the spring clock change skips (e.g. 02:30 on the last Sunday of March). */
export class TimeSkippedByClockChange extends DomainError {
  readonly code = 'LANGUAGE.TIME_SKIPPED_BY_CLOCK_CHANGE';
  readonly message =
    'Diese Uhrzeit gibt es wegen der Zeitumstellung an dem Tag nicht. Welche Uhrzeit meinen Sie?';
}
