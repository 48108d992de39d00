import type { AppointmentRepository } from '../ports/appointment.repository.port';
import type { AuditLog } from '../ports/audit-log.port';
import type { CalendarBookingLedger } from '../ports/calendar-booking-ledger.port';
import type { CalendarGateway } from '../ports/calendar-gateway.port';
import type { CalendarMappingRepository } from '../ports/calendar-mapping.port';
import type { Clock } from '../ports/clock.port';
import type { CustomerRepository } from '../ports/customer.repository.port';
import type { SyncQueue } from '../ports/sync-queue.port';
import type { UnitOfWork } from '../ports/unit-of-work.port';
import { AppointmentMirror } from './appointment-mirror';
import { BookingCompensation } from './booking-compensation';
import { SyncAppointmentUseCase } from './sync-appointment.use-case';
import { SyncFailurePolicy } from './sync-failure-policy';
import { SyncJournal } from './sync-journal';
import type { SyncMetrics } from './sync-metrics';
import { SyncOutcomes } from './sync-outcomes';
import type { Sleeper, SyncSettings } from './sync-settings';

/** The injectable parts of the sync, in the order to provide them (Nest modules list these). */
export const SYNC_APPOINTMENT_PROVIDERS = [
  SyncJournal,
  SyncOutcomes,
  BookingCompensation,
  SyncFailurePolicy,
  AppointmentMirror,
  SyncAppointmentUseCase,
] as const;

export interface SyncAppointmentPorts {
  readonly appointments: AppointmentRepository;
  readonly customers: CustomerRepository;
  readonly mappings: CalendarMappingRepository;
  readonly ledger: CalendarBookingLedger;
  readonly uow: UnitOfWork;
  readonly calendar: CalendarGateway;
  readonly queue: SyncQueue;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly settings: SyncSettings;
  readonly sleep: Sleeper;
  readonly metrics: SyncMetrics;
}

/** The sync use case and its parts, wired by hand (the benchmark and tests without Nest). */
export function syncAppointmentOn(p: SyncAppointmentPorts): SyncAppointmentUseCase {
  const journal = new SyncJournal(p.audit, p.clock);
  const outcomes = new SyncOutcomes(p.uow, p.clock, p.metrics, journal);
  const compensation = new BookingCompensation(p.calendar, p.ledger, p.queue, journal);
  return new SyncAppointmentUseCase(
    p.appointments,
    p.ledger,
    p.mappings,
    new AppointmentMirror(p.customers, p.calendar, p.ledger, p.settings, p.sleep, journal, p.clock),
    new SyncFailurePolicy(compensation, outcomes, p.settings),
    outcomes,
  );
}
