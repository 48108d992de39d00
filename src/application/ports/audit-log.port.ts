export const AUDIT_LOG = Symbol('AuditLog');

export interface AuditEntry {
  readonly companyId?: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId?: string;
  /** Facts only: ids, times, states. Never names, numbers or e-mails. */
  readonly details?: Record<string, unknown>;
  readonly at: Date;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}
