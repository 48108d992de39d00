import { Branch } from '../../domain/salon/branch';
import { Service } from '../../domain/salon/service';
import { Staff } from '../../domain/salon/staff';

export const SALON_CATALOG = Symbol('SalonCatalog');

/** Where the salon takes over what the agent cannot do. */
export interface BranchContact {
  /** Callers' messages are sent here; null: only kept for the admin API. */
  readonly email: string | null;
  /** E.164 number of a person at the salon; null: no transfer. */
  readonly transferNumber: string | null;
}

/** Everything needed to answer a call for one branch: who works, what they offer, when. */
export interface BranchContext {
  readonly companyId: string;
  readonly companyName: string;
  readonly country: string;
  readonly branch: Branch;
  readonly staff: readonly Staff[];
  readonly services: readonly Service[];
  /** Absent where a test builds the context by hand: as if neither were set. */
  readonly contact?: BranchContact;
}

/** Read side of the salon set-up. A call finds its tenant by the number it dialled or its agent. */
export interface SalonCatalog {
  branchIdForAnsweredNumber(phoneE164: string): Promise<string | null>;
  branchIdForAgent(agentId: string): Promise<string | null>;
  branchContext(branchId: string): Promise<BranchContext | null>;
}
