import { BranchContext } from '../ports/salon-catalog.port';

/** Who is asking: the tenant the call reached, the caller, and the resolved call id. */
export interface CallContext {
  readonly companyId: string;
  readonly branchId: string;
  /** The real Retell call id, or null when none could be resolved (never a placeholder). */
  readonly callId: string | null;
  /** The caller's number as Retell sent it (from_number); normalised by the use cases. */
  readonly callerNumber: string | null;
  /** The branch's set-up, when the edge has already loaded it to find the tenant. */
  readonly salon?: BranchContext;
}
