import type { CalendarGateway } from '../ports/calendar-gateway.port';

/** The part of the calendar port that drops cached slot answers. */
export type SlotAnswerCache = Pick<CalendarGateway, 'invalidateSlots'>;

/** A stylist as the slot cache keys them: tenant, branch, stylist. */
export interface StylistInBranch {
  readonly companyId: string;
  readonly branchId: string | null | undefined;
  readonly staffId: string;
}

/**
 * A booking changed in the external calendar, so its cached slot answers for that stylist are
 * stale, whatever we made of the event here. An unreachable cache costs freshness only (its TTL
 * bounds it), never the event.
 */
export async function dropSlotAnswers(
  cache: SlotAnswerCache,
  ...stylists: ReadonlyArray<StylistInBranch | null | undefined>
): Promise<void> {
  const seen = new Set<string>();
  for (const s of stylists) {
    // Answers are cached per branch; without one there is nothing we could have cached.
    if (!s?.branchId) continue;
    const key = `${s.companyId}/${s.branchId}/${s.staffId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      await cache.invalidateSlots({
        companyId: s.companyId,
        branchId: s.branchId,
        staffId: s.staffId,
      });
    } catch {
      // See above: the TTL bounds how long an old answer may live.
    }
  }
}
