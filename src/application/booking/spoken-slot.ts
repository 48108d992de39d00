import { formatGermanDate, formatGermanTime } from '../../domain/language';
import { FreeStart } from '../../domain/availability/free-start';
import { BranchContext } from '../ports/salon-catalog.port';

/** A start as the agent reads it out and as the next function call can send it back. */
export interface SpokenSlot {
  readonly start: string;
  readonly date: string;
  readonly time: string;
  readonly staff: string;
  readonly spoken: string;
}

export function spokenSlot(salon: BranchContext, start: Date, staffId: string): SpokenSlot {
  const zone = salon.branch.timeZone;
  const staff = salon.staff.find((s) => s.id === staffId)?.name ?? '';
  const date = formatGermanDate(start, zone);
  const time = formatGermanTime(start, zone);
  return {
    start: start.toISOString(),
    date,
    time,
    staff,
    spoken: `${date} um ${time} bei ${staff}`,
  };
}

export function spokenAlternatives(
  salon: BranchContext,
  starts: readonly FreeStart[],
): SpokenSlot[] {
  return starts.map((f) => spokenSlot(salon, f.start, f.staffId));
}

/** "Ich kann Ihnen A oder B anbieten." or the sentence for no alternative at all. */
export function offerSentence(slots: readonly SpokenSlot[]): string {
  if (slots.length === 0)
    return 'In nächster Zeit habe ich dafür leider keinen freien Termin gefunden.';
  return `Ich kann Ihnen ${slots.map((s) => s.spoken).join(' oder ')} anbieten.`;
}
