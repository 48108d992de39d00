import { TimeRange } from '../../../domain/shared/time-range';
import { LocalCalendar } from './local-calendar.gateway';

describe('LocalCalendar.listBookings', () => {
  const attendee = { name: 'Kundin', timeZone: 'Europe/Berlin', language: 'de' as const };
  const metadata = { appointment_id: 'a-1', phase_id: 'p-1', company_id: 'c-1' };
  const book = (calendar: LocalCalendar, eventTypeId: number, iso: string) =>
    calendar.createBooking({
      credentialRef: 'local',
      eventTypeId,
      start: new Date(iso),
      lengthMinutes: 30,
      attendee,
      metadata,
    });

  it('lists the bookings of the asked event types inside the range, cancelled ones too', async () => {
    const calendar = new LocalCalendar();
    const inside = await book(calendar, 1, '2026-12-04T09:00:00Z');
    const cancelled = await book(calendar, 2, '2026-12-04T10:00:00Z');
    await calendar.cancelBooking({
      credentialRef: 'local',
      uid: cancelled.uid,
      reason: 'cancelled',
    });
    await book(calendar, 3, '2026-12-04T11:00:00Z'); // another event type
    await book(calendar, 1, '2026-12-05T09:00:00Z'); // after the range

    const listed = await calendar.listBookings({
      credentialRef: 'local',
      eventTypeIds: [1, 2],
      range: TimeRange.of(new Date('2026-12-04T00:00:00Z'), new Date('2026-12-05T00:00:00Z')),
    });

    expect(listed.complete).toBe(true);
    expect(listed.bookings.map((b) => [b.uid, b.status, b.eventTypeId])).toEqual([
      [inside.uid, 'accepted', 1],
      [cancelled.uid, 'cancelled', 2],
    ]);
  });
});

describe('LocalCalendar.rescheduleBooking', () => {
  const attendee = { name: 'Kundin', timeZone: 'Europe/Berlin', language: 'de' as const };
  const metadata = { appointment_id: 'a-1', phase_id: 'p-1', company_id: 'c-1' };

  it('moves as Cal.com does: a new uid, the old one cancelled pointing to it, and moves it once', async () => {
    const calendar = new LocalCalendar();
    const old = await calendar.createBooking({
      credentialRef: 'local',
      eventTypeId: 1,
      start: new Date('2026-12-04T09:00:00Z'),
      lengthMinutes: 25,
      attendee,
      metadata,
    });
    const move = {
      credentialRef: 'local',
      uid: old.uid,
      newStart: new Date('2026-12-04T13:00:00Z'),
    };
    const moved = await calendar.rescheduleBooking(move);

    expect([moved.start, moved.end]).toEqual([
      new Date('2026-12-04T13:00:00Z'),
      new Date('2026-12-04T13:25:00Z'),
    ]);
    expect(moved.rescheduledFromUid).toBe(old.uid);
    const before = await calendar.getBooking({ credentialRef: 'local', uid: old.uid });
    expect([before?.status, before?.rescheduledToUid]).toEqual(['cancelled', moved.uid]);
    await expect(calendar.rescheduleBooking(move)).rejects.toMatchObject({
      code: 'CALENDAR.BAD_REQUEST',
    });
  });
});
