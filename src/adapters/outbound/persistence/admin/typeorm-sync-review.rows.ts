import {
  AuditActionCount,
  FailureEntry,
  ReviewItem,
} from '../../../../application/admin/ports/sync-review.port';
import { SyncAction } from '../../../../application/ports/sync-outbox.port';
import { SyncState } from '../../../../domain/appointment/sync-state';

/** How many of a company's appointments are in one sync state (none: a null state, 0). */
export interface StateCountRow {
  id: string;
  name: string;
  sync_state: SyncState | null;
  n: number;
}

export interface AuditActionCountRow {
  company_id: string;
  action: string;
  total: number;
  flagged: number;
}

/** An appointment waiting for an operator. */
export interface ReviewRow {
  id: string;
  branch_id: string;
  staff_id: string;
  service_id: string;
  starts_at: Date;
  status: string;
  sync_state: SyncState;
  sync_attempts: number;
  last_sync_error: string | null;
  updated_at: Date;
}

/** A failure the audit log holds, with its reason pulled out of the details. */
export interface FailureRow {
  entity_id: string | null;
  action: string;
  reason: string | null;
  at: Date;
}

export interface OutboxActionRow {
  action: SyncAction;
}

export const toAuditActionCount = (r: AuditActionCountRow): AuditActionCount => ({
  companyId: r.company_id,
  action: r.action,
  total: r.total,
  flagged: r.flagged,
});

export const toReviewItem = (r: ReviewRow): ReviewItem => ({
  appointmentId: r.id,
  branchId: r.branch_id,
  staffId: r.staff_id,
  serviceId: r.service_id,
  start: r.starts_at,
  status: r.status,
  syncState: r.sync_state,
  syncAttempts: r.sync_attempts,
  lastSyncError: r.last_sync_error ?? null,
  updatedAt: r.updated_at,
});

export const toFailureEntry = (r: FailureRow): FailureEntry => ({
  appointmentId: r.entity_id,
  action: r.action,
  reason: r.reason,
  at: r.at,
});
