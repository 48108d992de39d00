import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Appointment } from '../../domain/appointment/appointment';
import { TimeRange } from '../../domain/shared/time-range';
import {
  APPOINTMENT_REPOSITORY,
  type AppointmentRepository,
} from '../ports/appointment.repository.port';
import { AUDIT_LOG, type AuditLog } from '../ports/audit-log.port';
import {
  CALENDAR_BOOKING_LEDGER,
  type CalendarBookingLedger,
} from '../ports/calendar-booking-ledger.port';
import {
  CALENDAR_GATEWAY,
  type CalendarCredentialRef,
  type CalendarGateway,
  type BookingListing,
  type ListedBooking,
} from '../ports/calendar-gateway.port';
import {
  CALENDAR_MAPPING_REPOSITORY,
  type CalendarMappingRepository,
} from '../ports/calendar-mapping.port';
import { CLOCK, type Clock } from '../ports/clock.port';
import type { JobVerdict, ReconciliationJob } from '../ports/sync-queue.port';
import { SYNC_KICKER, type SyncKicker } from '../ports/sync-queue.port';
import { UNIT_OF_WORK, type UnitOfWork } from '../ports/unit-of-work.port';
import { DuplicateBookings } from './duplicate-bookings';
import { ListedBookingCanceller, type OursInCalendar } from './listed-booking-canceller';
import { describe } from './phase-booker';

const HORIZON_MS = 30 * 24 * 3600_000;

const isLive = (b: { status: string }) => b.status !== 'cancelled' && b.status !== 'rejected';

/** What the calendar lists as ours, in how many bookings, and which accounts it cut short. */
interface Listed {
  readonly ours: OursInCalendar[];
  readonly listed: number;
  readonly cut: ReadonlySet<CalendarCredentialRef>;
}

/**
 * Compares a tenant's external calendar with ours for the next 30 days, starting from what the
 * calendar itself lists for the tenant's mapped event types:
 * - a live booking carrying our ids whose appointment is gone or cancelled, or whose phase no
 *   longer exists, is cancelled (also one our ledger never heard of: a worker that died between
 *   the calendar's success and the ledger write);
 * - a phase holding several live bookings keeps one and the others are cancelled (see
 *   DuplicateBookings);
 * - a synced appointment whose phase booking (from our ledger) is not among the live bookings is
 *   queued again through the outbox, after a direct look-up confirms it is gone.
 * Bookings without our ids (or with another tenant's) are not ours and stay untouched. While an
 * appointment's sync is pending the sync job owns its bookings, so reconciliation leaves them.
 *
 * A listing cut at the gateway's page limit is a partial picture. What a listed booking proves
 * by itself (an orphan, a duplicate) is still acted on; what only an absence would prove (a
 * vanished booking) is not checked for that account. The run is audited and logged as
 * incomplete. Every action is audited.
 */
@Injectable()
export class ReconcileCalendarUseCase {
  private readonly log = new Logger(ReconcileCalendarUseCase.name);
  private readonly canceller: ListedBookingCanceller;
  private readonly duplicates: DuplicateBookings;

  constructor(
    @Inject(CALENDAR_GATEWAY) private readonly calendar: CalendarGateway,
    @Inject(CALENDAR_BOOKING_LEDGER) private readonly ledger: CalendarBookingLedger,
    @Inject(APPOINTMENT_REPOSITORY) private readonly appointments: AppointmentRepository,
    @Inject(CALENDAR_MAPPING_REPOSITORY) private readonly mappings: CalendarMappingRepository,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork,
    @Inject(SYNC_KICKER) private readonly kicker: SyncKicker,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.canceller = new ListedBookingCanceller(calendar, ledger);
    this.duplicates = new DuplicateBookings(
      calendar,
      ledger,
      this.canceller,
      (companyId, appointmentId, action, details) =>
        this.note({ kind: 'reconcile', companyId }, action, appointmentId, details),
    );
  }

