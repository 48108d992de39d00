import { Injectable } from '@nestjs/common';
import type {
  AvailableStartsQuery,
  BookingListing,
  BookingRef,
  CalendarBreakerState,
  CancelBookingCommand,
  CreateBookingCommand,
  EventTypeSettings,
  ExternalBooking,
  FindBookingByMetadataQuery,
  ListBookingsQuery,
  ListedBooking,
  LocalCalendarGateway,
  RescheduleBookingCommand,
} from '../../../application/ports/calendar-gateway.port';
import { CalendarBadRequest, CalendarNotFound } from '../../../domain/calendar/calendar.errors';

/**
 * The calendar port without Cal.com (`npm start`): the salon's Postgres calendar is the only
 * calendar, so this offers no outside constraints (no extra starts, no busy times) and keeps
 * whatever is booked into it in memory. Tenants without a Cal.com mapping are not booked here
 * at all: the sync marks their phases `not_required`.
 */
@Injectable()
export class LocalCalendar implements LocalCalendarGateway {
  private readonly bookings = new Map<string, ListedBooking>();
  private next = 1;

  async availableStarts(_query: AvailableStartsQuery): Promise<Date[]> {
    return [];
  }

  async createBooking(command: CreateBookingCommand): Promise<ExternalBooking> {
    const id = this.next++;
    const minutes = command.lengthMinutes ?? 30;
    const booking: ListedBooking = {
      externalId: id,
      eventTypeId: command.eventTypeId,
      uid: `local-${id}`,
      start: new Date(command.start.getTime()),
      end: new Date(command.start.getTime() + minutes * 60_000),
      status: 'accepted',
      metadata: { ...command.metadata },
    };
    this.bookings.set(booking.uid, booking);
    return booking;
  }

  async findBookingByMetadata(query: FindBookingByMetadataQuery): Promise<ExternalBooking | null> {
    const matches = [...this.bookings.values()].filter(
      (b) =>
        b.metadata.appointment_id === query.appointmentId &&
        b.metadata.phase_id === query.phaseId &&
        query.around.containsInstant(b.start),
    );
    return matches.find((b) => b.status !== 'cancelled') ?? matches[0] ?? null;
  }

  async listBookings(query: ListBookingsQuery): Promise<BookingListing> {
    const wanted = new Set(query.eventTypeIds);
    const bookings = [...this.bookings.values()].filter(
      (b) =>
        b.eventTypeId !== undefined &&
        wanted.has(b.eventTypeId) &&
        b.start >= query.range.start &&
        b.end <= query.range.end,
    );
    return { bookings, complete: true };
  }

  async getBooking(ref: BookingRef): Promise<ExternalBooking | null> {
    return this.bookings.get(ref.uid) ?? null;
  }

  async cancelBooking(command: CancelBookingCommand): Promise<ExternalBooking> {
    const booking = this.bookings.get(command.uid);
    if (!booking) throw new CalendarNotFound(`no local booking ${command.uid}`);
    const cancelled: ExternalBooking = { ...booking, status: 'cancelled' };
    this.bookings.set(command.uid, cancelled);
    return cancelled;
  }

  async rescheduleBooking(command: RescheduleBookingCommand): Promise<ExternalBooking> {
    const old = this.bookings.get(command.uid);
    if (!old) throw new CalendarNotFound(`no local booking ${command.uid}`);
    // As Cal.com: a cancelled (or already moved) booking does not move.
    if (old.status === 'cancelled') {
      throw new CalendarBadRequest(400, `local booking ${command.uid} is cancelled`);
    }
    const length = old.end.getTime() - old.start.getTime();
    const moved = await this.createBooking({
      credentialRef: command.credentialRef,
      eventTypeId: old.eventTypeId ?? 0,
      start: command.newStart,
      lengthMinutes: length / 60_000,
      attendee: { name: '', timeZone: 'UTC', language: 'de' },
      metadata: old.metadata as CreateBookingCommand['metadata'],
    });
    this.bookings.set(old.uid, { ...old, status: 'cancelled', rescheduledToUid: moved.uid });
    const withFrom = { ...moved, rescheduledFromUid: old.uid };
    this.bookings.set(moved.uid, withFrom);
    return withFrom;
  }

  /** No event types here: nothing to compare the salon file with. */
  async eventTypeSettings(): Promise<EventTypeSettings | null> {
    return null;
  }

  async invalidateSlots(): Promise<void> {}

  breakerState(): CalendarBreakerState {
    return 'closed';
  }

  /** Nothing is kept per credential here. */
  forgetCredential(): void {}
}
