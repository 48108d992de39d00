import { TenantScope } from './appointment.repository.port';

export type SyncAction = 'create' | 'cancel' | 'reschedule';

export interface OutboxEntry {
  readonly id: string;
  readonly companyId: string;
  readonly appointmentId: string;
  readonly action: SyncAction;
  readonly appointmentVersion: number;
}

/**
 * Written in the same transaction as the booking change, so a crash between commit and enqueue
 * loses nothing: a relay later turns unenqueued entries into queue jobs. Reached through the
 * unit of work only (`tx.outbox`), so it has no injection token.
 */
export interface SyncOutbox {
  record(scope: TenantScope, appointmentId: string, action: SyncAction): Promise<OutboxEntry>;
  pending(limit: number): Promise<OutboxEntry[]>;
  markEnqueued(ids: readonly string[], at: Date): Promise<void>;
}
