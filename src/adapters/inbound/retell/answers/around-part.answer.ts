import { NoRoomReason } from '../../../../domain/availability/open-day';
import { joinGerman, shortName } from '../../../../domain/shared/german-messages';
import { slotsSaid, SpokenSlot } from './spoken-slot';

/** What the caller hears about a part of the day without room, said with the part first. */
function partWithoutRoom(
  reason: NoRoomReason,
  service: string,
  stylist: string | undefined,
): (cap: number) => string {
  const who = (cap: number) => shortName(stylist ?? '', cap) || 'die gewünschte Person';
  const what = (cap: number) => shortName(service, cap) || 'das';
  switch (reason) {
    case 'too-long-before-break':
      return (cap) => `passt ${what(cap)} nicht mehr vor die Pause`;
    case 'too-long':
      return (cap) => `passt ${what(cap)} nicht mehr vor Ladenschluss`;
    case 'too-late':
      return () => 'ist leider nichts mehr frei';
    case 'stylist-absent':
      return (cap) => `ist ${who(cap)} leider nicht da`;
    case 'fully-booked':
      return stylist
        ? (cap) => `ist ${who(cap)} leider ausgebucht`
        : () => 'ist leider alles ausgebucht';
    default:
      return () => 'ist leider nichts frei';
  }
}

/**
 * "Mittags passt Färben nicht mehr vor die Pause; am Dienstag, 1. Dezember ginge 11:15 Uhr oder
 * 14 Uhr.": the part asked had no room, and the same day offers starts just around it. Each
 * rendering is shorter than the one before; the last fits at any name length.
 */
export function aroundPartRenderings(p: {
  /** The part of the day as said back ("mittags", "zwischen 11 Uhr und 13 Uhr"). */
  part: string;
  reason: NoRoomReason;
  service: string;
  stylist: string | undefined;
  day: string;
  slots: readonly SpokenSlot[];
}): Array<(cap: number) => string> {
  const lead = p.part.charAt(0).toUpperCase() + p.part.slice(1);
  const why = partWithoutRoom(p.reason, p.service, p.stylist);
  const said = { date: p.slots[0]?.date, staff: p.stylist };
  const times = (slots: readonly SpokenSlot[], cap: number) =>
    joinGerman(slotsSaid(slots, said, cap), 'oder');
  const first = p.slots.slice(0, 1);
  return [
    (cap) => `${lead} ${why(cap)}; am ${p.day} ginge ${times(p.slots, cap)}.`,
    (cap) => `${lead} ${why(0)}; am ${p.day} ginge ${times(p.slots, cap)}.`,
    (cap) => `${lead} ist nichts frei; am ${p.day} ginge ${times(first, cap)}.`,
    (cap) => `${lead} ist nichts frei; am selben Tag ginge ${times(first, cap)}.`,
  ];
}