  async execute(job: ReconciliationJob): Promise<JobVerdict> {
    const now = this.clock.now();
    const range = TimeRange.of(now, new Date(now.getTime() + HORIZON_MS));
    const listing = await this.listOurs(job, range);
    if ('kind' in listing) return listing;
    const { ours, listed, cut } = listing;
    const live = ours.filter((o) => isLive(o.booking));
    const loaded = new Map<string, Appointment | null>();
    const load = async (id: string): Promise<Appointment | null> => {
      if (!loaded.has(id)) {
        loaded.set(id, await this.appointments.findById({ companyId: job.companyId }, id));
      }
      return loaded.get(id) ?? null;
    };

    if (cut.size > 0) {
      this.log.warn(
        `reconciliation of company ${job.companyId} read only part of the window: the booking ` +
          `listing of ${cut.size} account(s) stopped at the page limit`,
      );
      await this.note(job, 'calendar_reconcile.incomplete', undefined, {
        accounts: [...cut],
        listed,
      });
    }

    const { orphans, belonging } = await this.cancelOrphans(job, live, load);
    const duplicates = await this.duplicates.resolve(job.companyId, belonging, load);
    if (duplicates.kind === 'retry') return duplicates;

    const vanished = await this.findVanished(job, range, live, cut, load);
    if ('kind' in vanished) return vanished;
    const requeued = await this.requeue(job, vanished.requeue, now);
    await this.note(job, 'calendar_reconcile.done', undefined, {
      listed,
      ours: ours.length,
      orphans,
      duplicates: duplicates.cancelled,
      requeued,
      complete: cut.size === 0,
      ...(cut.size > 0 ? { uncheckedLedgerEntries: vanished.unchecked } : {}),
    });
    return { kind: 'done' };
  }

  /** Bookings carrying our ids for this tenant, as the calendar lists them for its accounts. */
  private async listOurs(
    job: ReconciliationJob,
    range: TimeRange,
  ): Promise<Listed | Extract<JobVerdict, { kind: 'retry' }>> {
    const accounts = (await this.mappings.tenantCalendars()).filter(
      (c) => c.companyId === job.companyId,
    );
    const ours: OursInCalendar[] = [];
    const recorded = await this.recordedOwners(job, range);
    let listed = 0;
    /** Accounts whose listing stopped at the page limit. */
    const cut = new Set<CalendarCredentialRef>();
    for (const account of accounts) {
      let listing: BookingListing;
      try {
        listing = await this.calendar.listBookings({
          credentialRef: account.credentialRef,
          eventTypeIds: account.eventTypeIds,
          range,
        });
      } catch (error) {
        return { kind: 'retry', reason: `reconciliation listing: ${describe(error)}` };
      }
      listed += listing.bookings.length;
      if (!listing.complete) cut.add(account.credentialRef);
      for (const booking of listing.bookings) {
        const owner = recorded.get(booking.uid) ?? ownerByMetadata(booking, job.companyId);
        if (owner) ours.push({ credentialRef: account.credentialRef, booking, ...owner });
      }
    }
    return { ours, listed, cut };
  }

  /**
   * The phase each booking our ledger holds belongs to, by uid. It outranks the booking's
   * metadata: a booking we moved with the calendar's reschedule may carry the metadata of the
   * booking it replaced, which names the old phase.
   */
  private async recordedOwners(
    job: ReconciliationJob,
    range: TimeRange,
  ): Promise<Map<string, Owner>> {
    const entries = await this.ledger.liveBetween(job.companyId, range.start, range.end);
    return new Map(
      entries.map((e) => [e.bookingUid, { appointmentId: e.appointmentId, phaseId: e.phaseId }]),
    );
  }

  /** Cancels live bookings that belong to nothing here; answers those that belong. */
  private async cancelOrphans(
    job: ReconciliationJob,
    live: readonly OursInCalendar[],
    load: (id: string) => Promise<Appointment | null>,
  ): Promise<{ orphans: number; belonging: OursInCalendar[] }> {
    let orphans = 0;
    const belonging: OursInCalendar[] = [];
    for (const found of live) {
      const why = orphanReason(await load(found.appointmentId), found.phaseId);
      if (!why) {
        belonging.push(found);
        continue;
      }
      await this.cancelOrphan(job, found, why);
      orphans++;
    }
    return { orphans, belonging };
  }

