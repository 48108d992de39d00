import { formatGermanTime } from '../../../../domain/language';
import { FreeStart } from '../../../../domain/availability/free-start';
import { joinGerman, shortName } from '../../../../domain/shared/german-messages';
import { ServiceStylist } from '../../../../domain/salon/visit-assignment';
import { stylistsOfServices, StylistOfService } from './shared-visit-said';
import { SpokenSalon, spokenDateOf } from './spoken-salon';

/** A start as the agent reads it out and as the next function call can send it back. */
export interface SpokenSlot {
  readonly start: string;
  readonly date: string;
  readonly time: string;
  readonly staff: string;
  readonly spoken: string;
  /** A visit shared by stylists: who does which service. */
  readonly stylists?: readonly StylistOfService[];
}

/**
 * A start as spoken; `assignment`: a visit shared by stylists, whose stylists are named
 * together ("bei Mehmet und Lena") and, service by service, in `stylists`.
 */
export function spokenSlot(
  salon: SpokenSalon,
  start: Date,
  staffId: string,
  assignment?: readonly ServiceStylist[],
): SpokenSlot {
  const zone = salon.branch.timeZone;
  const stylists = assignment && stylistsOfServices(salon, assignment);
  const staff = stylists
    ? joinGerman([...new Set(stylists.map((s) => s.staff))])
    : (salon.staff.find((s) => s.id === staffId)?.name ?? '');
  const date = spokenDateOf(salon, start);
  const time = formatGermanTime(start, zone);
  return {
    start: start.toISOString(),
    date,
    time,
    staff,
    spoken: `${date} um ${time} bei ${staff}`,
    ...(stylists ? { stylists } : {}),
  };
}

export function spokenAlternatives(salon: SpokenSalon, starts: readonly FreeStart[]): SpokenSlot[] {
  return starts.map((f) => spokenSlot(salon, f.start, f.staffId, f.assignment));
}

/** What the sentence has named already, so that a slot after it need not say it again. */
export interface AlreadySaid {
  /** The spoken day last named, e.g. the wish's "Freitag, 4. Dezember". */
  readonly date?: string;
  /** The stylist the caller asked for or the sentence named. */
  readonly staff?: string;
}

/** " bei Anna", shortened to the name cap; '' when the cap leaves no name. */
export const atStylist = (staff: string, cap: number): string => {
  const name = shortName(staff, cap);
  return name ? ` bei ${name}` : '';
};

/**
 * " bei Mehmet und Anna" for a shared start: each stylist's name shortened on its own, so a
 * long first name never cuts off the others; a start of one stylist as atStylist says it.
 */
export const atStylistsOf = (slot: SpokenSlot, cap: number): string => {
  if (!slot.stylists) return atStylist(slot.staff, cap);
  const names = [...new Set(slot.stylists.map((s) => s.staff))].map((n) => shortName(n, cap));
  return names.every((n) => n) ? ` bei ${joinGerman(names)}` : '';
};

/**
 * Slots as said one after the other: each day once ("Freitag, 4. Dezember um 15 Uhr oder
 * 15:15 Uhr"), a stylist shared by all of them once, at the end (unless already named). Where
 * stylists differ, each run of one stylist ends with its name ("15 Uhr, 15:30 Uhr bei Anna oder
 * 16 Uhr bei Ben"): a name said only at a run's start is heard as the name of the times after it.
 */
export function slotsSaid(
  slots: readonly SpokenSlot[],
  said: AlreadySaid = {},
  cap = Infinity,
): string[] {
  const shared = slots.every((s) => s.staff === slots[0]?.staff) ? slots[0]?.staff : undefined;
  let lastDate = said.date;
  const parts = slots.map((s, i) => {
    const when = s.date === lastDate ? s.time : `${s.date} um ${s.time}`;
    lastDate = s.date;
    if (shared !== undefined || slots[i + 1]?.staff === s.staff) return when;
    return when + atStylistsOf(s, cap);
  });
  if (shared && shared !== said.staff && parts.length > 0) {
    parts[parts.length - 1] += atStylistsOf(slots[0], cap);
  }
  return parts;
}

export const NO_ALTERNATIVE =
  'In nächster Zeit habe ich dafür leider keinen freien Termin gefunden.';

/** "Ich kann Ihnen A oder B anbieten." or the sentence for no alternative at all. */
export function offerSentence(slots: readonly SpokenSlot[], said?: AlreadySaid, cap?: number) {
  if (slots.length === 0) return NO_ALTERNATIVE;
  return `Ich kann Ihnen ${joinGerman(slotsSaid(slots, said, cap), 'oder')} anbieten.`;
}

/** The offer in fewer words: "Frei wäre A oder B." */
export function shortOffer(slots: readonly SpokenSlot[], said?: AlreadySaid, cap?: number) {
  if (slots.length === 0) return 'Sonst ist in nächster Zeit nichts frei.';
  return `Frei wäre ${joinGerman(slotsSaid(slots, said, cap), 'oder')}.`;
}
