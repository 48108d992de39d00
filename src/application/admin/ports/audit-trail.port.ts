import { Page, PageRequest } from '../page';

export const AUDIT_TRAIL = Symbol('AuditTrail');

/** A text filter: the whole value, or (prefix) how it begins. */
export interface TextMatch {
  readonly value: string;
  readonly prefix: boolean;
}

export interface AuditFilter {
  /** Entries at or after. */
  readonly from?: Date;
  /** Entries before. */
  readonly to?: Date;
  readonly actor?: TextMatch;
  readonly action?: TextMatch;
  /** The kind of object changed, e.g. `appointment`, `admin_api_key`. */
  readonly entity?: string;
  readonly entityId?: string;
}

/** One audit row as stored. */
export interface AuditRecord {
  readonly id: string;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly details: Record<string, unknown>;
}

/** The audit log as operators read it: one company's entries, newest first. */
export interface AuditTrail {
  list(companyId: string, filter: AuditFilter, page: PageRequest): Promise<Page<AuditRecord>>;
}
