import { Hold } from '../../../../domain/appointment/hold';
import { FreeStart } from '../../../../domain/availability/free-start';
import { NoRoomReason } from '../../../../domain/availability/open-day';
import { DayWindow, formatGermanLocalTime, germanWeekday } from '../../../../domain/language';
import { fitSpoken, joinGerman, shortName } from '../../../../domain/shared/german-messages';
import { LocalDate } from '../../../../domain/shared/local-date';
import {
  NearestDay,
  OpenAvailabilityOutcome,
} from '../../../../application/booking/open-availability.outcomes';
import { aroundPartRenderings } from './around-part.answer';
import { withCalendarVerdicts } from './calendar-verified';
import { answer, FunctionAnswer } from './function-answer';
import { SpokenSalon, spokenIsoDate } from './spoken-salon';
import { spokenServiceName } from './service-names';
import { sharedVisitSaid, StylistOfService } from './shared-visit-said';
import {
  atStylist,
  atStylistsOf,
  NO_ALTERNATIVE,
  slotsSaid,
  SpokenSlot,
  spokenSlot,
} from './spoken-slot';

const PARTS: Record<string, string> = {
  early: 'früh',
  forenoon: 'vormittags',
  noon: 'mittags',
  afternoon: 'nachmittags',
  evening: 'abends',
};
const clock = (minute: number): string =>
  formatGermanLocalTime({ hour: Math.floor(minute / 60), minute: minute % 60 });
const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The part of the day as said back: "nachmittags", "ab 16 Uhr", "zwischen 10 und 12 Uhr". */
export function spokenWindow(window: DayWindow | undefined): string {
  if (!window) return '';
  if (window.kind === 'from') return `ab ${clock(window.fromMinute)}`;
  if (window.kind === 'until') return `bis ${clock(window.toMinute)}`;
  if (window.kind === 'between') {
    return `zwischen ${clock(window.fromMinute)} und ${clock(window.toMinute)}`;
  }
  return PARTS[window.kind];
}

const parts = (iso: LocalDate) => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};
const withPart = (text: string, window: DayWindow | undefined): string =>
  window ? `${text} ${spokenWindow(window)}` : text;

/** "Freitag, 11. Dezember um 13 Uhr, 15:30 Uhr oder 17 Uhr bei Anna" (each day said once). */
const slotList = (slots: readonly SpokenSlot[], cap: number, said = {}) =>
  joinGerman(slotsSaid(slots, said, cap), 'oder');

const holdFact = (hold: Hold | null) =>
  hold
    ? { id: hold.id, start: hold.start.toISOString(), expires_at: hold.expiresAt.toISOString() }
    : null;

/** Said after the starts when other calls took every one offered before it could be held. */
const NOT_RESERVED = ' Noch ist keine davon reserviert.';
const NOT_RESERVED_BRIEF = ' Nicht reserviert.';

type Fit = typeof fitSpoken;

/**
 * fitSpoken, with the sentence the outcome adds after every rendering (if any). Where even the
 * briefest does not fit (a week of next year's dates beside the longest names), the answer's
 * `reserved: false` alone tells the agent.
 */
const fitFor =
  (outcome: OpenAvailabilityOutcome): Fit =>
  (...renderings) => {
    if (!outcome.unreserved) return fitSpoken(...renderings);
    const last = renderings[renderings.length - 1];
    return fitSpoken(
      ...renderings.map((render) => (cap: number) => render(cap) + NOT_RESERVED),
      (cap) => last(cap) + NOT_RESERVED_BRIEF,
      last,
    );
  };

const slotsOf = (salon: SpokenSalon, starts: readonly FreeStart[]) =>
  starts.map((s) => spokenSlot(salon, s.start, s.staffId, s.assignment));

/** Who does which service, when every start offered is shared alike; else undefined. */
function sharingOfAll(slots: readonly SpokenSlot[]): readonly StylistOfService[] | undefined {
  const first = slots[0]?.stylists;
  const same = (s: SpokenSlot) => JSON.stringify(s.stylists) === JSON.stringify(first);
  return first && slots.every(same) ? first : undefined;
}

