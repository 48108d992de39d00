import type { TimeRange } from '../../domain/shared/time-range';

/** Bookings made in the external calendar outside this service block the stylist here. */
export const OUTSIDE_CALENDAR_BLOCKS = Symbol('OutsideCalendarBlocks');

export type BlockOutcome =
  | { readonly kind: 'blocked' }
  | { readonly kind: 'duplicate' }
  /** Our own appointments hold that time: the block is kept inactive and they are named. */
  | { readonly kind: 'overlap'; readonly appointmentIds: readonly string[] };

export interface OutsideCalendarBlocks {
  block(
    companyId: string,
    staffId: string,
    externalUid: string,
    range: TimeRange,
  ): Promise<BlockOutcome>;
  /** True when a block with that uid was active. */
  release(companyId: string, externalUid: string): Promise<boolean>;
  /**
   * Moves the block of `fromUid` (now known as `toUid`); blocks it anew when none exists. A block
   * of `toUid` already at `range` is the same move again: a duplicate.
   */
  move(
    companyId: string,
    staffId: string,
    fromUid: string,
    toUid: string,
    range: TimeRange,
  ): Promise<BlockOutcome>;
}
