import { SlotTaken } from '../../../../domain/availability/availability.errors';
import { BusyKind } from '../../../../domain/availability/busy-interval';
import { err, ok, Result } from '../../../../domain/shared/result';

/** `place_hold(…) AS in_the_way`: the kind of block in the way, or null once placed. */
export interface PlacedHoldRow {
  in_the_way: BusyKind | null;
}

export const toPlacement = (row: PlacedHoldRow): Result<void, SlotTaken> =>
  row.in_the_way === null ? ok(undefined) : err(new SlotTaken(row.in_the_way));
