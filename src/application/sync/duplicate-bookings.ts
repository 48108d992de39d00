import type { Appointment } from '../../domain/appointment/appointment';
import type { CalendarBookingLedger } from '../ports/calendar-booking-ledger.port';
import type { CalendarGateway, ListedBooking } from '../ports/calendar-gateway.port';
import {
  ledgerEntryFor,
  type ListedBookingCanceller,
  type OursInCalendar,
} from './listed-booking-canceller';
import { describe } from './phase-booker';

/** Why the booking that stays is the one. */
export type KeptBecause = 'recorded_on_phase' | 'in_ledger' | 'at_phase_time' | 'earliest_created';

export interface KeeperHints {
  /** Uids the ledger holds as live for this phase. */
  readonly inLedger: ReadonlySet<string>;
  readonly phaseStart: Date;
}

/**
 * Of several live bookings of one phase, the one to keep when the phase's own booking is not
 * among them: one the ledger records, else one at the phase's time, else the earliest created
 * (the calendar's creation time, then its numeric id, which grows with creation).
 */
export function chooseKeeper(
  bookings: readonly ListedBooking[],
  hints: KeeperHints,
): { keeper: ListedBooking; because: KeptBecause } {
  const atTime = (b: ListedBooking) => b.start.getTime() === hints.phaseStart.getTime();
  const created = (b: ListedBooking) => b.createdAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const rank = (b: ListedBooking) => [
    hints.inLedger.has(b.uid) ? 0 : 1,
    atTime(b) ? 0 : 1,
    created(b),
    b.externalId,
  ];
  const [keeper] = [...bookings].sort((x, y) => {
    const a = rank(x);
    const b = rank(y);
    const i = a.findIndex((v, n) => v !== b[n]);
    return i < 0 ? 0 : a[i] - b[i];
  });
  const because: KeptBecause = hints.inLedger.has(keeper.uid)
    ? 'in_ledger'
    : atTime(keeper)
      ? 'at_phase_time'
      : 'earliest_created';
  return { keeper, because };
}

export type DuplicateOutcome =
  | { readonly kind: 'done'; readonly cancelled: number }
  | { readonly kind: 'retry'; readonly reason: string };

export type ReconcileNote = (
  companyId: string,
  appointmentId: string,
  action: string,
  details: Record<string, unknown>,
) => Promise<void>;

const isLive = (b: { status: string }) => b.status !== 'cancelled' && b.status !== 'rejected';
const NOTHING: DuplicateOutcome = { kind: 'done', cancelled: 0 };

/** The booking that stays for a phase, and why it is the one. */
interface Kept {
  readonly keptUid: string;
  readonly because: KeptBecause;
}

/**
 * Finds phases of ours that hold more than one live booking in the external calendar (the worst
 * sync incident: the stylist looks double-booked) and cancels all but one. The phase's own
 * booking stays when it is live, even when the listing did not show it (a listing may be cut at
 * its page limit); otherwise `chooseKeeper` picks one, and the ledger learns it. Each cancel is
 * audited. While an appointment's sync is pending the sync job owns its bookings.
 */
export class DuplicateBookings {
  constructor(
    private readonly calendar: CalendarGateway,
    private readonly ledger: CalendarBookingLedger,
    private readonly canceller: ListedBookingCanceller,
    private readonly note: ReconcileNote,
  ) {}

  async resolve(
    companyId: string,
    live: readonly OursInCalendar[],
    appointmentOf: (id: string) => Promise<Appointment | null>,
  ): Promise<DuplicateOutcome> {
    let cancelled = 0;
    for (const group of byPhase(live)) {
      const outcome = await this.resolvePhase(companyId, group, appointmentOf);
      if (outcome.kind === 'retry') return outcome;
      cancelled += outcome.cancelled;
    }
    return { kind: 'done', cancelled };
  }