/**
 * A sentence about starts shared alike, ending in who does what: `said` without its full stop,
 * then ": Herrenhaarschnitt bei Mehmet, danach Färben bei Anna." (", jeweils ..." after several
 * starts); `plain` where no names fit.
 */
const withWhoDoesWhat =
  (
    sharing: readonly StylistOfService[],
    several: boolean,
    said: (cap: number) => string,
    plain: (cap: number) => string,
  ) =>
  (cap: number): string => {
    const who = sharedVisitSaid(sharing, cap);
    if (!who) return plain(cap);
    return `${said(cap)}${several ? ', jeweils' : ':'} ${who}.`;
  };

/** What the caller hears when a day has no room: why, in one sentence. */
function whyNot(
  reason: NoRoomReason,
  when: string,
  stylist: string | undefined,
  brief = false,
): (cap: number) => string {
  const who = (cap: number) => shortName(stylist ?? '', cap) || 'die gewünschte Person';
  switch (reason) {
    case 'closed':
      return () => `${when} ist der Salon geschlossen.`;
    case 'stylist-absent':
      return (cap) => `${when} ist ${who(cap)} leider nicht da.`;
    case 'outside-hours':
      return () => `${when} hat der Salon nicht geöffnet.`;
    case 'too-late':
      return () => `${when} ist leider nichts mehr frei.`;
    case 'too-long':
      return () => `${when} passt das nicht mehr vor Ladenschluss.`;
    case 'too-long-before-break':
      return () => `${when} passt das nicht mehr vor die Pause.`;
    case 'out-of-range':
      // The date reader reads dates forward, so a day out of range lies beyond the horizon.
      return brief
        ? () => `${when} vergebe ich noch keine Termine.`
        : () => `${when} vergebe ich noch keine Termine, so weit im Voraus buchen wir nicht.`;
    case 'fully-booked':
      return stylist
        ? (cap) => `${when} ist ${who(cap)} leider ausgebucht.`
        : () => `${when} ist leider alles ausgebucht.`;
  }
}

const REASON_CODES: Record<NoRoomReason, string> = {
  closed: 'AVAILABILITY.CLOSED_DAY',
  'stylist-absent': 'AVAILABILITY.STYLIST_ABSENT',
  'outside-hours': 'AVAILABILITY.OUTSIDE_OPENING_HOURS',
  'too-late': 'AVAILABILITY.TOO_SHORT_NOTICE',
  'too-long': 'AVAILABILITY.TOO_LONG_BEFORE_CLOSING',
  'too-long-before-break': 'AVAILABILITY.TOO_LONG_BEFORE_BREAK',
  'out-of-range': 'AVAILABILITY.BEYOND_HORIZON',
  'fully-booked': 'AVAILABILITY.FULLY_BOOKED',
};

/**
 * The nearest day offered instead: "Frei wäre Samstag, 12. Dezember um 9 Uhr oder 15 Uhr."; a
 * day before the days asked (none after them) is said as earlier.
 */
const instead = (
  slots: readonly SpokenSlot[],
  cap: number,
  said = {},
  earlier = false,
  brief = false,
): string => {
  if (slots.length === 0) return NO_ALTERNATIVE;
  if (!earlier) return `Frei wäre ${slotList(slots, cap, said)}.`;
  const list = slotList(slots, cap, said);
  return brief
    ? `Vorher wäre ${list} frei.`
    : `Danach ist nichts frei, vorher wäre noch ${list} frei.`;
};

/** An open question's answer (check_availability without a time) as the agent hears it. */
export function presentOpenAvailability(
  salon: SpokenSalon,
  outcome: OpenAvailabilityOutcome,
): FunctionAnswer {
  const { service, stylist, window, hold, verdicts } = outcome;
  const base = {
    service: spokenServiceName(service),
    staff: stylist?.name ?? null,
    part: window ? { from: hhmm(window.fromMinute), to: hhmm(window.toMinute) } : null,
    hold: holdFact(hold),
    ...(outcome.unreserved ? { reserved: false } : {}),
  };
  return withCalendarVerdicts(spoken(salon, outcome, base), verdicts);
}

