import { SyncState } from '../../../domain/appointment/sync-state';
import { SyncAction } from '../../ports/sync-outbox.port';
import { Page, PageRequest } from '../page';

export const SYNC_REVIEW = Symbol('SyncReview');

export interface SyncStateCounts {
  readonly companyId: string;
  readonly companyName: string;
  readonly counts: Readonly<Record<SyncState, number>>;
}

/** How often each audit action occurred for a company; `flagged` counts entries whose
 * numeric `details[flagField]` is above zero. */
export interface AuditActionCount {
  readonly companyId: string;
  readonly action: string;
  readonly total: number;
  readonly flagged: number;
}

export interface ReviewItem {
  readonly appointmentId: string;
  readonly branchId: string;
  readonly staffId: string;
  readonly serviceId: string;
  readonly start: Date;
  readonly status: string;
  readonly syncState: SyncState;
  readonly syncAttempts: number;
  readonly lastSyncError: string | null;
  readonly updatedAt: Date;
}

export interface FailureEntry {
  readonly appointmentId: string | null;
  readonly action: string;
  readonly reason: string | null;
  readonly at: Date;
}

/** Read side of the calendar sync for operators, plus the one write the domain has no verb for. */
export interface SyncReview {
  stateCounts(companyIds: readonly string[] | 'all'): Promise<SyncStateCounts[]>;
  auditCounts(
    companyIds: readonly string[] | 'all',
    actions: readonly string[],
    flagField: string,
  ): Promise<AuditActionCount[]>;
  manualReview(companyId: string, page: PageRequest): Promise<Page<ReviewItem>>;
  recentFailures(
    companyId: string,
    actions: readonly string[],
    page: PageRequest,
  ): Promise<Page<FailureEntry>>;
  lastOutboxAction(companyId: string, appointmentId: string): Promise<SyncAction | null>;
  /** An operator decided the calendar does not need this appointment. False: not in review. */
  markNotRequired(companyId: string, appointmentId: string, at: Date): Promise<boolean>;
}
