import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import { Appointment } from '../appointment/appointment';
import { Branch, BranchProps } from '../salon/branch';
import { Service } from '../salon/service';
import { busy, free } from '../salon/service-segment';
import { Staff, StaffProps } from '../salon/staff';
import { WeeklyHours } from '../salon/weekly-hours';
import { AvailabilityEngine, StylistCalendar } from './availability-engine';
import { BusyInterval, busyOfAppointments } from './busy-interval';

/** A Berlin salon for the availability tables: Mon-Sat 09:00-18:00, Monday 2026-06-15. */
export const ZONE = 'Europe/Berlin';
export const MONDAY = '2026-06-15';
export const TUESDAY = '2026-06-16';
export const SUNDAY = '2026-06-21';

export const at = (date: string, time: string): Date => fromZonedTime(`${date}T${time}:00`, ZONE);
export const wall = (instant: Date): string => formatInTimeZone(instant, ZONE, 'yyyy-MM-dd HH:mm');
export const hhmm = (instant: Date): string => formatInTimeZone(instant, ZONE, 'HH:mm');

export const MON_TO_SAT = [1, 2, 3, 4, 5, 6] as const;
export const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7] as const;
export const nineToSix = WeeklyHours.sameOn([...MON_TO_SAT], [{ from: '09:00', to: '18:00' }]);
export const withLunch = WeeklyHours.sameOn(
  [...MON_TO_SAT],
  [
    { from: '09:00', to: '12:00' },
    { from: '13:00', to: '18:00' },
  ],
);

export const branch = (props: Partial<BranchProps> = {}): Branch =>
  Branch.restore({ id: 'b1', name: 'Salon Mitte', openingHours: nineToSix, ...props });

export const perm = Service.segmented({ id: 'perm', name: 'Dauerwelle' }, [
  busy(30),
  free(40),
  busy(20),
  free(10),
  busy(25),
]);
export const cut = Service.simple({ id: 'cut', name: 'Herrenhaarschnitt' }, 30);
export const longCut = Service.simple({ id: 'long', name: 'Langhaarschnitt' }, 135);
/** Fits a perm's gaps exactly: busy 30 in the 40-minute gap, busy 10 in the 10-minute gap. */
export const colour = Service.segmented({ id: 'colour', name: 'Ansatzfarbe' }, [
  busy(30),
  free(30),
  busy(10),
]);
export const cutWithBuffer = Service.simple(
  { id: 'cutb', name: 'Schnitt mit Reinigung', bufferAfterMinutes: 15 },
  30,
);
export const ALL_SERVICES = ['perm', 'cut', 'long', 'colour', 'cutb'];

export const stylist = (props: Partial<StaffProps> = {}): Staff =>
  Staff.restore({ id: 'anna', name: 'Anna', serviceIds: ALL_SERVICES, ...props });

let counter = 0;
export const ids = (): string => `id-${++counter}`;

export const booked = (
  service: Service,
  start: Date,
  staffId = 'anna',
  customerId = 'c-other',
): Appointment =>
  Appointment.create({ service, staffId, customerId, start, source: 'admin', newId: ids });

export const calendarOf = (staff: Staff, appointments: Appointment[] = []): StylistCalendar => ({
  staff,
  busy: busyOfAppointments(appointments.filter((a) => a.staffId === staff.id)),
});

export const engine = (p: {
  service: Service;
  stylists?: StylistCalendar[];
  busy?: BusyInterval[];
  now?: Date;
  salon?: Branch;
  horizonDays?: number;
}): AvailabilityEngine =>
  AvailabilityEngine.for({
    branch: p.salon ?? branch(),
    service: p.service,
    stylists: p.stylists ?? [{ staff: stylist(), busy: p.busy ?? [] }],
    now: p.now ?? at('2026-06-01', '08:00'),
    horizonDays: p.horizonDays,
  });