function spoken(
  salon: SpokenSalon,
  outcome: OpenAvailabilityOutcome,
  base: Record<string, unknown>,
): FunctionAnswer {
  const { window, stylist } = outcome;
  const fit = fitFor(outcome);
  switch (outcome.kind) {
    case 'open-day': {
      const slots = slotsOf(salon, outcome.starts);
      const day = spokenIsoDate(salon, outcome.date);
      const lead = withPart(`Am ${day}`, window);
      const sentence = (cap: number) =>
        `${lead} wäre frei um ${slotList(slots, cap, { date: slots[0].date })}.`;
      const sharing = sharingOfAll(slots);
      // Shared alike: the names said once, with who does what.
      const said = { date: slots[0].date, staff: slots[0].staff };
      const message = sharing
        ? fit(
            withWhoDoesWhat(
              sharing,
              slots.length > 1,
              (cap) => `${lead} wäre frei um ${slotList(slots, cap, said)}`,
              sentence,
            ),
            sentence,
          )
        : fit(sentence);
      return answer('OK', message, { ...base, available: true, date: outcome.date, slots });
    }
    case 'earliest': {
      const slots = slotsOf(salon, outcome.starts);
      const lead = withPart('Der nächste freie Termin', window);
      const first = (cap: number) => `${lead} ist ${slotList(slots.slice(0, 1), cap)}`;
      const more = (cap: number) =>
        joinGerman(
          slotsSaid(slots.slice(1), { date: slots[0].date, staff: slots[0].staff }, cap),
          'oder',
        );
      const message =
        slots.length > 1
          ? fit(
              (cap) => `${first(cap)}, außerdem ${more(cap)}.`,
              (cap) => `${first(cap)}.`,
            )
          : fit((cap) => `${first(cap)}.`);
      return answer('OK', message, { ...base, available: true, date: outcome.date, slots });
    }
    case 'open-week':
      return weekAnswer(salon, outcome, base);
    case 'none-that-day':
    case 'none-those-days':
      return noRoomAnswer(salon, outcome, base);
    case 'none-in-horizon':
      return answer('AVAILABILITY.NONE_FREE', NO_ALTERNATIVE, {
        ...base,
        available: false,
        slots: [],
        staff: stylist?.name ?? null,
      });
  }
}

