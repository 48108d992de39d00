import { EntityManager } from 'typeorm';
import { offsetOf, Page, PageRequest, pageOf } from '../../../../application/admin/page';
import {
  AuditActionCount,
  FailureEntry,
  ReviewItem,
  SyncReview,
  SyncStateCounts,
} from '../../../../application/admin/ports/sync-review.port';
import { SyncAction } from '../../../../application/ports/sync-outbox.port';
import { SYNC_STATES, SyncState } from '../../../../domain/appointment/sync-state';
import { CountRow } from '../shared.rows';
import { affected } from './sql-helpers';
import {
  AuditActionCountRow,
  FailureRow,
  OutboxActionRow,
  ReviewRow,
  StateCountRow,
  toAuditActionCount,
  toFailureEntry,
  toReviewItem,
} from './typeorm-sync-review.rows';

const companiesParam = (ids: readonly string[] | 'all'): string[] | null =>
  ids === 'all' ? null : [...ids];

const emptyCounts = (): Record<SyncState, number> =>
  Object.fromEntries(SYNC_STATES.map((s) => [s, 0])) as Record<SyncState, number>;

export class TypeOrmSyncReview implements SyncReview {
  constructor(private readonly m: EntityManager) {}

  async stateCounts(companyIds: readonly string[] | 'all'): Promise<SyncStateCounts[]> {
    const rows: StateCountRow[] = await this.m.query(
      `SELECT c.id, c.name, a.sync_state, count(a.id)::int AS n
           FROM companies c LEFT JOIN appointments a ON a.company_id = c.id
          WHERE $1::uuid[] IS NULL OR c.id = ANY($1::uuid[])
          GROUP BY c.id, c.name, a.sync_state ORDER BY c.name, c.id`,
      [companiesParam(companyIds)],
    );
    const byCompany = new Map<string, SyncStateCounts>();
    for (const r of rows) {
      const entry = byCompany.get(r.id) ?? {
        companyId: r.id,
        companyName: r.name,
        counts: emptyCounts(),
      };
      if (r.sync_state) (entry.counts as Record<SyncState, number>)[r.sync_state] = r.n;
      byCompany.set(r.id, entry);
    }
    return [...byCompany.values()];
  }

  async auditCounts(
    companyIds: readonly string[] | 'all',
    actions: readonly string[],
    flagField: string,
  ): Promise<AuditActionCount[]> {
    const rows: AuditActionCountRow[] = await this.m.query(
      `SELECT company_id, action, count(*)::int AS total,
                count(*) FILTER (
                  WHERE jsonb_typeof(details -> $3::text) = 'number' AND (details ->> $3::text)::numeric > 0
                )::int AS flagged
           FROM audit_log
          WHERE action = ANY($2::varchar[]) AND company_id IS NOT NULL
            AND ($1::uuid[] IS NULL OR company_id = ANY($1::uuid[]))
          GROUP BY company_id, action`,
      [companiesParam(companyIds), [...actions], flagField],
    );
    return rows.map(toAuditActionCount);
  }

  async manualReview(companyId: string, page: PageRequest): Promise<Page<ReviewItem>> {
    const rows: ReviewRow[] = await this.m.query(
      `SELECT id, branch_id, staff_id, service_id, starts_at, status, sync_state, sync_attempts,
              last_sync_error, updated_at
         FROM appointments WHERE company_id = $1 AND sync_state = 'manual_review'
        ORDER BY updated_at DESC, id LIMIT $2 OFFSET $3`,
      [companyId, page.pageSize, offsetOf(page)],
    );
    const [{ n }]: CountRow[] = await this.m.query(
      `SELECT count(*)::int AS n FROM appointments WHERE company_id = $1 AND sync_state = 'manual_review'`,
      [companyId],
    );
    return pageOf(rows.map(toReviewItem), n, page);
  }

  async recentFailures(
    companyId: string,
    actions: readonly string[],
    page: PageRequest,
  ): Promise<Page<FailureEntry>> {
    const params = [companyId, [...actions]];
    const rows: FailureRow[] = await this.m.query(
      `SELECT entity_id, action, at,
                COALESCE(details ->> 'reason', details ->> 'failures') AS reason
           FROM audit_log WHERE company_id = $1 AND action = ANY($2::varchar[])
          ORDER BY at DESC, id DESC LIMIT $3 OFFSET $4`,
      [...params, page.pageSize, offsetOf(page)],
    );
    const [{ n }]: CountRow[] = await this.m.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE company_id = $1 AND action = ANY($2::varchar[])`,
      params,
    );
    return pageOf(rows.map(toFailureEntry), n, page);
  }

  async lastOutboxAction(companyId: string, appointmentId: string): Promise<SyncAction | null> {
    const [row]: OutboxActionRow[] = await this.m.query(
      `SELECT action FROM sync_outbox WHERE company_id = $1 AND appointment_id = $2
        ORDER BY id DESC LIMIT 1`,
      [companyId, appointmentId],
    );
    return row?.action ?? null;
  }

  async markNotRequired(companyId: string, appointmentId: string, at: Date): Promise<boolean> {
    const result: unknown = await this.m.query(
      `UPDATE appointments SET sync_state = 'not_required', last_sync_error = NULL,
              version = version + 1, updated_at = $3
        WHERE id = $1 AND company_id = $2 AND sync_state = 'manual_review' RETURNING id`,
      [appointmentId, companyId, at],
    );
    if (affected(result) === 0) return false;
    await this.m.query(
      `UPDATE appointment_phases SET sync_state = 'not_required'
        WHERE appointment_id = $1 AND sync_state <> 'synced'`,
      [appointmentId],
    );
    return true;
  }
}
