import { DataSource } from 'typeorm';
import type { CalendarBookingLedger } from '../../../application/ports/calendar-booking-ledger.port';
import type { CalendarGateway } from '../../../application/ports/calendar-gateway.port';
import type { CalendarMappingRepository } from '../../../application/ports/calendar-mapping.port';
import type { Clock } from '../../../application/ports/clock.port';
import type { SyncQueue } from '../../../application/ports/sync-queue.port';
import { CompensateBookingsUseCase } from '../../../application/sync/compensate-bookings.use-case';
import type { OutboxRelay } from '../../../application/sync/outbox-relay';
import { ReconcileCalendarUseCase } from '../../../application/sync/reconcile-calendar.use-case';
import { syncAppointmentOn } from '../../../application/sync/sync-appointment.providers';
import { SyncJobDispatcher } from '../../../application/sync/sync-job.dispatcher';
import { SyncMetrics } from '../../../application/sync/sync-metrics';
import {
  realSleeper,
  type Sleeper,
  type SyncSettings,
} from '../../../application/sync/sync-settings';
import { TypeOrmCalendarBookingLedger } from '../persistence/repositories/typeorm-calendar-booking-ledger';
import { TypeOrmCalendarMappingRepository } from '../persistence/repositories/typeorm-calendar-mapping.repository';
import { portsFor, TypeOrmUnitOfWork } from '../persistence/typeorm-unit-of-work';

export interface SyncDispatcherParts {
  readonly dataSource: DataSource;
  readonly calendar: CalendarGateway;
  readonly queue: SyncQueue;
  readonly relay: OutboxRelay;
  readonly clock: Clock;
  readonly settings: SyncSettings;
  readonly sleep?: Sleeper;
  /** Defaults to the TypeORM ones on `dataSource`; tests pass wrapped ones to watch them. */
  readonly ledger?: CalendarBookingLedger;
  readonly mappings?: CalendarMappingRepository;
  readonly metrics?: SyncMetrics;
}

/**
 * The sync job dispatcher (sync, compensation, reconciliation) on the TypeORM adapters, wired by
 * hand for the benchmark and the tests that run it without Nest; the app wires the same classes
 * in CalendarSyncModule (src/calendar-sync.module.ts).
 */
export function syncDispatcherOn(parts: SyncDispatcherParts): SyncJobDispatcher {
  const ds = parts.dataSource;
  const ports = portsFor(ds.manager);
  const ledger = parts.ledger ?? new TypeOrmCalendarBookingLedger(ds.manager);
  const mappings = parts.mappings ?? new TypeOrmCalendarMappingRepository(ds.manager);
  const sync = syncAppointmentOn({
    appointments: ports.appointments,
    customers: ports.customers,
    mappings,
    ledger,
    uow: new TypeOrmUnitOfWork(ds),
    calendar: parts.calendar,
    queue: parts.queue,
    audit: ports.audit,
    clock: parts.clock,
    settings: parts.settings,
    sleep: parts.sleep ?? realSleeper,
    metrics: parts.metrics ?? new SyncMetrics(),
  });
  return new SyncJobDispatcher(
    sync,
    new CompensateBookingsUseCase(parts.calendar, ledger, ports.audit, parts.clock, parts.settings),
    new ReconcileCalendarUseCase(
      parts.calendar,
      ledger,
      ports.appointments,
      mappings,
      new TypeOrmUnitOfWork(ds),
      parts.relay,
      ports.audit,
      parts.clock,
    ),
    ledger,
    parts.settings,
  );
}
