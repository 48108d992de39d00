import { Inject, Injectable } from '@nestjs/common';
import { SyncState } from '../../../domain/appointment/sync-state';
import { Page, PageRequest } from '../page';
import { FailureEntry, ReviewItem, SYNC_REVIEW, SyncReview } from '../ports/sync-review.port';
import {
  FAILURE_ACTIONS,
  SYNC_AUDIT,
  syncRates,
  SyncRates,
  VERIFIED_FLAG,
} from './sync-audit-actions';

export interface CompanySyncSummary extends SyncRates {
  readonly companyId: string;
  readonly companyName: string;
  readonly counts: Readonly<Record<SyncState, number>>;
}

/** What operators watch: how well the calendar mirror works, and what needs a person. */
@Injectable()
export class SyncDashboardUseCase {
  constructor(@Inject(SYNC_REVIEW) private readonly review: SyncReview) {}

  async summary(companyIds: readonly string[] | 'all'): Promise<CompanySyncSummary[]> {
    const [states, audit] = await Promise.all([
      this.review.stateCounts(companyIds),
      this.review.auditCounts(
        companyIds,
        [SYNC_AUDIT.synced, SYNC_AUDIT.attemptFailed, SYNC_AUDIT.manualReview],
        VERIFIED_FLAG,
      ),
    ]);
    return states.map((s) => {
      const of = (action: string) =>
        audit.find((a) => a.companyId === s.companyId && a.action === action);
      return {
        companyId: s.companyId,
        companyName: s.companyName,
        counts: s.counts,
        ...syncRates(s.counts, {
          verifiedAfterError: of(SYNC_AUDIT.synced)?.flagged ?? 0,
          attemptFailed: of(SYNC_AUDIT.attemptFailed)?.total ?? 0,
          manualReview: of(SYNC_AUDIT.manualReview)?.total ?? 0,
        }),
      };
    });
  }

  manualReview(companyId: string, page: PageRequest): Promise<Page<ReviewItem>> {
    return this.review.manualReview(companyId, page);
  }

  recentFailures(companyId: string, page: PageRequest): Promise<Page<FailureEntry>> {
    return this.review.recentFailures(companyId, FAILURE_ACTIONS, page);
  }
}
