import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_LOG, type AuditLog } from '../ports/audit-log.port';
import { CLOCK, type Clock } from '../ports/clock.port';
import type { SyncAppointmentJob } from '../ports/sync-queue.port';

const ACTOR = 'calendar-sync';

/** The audit trail of one appointment's sync jobs: each line names the job's action and version. */
@Injectable()
export class SyncJournal {
  constructor(
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  note(job: SyncAppointmentJob, action: string, details: Record<string, unknown>): Promise<void> {
    return this.audit.record({
      companyId: job.companyId,
      actor: ACTOR,
      action,
      entity: 'appointment',
      entityId: job.appointmentId,
      details: { job: job.action, version: job.appointmentVersion, ...details },
      at: this.clock.now(),
    });
  }
}