  /** One phase's live bookings: all but one are cancelled when there are more than one. */
  private async resolvePhase(
    companyId: string,
    group: readonly OursInCalendar[],
    appointmentOf: (id: string) => Promise<Appointment | null>,
  ): Promise<DuplicateOutcome> {
    const { appointmentId, phaseId } = group[0];
    const appointment = await appointmentOf(appointmentId);
    const phase = appointment?.phases.find((p) => p.id === phaseId);
    if (
      !appointment ||
      !phase ||
      appointment.status !== 'scheduled' ||
      appointment.syncState === 'pending' ||
      appointment.syncState === 'failed'
    ) {
      return NOTHING;
    }
    const recordedUid = phase.calcomBookingUid;
    const recordedListed = group.some((g) => g.booking.uid === recordedUid);
    if (group.length === 1 && (!recordedUid || recordedListed)) return NOTHING;

    const recordedLive = await this.stillLive(recordedUid, recordedListed, group);
    if (typeof recordedLive !== 'boolean') return recordedLive;
    const kept: Kept =
      recordedUid && recordedLive
        ? { keptUid: recordedUid, because: 'recorded_on_phase' }
        : await this.keepOne(companyId, group, phase.start);
    return this.cancelExtras(companyId, group, kept);
  }

  /** Whether the phase's own booking is live; not in the listing, the calendar is asked. */
  private async stillLive(
    recordedUid: string | undefined,
    listed: boolean,
    group: readonly OursInCalendar[],
  ): Promise<boolean | DuplicateOutcome> {
    if (!recordedUid || listed) return listed;
    // Not in the listing: ask for it, the listing may be cut or behind.
    const entry = await this.ledger.findByUid(recordedUid);
    let live: boolean;
    try {
      const booking = await this.calendar.getBooking({
        credentialRef: entry?.credentialRef ?? group[0].credentialRef,
        uid: recordedUid,
      });
      live = booking !== null && isLive(booking);
    } catch (error) {
      return { kind: 'retry', reason: `reconciliation duplicate lookup: ${describe(error)}` };
    }
    if (!live && entry?.state === 'live') {
      await this.ledger.mark(recordedUid, 'cancelled', 'vanished from the calendar');
    }
    return live;
  }

  /** Without the phase's own booking live, chooseKeeper picks one, and the ledger learns it. */
  private async keepOne(
    companyId: string,
    group: readonly OursInCalendar[],
    phaseStart: Date,
  ): Promise<Kept> {
    const inLedger = new Set<string>();
    for (const g of group) {
      if ((await this.ledger.findByUid(g.booking.uid))?.state === 'live') {
        inLedger.add(g.booking.uid);
      }
    }
    const chosen = chooseKeeper(
      group.map((g) => g.booking),
      { inLedger, phaseStart },
    );
    const keptUid = chosen.keeper.uid;
    if (!inLedger.has(keptUid)) {
      // The ledger must know the booking that stays, or a later cancel would miss it.
      const kept = group.find((g) => g.booking.uid === keptUid)!;
      await this.ledger.recordLive(ledgerEntryFor(companyId, kept));
    }
    return { keptUid, because: chosen.because };
  }

  private async cancelExtras(
    companyId: string,
    group: readonly OursInCalendar[],
    { keptUid, because }: Kept,
  ): Promise<DuplicateOutcome> {
    const { appointmentId, phaseId } = group[0];
    let cancelled = 0;
    for (const extra of group.filter((g) => g.booking.uid !== keptUid)) {
      const outcome = await this.canceller.cancel(companyId, extra, 'duplicate');
      await this.note(companyId, appointmentId, 'calendar_reconcile.duplicate_cancelled', {
        uid: extra.booking.uid,
        phaseId,
        keptUid,
        keptBecause: because,
        inLedger: outcome.inLedger,
        failed: outcome.failed,
      });
      cancelled++;
    }
    return { kind: 'done', cancelled };
  }
}

/** Live bookings grouped by the appointment phase their metadata names. */
function byPhase(live: readonly OursInCalendar[]): OursInCalendar[][] {
  const groups = new Map<string, OursInCalendar[]>();
  for (const found of live) {
    const key = `${found.appointmentId}/${found.phaseId}`;
    groups.set(key, [...(groups.get(key) ?? []), found]);
  }
  return [...groups.values()];
}