/** "A, B sowie C": a list whose items may hold "und" themselves ("bei Mehmet und Anna"). */
const andAlso = (items: readonly string[]): string =>
  items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} sowie ${items[items.length - 1]}`;

function weekAnswer(
  salon: SpokenSalon,
  outcome: Extract<OpenAvailabilityOutcome, { kind: 'open-week' }>,
  base: Record<string, unknown>,
): FunctionAnswer {
  const { days, stylist, window } = outcome;
  const fit = fitFor(outcome);
  const listed = days.map((d) => ({
    date: d.date,
    weekday: germanWeekday(parts(d.date)),
    first: spokenSlot(salon, d.first.start, d.first.staffId, d.first.assignment),
  }));
  // Weekdays alone are clear when the days lie within one week; else the dates are said.
  const span = Date.parse(days[days.length - 1].date) - Date.parse(days[0].date);
  const name = (d: (typeof listed)[number]) => (span < 7 * 86_400_000 ? d.weekday : d.first.date);
  const rest = (shown: number) =>
    listed.length > shown ? [`${listed.length - shown} weiteren Tagen`] : [];
  const sharing = sharingOfAll(listed.map((d) => d.first));
  const anyShared = listed.some((d) => d.first.stylists);
  const SHOWN = [7, 5, 3, 2, 1];
  const said = (shown: number) =>
    listed.slice(0, shown).map((d) => `${name(d)} ab ${d.first.time}`);
  let message: string;
  if (!anyShared) {
    const sentence = (shown: number) => (cap: number) =>
      `${withPart(`Frei ist${stylist ? atStylist(stylist.name, cap) : ''}`, window)} am ${joinGerman([...said(shown), ...rest(shown)])}.`;
    message = fit(...SHOWN.map(sentence));
  } else if (sharing) {
    // Every day shared alike (a stylist asked who does part): who does what, said once.
    const days = (shown: number) => joinGerman([...said(shown), ...rest(shown)]);
    const lead = (shown: number) => `${withPart('Frei ist', window)} am ${days(shown)}`;
    const several = listed.length > 1;
    const full = (shown: number) =>
      withWhoDoesWhat(
        sharing,
        several,
        () => lead(shown),
        (cap) => names(shown)(cap),
      );
    const names = (shown: number) => (cap: number) =>
      `${lead(shown)}${several ? ', jeweils' : ''}${atStylistsOf(listed[0].first, cap)}.`;
    message = fit(...SHOWN.slice(0, 3).map(full), ...SHOWN.map(names), ...SHOWN.slice(3).map(full));
  } else {
    // Days of one stylist beside shared days: each day says its stylists.
    const said = (shown: number, cap: number) =>
      listed
        .slice(0, shown)
        .map((d) => `${name(d)} ab ${d.first.time}${atStylistsOf(d.first, cap)}`);
    const sentence = (shown: number) => (cap: number) =>
      `${withPart('Frei ist', window)} am ${andAlso([...said(shown, cap), ...rest(shown)])}.`;
    message = fit(...SHOWN.map(sentence));
  }
  return answer('OK', message, { ...base, available: true, days: listed });
}

function noRoomAnswer(
  salon: SpokenSalon,
  outcome: Extract<OpenAvailabilityOutcome, { kind: 'none-that-day' | 'none-those-days' }>,
  base: Record<string, unknown>,
): FunctionAnswer {
  const { reason, nearest, stylist, window } = outcome;
  const fit = fitFor(outcome);
  const days =
    outcome.kind === 'none-that-day'
      ? `Am ${spokenIsoDate(salon, outcome.date)}`
      : `Von ${spokenIsoDate(salon, outcome.dates[0])} bis ${spokenIsoDate(salon, outcome.dates[outcome.dates.length - 1])}`;
  const why = whyNot(reason, withPart(days, window), stylist?.name);
  // The briefest: the days without the part of the day (it stays in `part`), the short reason.
  const briefWhy = whyNot(reason, days, stylist?.name, true);
  const slots = nearestSlots(salon, nearest);
  const said = { staff: stylist?.name };
  // Beyond the horizon, the reason already says the day offered lies before the days asked.
  const earlier = nearest?.earlier === true && reason !== 'out-of-range';
  const aroundPart = nearest?.aroundPart && window && outcome.kind === 'none-that-day';
  const message = aroundPart
    ? fit(
        ...aroundPartRenderings({
          part: spokenWindow(window),
          reason,
          service: spokenServiceName(outcome.service),
          stylist: stylist?.name,
          day: spokenIsoDate(salon, outcome.date),
          slots,
        }),
      )
    : fit(
        (cap) => `${why(cap)} ${instead(slots, cap, said, earlier)}`,
        (cap) => `${why(cap)} ${instead(slots.slice(0, 1), cap, said, earlier)}`,
        (cap) => `${why(cap)} ${instead(slots.slice(0, 1), cap, said, earlier, true)}`,
        (cap) => `${briefWhy(cap)} ${instead(slots.slice(0, 1), cap, said, earlier, true)}`,
      );
  return answer(REASON_CODES[reason], message, {
    ...base,
    available: false,
    reason,
    ...(outcome.kind === 'none-that-day' ? { date: outcome.date } : { dates: outcome.dates }),
    nearest: nearest
      ? {
          date: nearest.date,
          slots,
          ...(nearest.earlier ? { earlier: true } : {}),
          ...(nearest.aroundPart ? { same_day: true } : {}),
        }
      : null,
  });
}

const nearestSlots = (salon: SpokenSalon, nearest: NearestDay | undefined): SpokenSlot[] =>
  nearest ? slotsOf(salon, nearest.starts) : [];