  /**
   * Synced appointments whose phase booking (from the ledger) is missing from the listing and,
   * looked up directly, gone from the calendar. Accounts with a cut listing are not checked.
   */
  private async findVanished(
    job: ReconciliationJob,
    range: TimeRange,
    live: readonly OursInCalendar[],
    cut: ReadonlySet<CalendarCredentialRef>,
    load: (id: string) => Promise<Appointment | null>,
  ): Promise<{ requeue: Set<string>; unchecked: number } | Extract<JobVerdict, { kind: 'retry' }>> {
    const liveUids = new Set(live.map((o) => o.booking.uid));
    const livePhases = new Set(live.map((o) => o.phaseId));
    const requeue = new Set<string>();
    let unchecked = 0;
    const entries = await this.ledger.liveBetween(job.companyId, range.start, range.end);
    for (const entry of entries) {
      if (entry.state !== 'live' || entry.end > range.end) continue;
      if (liveUids.has(entry.bookingUid) || livePhases.has(entry.phaseId)) continue;
      // Missing from a cut listing proves nothing, and a look-up each could be thousands.
      if (cut.has(entry.credentialRef)) {
        unchecked++;
        continue;
      }
      const appointment = await load(entry.appointmentId);
      const phase = appointment?.phases.find((p) => p.id === entry.phaseId);
      if (
        !appointment ||
        appointment.status !== 'scheduled' ||
        appointment.syncState !== 'synced' ||
        phase?.calcomBookingUid !== entry.bookingUid
      ) {
        continue;
      }
      // A listing may miss an item (filters, paging while bookings change): ask for this one.
      let booking;
      try {
        booking = await this.calendar.getBooking({
          credentialRef: entry.credentialRef,
          uid: entry.bookingUid,
          priority: 'reconcile',
        });
      } catch (error) {
        return { kind: 'retry', reason: `reconciliation lookup: ${describe(error)}` };
      }
      if (booking && isLive(booking)) continue;
      await this.ledger.mark(entry.bookingUid, 'cancelled', 'vanished from the calendar');
      requeue.add(appointment.id);
    }
    return { requeue, unchecked };
  }

  /** Queues each vanished appointment's sync again through the outbox; answers how many. */
  private async requeue(
    job: ReconciliationJob,
    appointmentIds: ReadonlySet<string>,
    now: Date,
  ): Promise<number> {
    let requeued = 0;
    for (const appointmentId of appointmentIds) {
      const queued = await this.uow.run(async (tx) => {
        const scope = { companyId: job.companyId };
        const fresh = await tx.appointments.findById(scope, appointmentId);
        if (!fresh) return false;
        const pending = fresh.requestSync();
        if (!pending.ok) return false;
        await tx.appointments.save(scope, pending.value, now);
        await tx.outbox.record(scope, appointmentId, 'create');
        return true;
      });
      if (!queued) continue;
      requeued++;
      await this.note(job, 'calendar_reconcile.requeued', appointmentId, {
        reason: 'booking vanished from the calendar',
      });
    }
    if (requeued > 0) this.kicker.kick();
    return requeued;
  }

  private async cancelOrphan(
    job: ReconciliationJob,
    found: OursInCalendar,
    why: string,
  ): Promise<void> {
    const outcome = await this.canceller.cancel(job.companyId, found, 'not-in-salon');
    await this.note(job, 'calendar_reconcile.orphan_cancelled', found.appointmentId, {
      uid: found.booking.uid,
      phaseId: found.phaseId,
      why,
      inLedger: outcome.inLedger,
      failed: outcome.failed,
    });
  }

  private note(
    job: ReconciliationJob,
    action: string,
    entityId: string | undefined,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({
      companyId: job.companyId,
      actor: 'calendar-reconcile',
      action,
      entity: entityId ? 'appointment' : 'company',
      entityId: entityId ?? job.companyId,
      details,
      at: this.clock.now(),
    });
  }
}

/** The appointment phase a booking of ours holds. */
type Owner = Pick<OursInCalendar, 'appointmentId' | 'phaseId'>;

/** Ours by the ids our create put into the booking's metadata (this tenant's only). */
function ownerByMetadata(booking: ListedBooking, companyId: string): Owner | null {
  const { appointment_id: appointmentId, phase_id: phaseId, company_id: owner } = booking.metadata;
  if (!appointmentId || !phaseId || owner !== companyId) return null;
  return { appointmentId, phaseId };
}

/** Why a live booking of ours should not exist, or null when it belongs (or a sync owns it). */
function orphanReason(appointment: Appointment | null, phaseId: string): string | null {
  if (!appointment) return 'appointment gone';
  if (appointment.syncState === 'pending' || appointment.syncState === 'failed') return null;
  if (appointment.status === 'cancelled') return 'appointment cancelled';
  if (!appointment.phases.some((p) => p.id === phaseId && p.needsCalendarBooking)) {
    return 'phase gone';
  }
  return null;
}
